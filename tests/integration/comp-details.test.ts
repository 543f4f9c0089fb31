import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatDay } from "../../app/domain/comp-as-of.ts";
import type { Actor } from "../../app/domain/claim-rules.ts";
import type { CompFigures } from "../../app/domain/comp-figures.ts";
import { formatPercent } from "../../app/domain/format.ts";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { raiseDispute } from "../../app/models/claim-verdicts.server.ts";
import { computePeriod } from "../../app/models/comp-compute.server.ts";
import { projectStatementFor } from "../../app/models/comp-statements.server.ts";
import { importSurveyResults } from "../../app/models/survey-results.server.ts";
import { action as periodAction } from "../../app/routes/_app.comp.$periodName._index.tsx";
import { loader as statementLoader } from "../../app/routes/_app.comp.$periodName.$userId.tsx";
import { loader as payrollLoader } from "../../app/routes/comp.$periodName.payroll[.]csv.ts";
import { settle } from "./support/sign-in.ts";
import { load, submit, statusOf } from "./support/requests.ts";

// PRODUCT.md §4 and ADR 007 in detail: a locked statement holds the figures as they stood at the
// lock, anything later is paid as a prior-period adjustment with its reason in plain words; the
// period's own payout, the adjustments and the total are stored apart; a verdict under an open
// dispute counts as it stands and is marked "disputed". Demo data seeded for 2026-11-26.

const OPEN = "2026-Q4";
const LAST_LOCKED = "2026-Q3";

const user = (email: string) =>
  prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, name: true } });

async function statement(readerEmail: string, periodName: string, userId: string) {
  const page = await load(statementLoader, readerEmail, `/comp/${periodName}/${userId}`, { periodName, userId });
  if (page.statement === null || page.figures === null) throw new Error(`expected a statement in ${periodName}`);
  return { ...page, statement: page.statement, figures: page.figures };
}

const compute = async (periodName: string) =>
  settle(() => submit(periodAction, "admin@candor.test", `/comp/${periodName}`, { intent: "compute" }, { periodName }));

const lock = async (periodName: string) =>
  settle(() =>
    submit(
      periodAction,
      "admin@candor.test",
      `/comp/${periodName}`,
      { intent: "lock", confirmName: periodName },
      { periodName },
    ),
  );

const surveyIds = (figures: CompFigures) => figures.surveys.map((line) => line.id);

describe("the demo's adjustments", () => {
  it("pays a survey answered after its period was locked in the open period, with the reason in plain words, and the locked statement leaves it out", async () => {
    const sales = await user("sales@candor.test");
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: LAST_LOCKED } });
    const lockedAt = period.lockedAt ?? new Date(0);
    const late = await prisma.survey.findMany({
      where: {
        salespersonId: sales.id,
        dueAt: { gte: period.startsAt, lt: period.endsAt },
        respondedAt: { gt: lockedAt },
      },
    });
    expect(late.length).toBeGreaterThan(0);

    const locked = await statement("sales@candor.test", LAST_LOCKED, sales.id);
    for (const survey of late) expect(surveyIds(locked.figures)).not.toContain(survey.id);

    const open = await statement("sales@candor.test", OPEN, sales.id);
    const line = open.adjustments.find((adjustment) => adjustment.sourcePeriod === LAST_LOCKED);
    const answeredOn = formatDay(late[0]?.respondedAt ?? new Date(0));
    expect(line?.reason).toContain(`${LAST_LOCKED}: a survey answered on ${answeredOn}, after the period was locked`);
    expect(line?.reason).toMatch(/(raised|lowered) the multiplier from \d\.\d{4} to \d\.\d{4}/);
    expect(line?.reason).toContain(`satisfaction ${formatPercent(locked.figures.satisfaction, 2)} → `);
    // The page's three payout figures: the period's own, the adjustments, and the total paid.
    expect(open.statement.periodPayoutCents).toBe(open.figures.payoutCents);
    expect(open.statement.adjustmentCents).toBe(
      open.adjustments.reduce((sum, adjustment) => sum + adjustment.deltaCents, 0),
    );
    expect(open.statement.totalPayoutCents).toBe(open.statement.periodPayoutCents + open.statement.adjustmentCents);
  });
});

describe("disputed verdicts", () => {
  it("count as they stand on the statement and the projection, each marked disputed", async () => {
    const sales = await user("sales@candor.test");
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN } });
    const claim = await prisma.claim.findFirstOrThrow({
      where: {
        salespersonId: sales.id,
        madeAt: { gte: period.startsAt, lt: period.endsAt },
        status: "ACCURATE",
        dispute: null,
      },
      orderBy: { madeAt: "asc" },
    });
    const before = await statement("sales@candor.test", OPEN, sales.id);
    const actor: Actor = { userId: sales.id, role: sales.role };
    expect(
      await raiseDispute(
        { actorId: sales.id, requestId: randomUUID(), ip: "203.0.113.81" },
        actor,
        claim.id,
        "The customer confirmed the feature works for them.",
      ),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(statusOf(await compute(OPEN))).toBe(302);

    const after = await statement("sales@candor.test", OPEN, sales.id);
    const line = after.figures.claims.find((candidate) => candidate.id === claim.id);
    expect(line).toMatchObject({ status: "ACCURATE", counted: true, disputed: true, credit: 1 });
    expect(after.figures.claims.filter((candidate) => candidate.disputed).map((candidate) => candidate.id)).toEqual([
      claim.id,
    ]);
    expect(after.figures.multiplier).toBe(before.figures.multiplier);
    expect(after.figures.explanation).toContain(
      "1 claim is disputed: its verdict counts as it stands until a manager resolves the dispute.",
    );

    const projection = await projectStatementFor(sales.id);
    expect(projection?.disputedClaims).toEqual([
      { id: claim.id, accountName: claim.accountName, statement: claim.statement, status: "ACCURATE" },
    ]);
    expect(projection?.figures.multiplier).toBe(after.figures.multiplier);
  });
});

describe("statements hold the data as it stood when computed", () => {
  it("leaves out survey answers and claims recorded after the computing instant", async () => {
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN } });
    const instant = new Date("2026-11-01T00:00:00Z");
    const recordedLater = await prisma.survey.findMany({
      where: {
        dueAt: { gte: period.startsAt, lt: instant },
        answerRecordedAt: { gt: instant },
        salesperson: { active: true, role: "SALES" },
      },
      select: { id: true, salespersonId: true },
    });
    expect(recordedLater.length).toBeGreaterThan(0);
    const admin = await user("admin@candor.test");
    const outcome = await computePeriod(
      { actorId: admin.id, requestId: randomUUID(), ip: null },
      period.id,
      { kind: "all" },
      { now: instant },
    );
    expect(outcome.ok).toBe(true);
    for (const survey of recordedLater) {
      const page = await statement("admin@candor.test", OPEN, survey.salespersonId);
      expect(surveyIds(page.figures)).not.toContain(survey.id);
    }
    const loggedLater = await prisma.claim.findFirst({
      where: {
        madeAt: { gte: period.startsAt, lt: instant },
        createdAt: { gt: instant },
        salesperson: { active: true },
      },
    });
    if (loggedLater !== null) {
      const page = await statement("admin@candor.test", OPEN, loggedLater.salespersonId);
      expect(page.figures.claims.map((line) => line.id)).not.toContain(loggedLater.id);
    }
    // Computed again now, the same statements hold them.
    expect(statusOf(await compute(OPEN))).toBe(302);
    const [first] = recordedLater;
    if (first === undefined) throw new Error("expected a survey");
    expect(surveyIds((await statement("admin@candor.test", OPEN, first.salespersonId)).figures)).toContain(first.id);
  });
});

describe("locking", () => {
  it("freezes a locked statement against an answer dated before the lock but recorded after it, and pays it as an adjustment in the next period", async () => {
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN } });
    const today = new Date();
    // An unanswered survey due in the period, of a salesperson whose multiplier no gate holds down.
    const candidates = await prisma.survey.findMany({
      where: {
        dueAt: { gte: period.startsAt, lt: today },
        respondedAt: null,
        salesperson: { active: true, role: "SALES" },
      },
      select: { id: true, salespersonId: true, dueAt: true, deal: { select: { externalId: true } } },
      orderBy: { dueAt: "asc" },
    });
    let chosen: (typeof candidates)[number] | undefined;
    for (const candidate of candidates) {
      const page = await statement("admin@candor.test", OPEN, candidate.salespersonId);
      if (page.figures.gates.every((gate) => !gate.lowered) && page.figures.multiplier > 0) {
        chosen = candidate;
        break;
      }
    }
    if (chosen === undefined) throw new Error("expected an unanswered survey due in the open period");

    expect(statusOf(await lock(OPEN))).toBe(302);
    const lockedPeriod = await prisma.compPeriod.findUniqueOrThrow({ where: { id: period.id } });
    const lockedAt = lockedPeriod.lockedAt ?? new Date(0);
    const frozen = await statement("admin@candor.test", OPEN, chosen.salespersonId);
    expect(surveyIds(frozen.figures)).not.toContain(chosen.id);

    // The customer answered an hour before the lock; the answer reaches Candor by import afterwards.
    const answeredAt = new Date(Math.max(lockedAt.getTime() - 3_600_000, chosen.dueAt.getTime() + 60_000));
    const admin = await user("admin@candor.test");
    const csv = `Deal external ID,Responded at,CSAT,Delivered as promised\n${chosen.deal.externalId},${answeredAt.toISOString()},1,NO\n`;
    const imported = await importSurveyResults({ actorId: admin.id, requestId: randomUUID(), ip: null }, csv, null);
    expect(imported.ok).toBe(true);
    const survey = await prisma.survey.findUniqueOrThrow({ where: { id: chosen.id } });
    expect(survey.respondedAt?.getTime()).toBe(answeredAt.getTime());
    const recordedAt = survey.answerRecordedAt ?? new Date(0);
    expect(recordedAt.getTime()).toBeGreaterThan(lockedAt.getTime());

    // The locked statement is unchanged, figure for figure and cent for cent.
    const still = await statement("admin@candor.test", OPEN, chosen.salespersonId);
    expect(still.figures).toEqual(frozen.figures);
    expect(still.statement).toEqual(frozen.statement);

    // The next open period carries the difference, with the reason in plain words.
    await prisma.compPeriod.create({
      data: {
        name: "2027-Q1",
        startsAt: new Date("2027-01-01T00:00:00Z"),
        endsAt: new Date("2027-04-01T00:00:00Z"),
        planId: lockedPeriod.planId,
      },
    });
    expect(statusOf(await compute("2027-Q1"))).toBe(302);
    const next = await statement("admin@candor.test", "2027-Q1", chosen.salespersonId);
    const line = next.adjustments.find((adjustment) => adjustment.sourcePeriod === OPEN);
    if (line === undefined) throw new Error("expected an adjustment for the locked period");
    expect(line.deltaCents).toBeLessThan(0);
    expect(line.reason).toContain(
      `${OPEN}: a survey answered on ${formatDay(answeredAt)} but recorded on ${formatDay(recordedAt)}, after the period was locked`,
    );
    expect(line.reason).toContain(`lowered the multiplier from ${frozen.figures.multiplier.toFixed(4)} to `);

    // Stored apart: the period's own payout, the adjustments and the total; payroll pays the total.
    expect(next.statement.periodPayoutCents).toBe(next.figures.payoutCents);
    expect(next.statement.adjustmentCents).toBe(line.deltaCents);
    expect(next.statement.totalPayoutCents).toBe(next.figures.payoutCents + line.deltaCents);
    const response = await load(payrollLoader, "admin@candor.test", "/comp/2027-Q1/payroll.csv", {
      periodName: "2027-Q1",
    });
    const [header, ...rows] = parseCsv(await response.text());
    const email = (
      await prisma.user.findUniqueOrThrow({ where: { id: chosen.salespersonId }, select: { email: true } })
    ).email;
    const row = rows.find((cells) => cells[0] === email);
    expect(header?.slice(10)).toEqual(["payout_cents", "adjustment_cents"]);
    expect(row?.slice(10)).toEqual([String(next.statement.totalPayoutCents), String(line.deltaCents)]);
  });
});
