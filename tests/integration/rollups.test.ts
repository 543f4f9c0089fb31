import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "../../app/domain/levels.ts";
import type { PeriodRef } from "../../app/domain/dashboard-period.ts";
import { addDays } from "../../app/domain/dates.ts";
import { parseSnapshot } from "../../app/domain/quiz-rules.ts";
import { prisma } from "../../app/lib/db.server.ts";
import type { AuditContext } from "../../app/models/audit.server.ts";
import { raiseDispute, recordVerdict, resolveDispute } from "../../app/models/claim-verdicts.server.ts";
import { createClaim } from "../../app/models/claims.server.ts";
import { mapCustomerClaim } from "../../app/models/customer-claims.server.ts";
import {
  getAccuracyVsSatisfaction,
  getBacklogKpisAsOf,
  getKpis,
  getMisrepresentedCapabilities,
  getMonthlyAccuracy,
  listDashboardTeams,
  type TeamOption,
} from "../../app/models/dashboard.server.ts";
import { importDealBatch } from "../../app/models/deals.server.ts";
import { startAttempt, submitAttempt } from "../../app/models/quiz-attempts.server.ts";
import { countAllClaims, rebuildRollups } from "../../app/models/rollups.server.ts";
import { createSurveyLink, recordSurveyResponse } from "../../app/models/survey-links.server.ts";
import { importSurveyResults } from "../../app/models/survey-results.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as dashboardLoader } from "../../app/routes/_app.dashboard.tsx";
import {
  directAccuracyVsSatisfaction,
  directBacklogKpisAsOf,
  directKpis,
  directMisrepresentedCapabilities,
  directMonthlyAccuracy,
} from "./support/dashboard-direct.ts";
import { load } from "./support/requests.ts";

// The dashboard's rollups (ADR 019) are kept by the write paths in the same transaction as each
// write. Two checks after real writes through the model functions: the rollups kept step by step
// equal a rebuild from the rows, and every figure the dashboard reads from them equals the
// direct SQL over the rows (tests/integration/support/dashboard-direct.ts).

const DAY = 86_400_000;
const audit = (actorId: string): AuditContext => ({ actorId, requestId: "rollups-test", ip: null });

interface Person {
  id: string;
  role: "SALES" | "ENGINEER" | "MANAGER" | "ADMIN";
  email: string;
}

const world = {
  salespeople: [] as Person[],
  engineers: [] as Person[],
  admin: null as unknown as Person,
  manager: null as unknown as Person,
  teams: [] as TeamOption[],
  managerTeamIds: [] as string[],
  periods: [] as PeriodRef[],
  capabilities: [] as Array<{ id: string; productId: string }>,
  quizIds: [] as string[],
};
let sequence = 0;

beforeAll(async () => {
  const people = await prisma.user.findMany({
    where: { active: true },
    select: { id: true, role: true, email: true },
    orderBy: { email: "asc" },
  });
  world.salespeople = people.filter((person) => person.role === "SALES");
  world.engineers = people.filter((person) => person.role === "ENGINEER");
  world.admin = people.find((person) => person.role === "ADMIN") ?? (null as unknown as Person);
  world.manager = people.find((person) => person.email === "manager@candor.test") ?? (null as unknown as Person);
  world.teams = await listDashboardTeams({ kind: "all" });
  world.managerTeamIds = await getManagedTeamIds(world.manager.id);
  world.periods = await prisma.compPeriod.findMany({
    select: { id: true, name: true, startsAt: true, endsAt: true, status: true },
    orderBy: { startsAt: "asc" },
  });
  world.capabilities = await prisma.capability.findMany({
    select: { id: true, productId: true },
    orderBy: { id: "asc" },
  });
  world.quizIds = (
    await prisma.quiz.findMany({ where: { published: true }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((quiz) => quiz.id);
});

// ---------------------------------------------------------------- the two checks

async function rollupState() {
  const [monthly, capabilities, bins] = await Promise.all([
    prisma.monthlyRollup.findMany({ orderBy: [{ userId: "asc" }, { month: "asc" }] }),
    prisma.capabilityMonthRollup.findMany({
      orderBy: [{ month: "asc" }, { capabilityId: "asc" }, { salespersonId: "asc" }],
    }),
    prisma.claim.findMany({
      where: { OR: [{ verifiedAt: { not: null } }, { verdictBin: { not: null } }] },
      select: { id: true, verdictBin: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return { monthly, capabilities, bins };
}

/** The rollups as kept by the writes so far, compared with a rebuild from the rows (which then stays). */
async function expectRollupsToEqualRebuild() {
  const kept = await rollupState();
  // The claims table's count of every claim is read from them.
  expect(await countAllClaims(prisma)).toBe(await prisma.claim.count());
  await prisma.$transaction((tx) => rebuildRollups(tx), { timeout: 60_000 });
  const rebuilt = await rollupState();
  expect(kept.bins).toEqual(rebuilt.bins);
  expect(kept.capabilities).toEqual(rebuilt.capabilities);
  expect(kept.monthly).toEqual(rebuilt.monthly);
}

/** Numbers rounded far below anything shown, so sums added in another order compare equal. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every figure the rollups feed, for the teams and the window, against the direct SQL. */
async function expectFiguresToEqualDirect(
  teams: readonly TeamOption[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  now: Date,
) {
  const teamIds = teams.map((team) => team.id);
  const label = `${period.startsAt.toISOString()} to ${period.endsAt.toISOString()}, ${teams.length} teams`;
  expect(rounded(await getKpis(teamIds, period, now)), label).toEqual(rounded(await directKpis(teamIds, period, now)));
  for (const asOf of [addDays(period.startsAt, 9.5), addDays(period.startsAt, 45.25), now]) {
    const direct = rounded(await directBacklogKpisAsOf(teamIds, period, asOf));
    // Read person by person (a few teams) and as one range of the company's (most teams) alike.
    for (const seek of [false, true])
      expect(
        rounded(await getBacklogKpisAsOf(teamIds, period, asOf, seek)),
        `${label}, as of ${asOf.toISOString()}, ${seek ? "seeking each person" : "one range"}`,
      ).toEqual(direct);
  }
  expect(rounded(await getMonthlyAccuracy(teams, period)), label).toEqual(
    rounded(await directMonthlyAccuracy(teams, period)),
  );
  const scatter = await getAccuracyVsSatisfaction(teamIds, period);
  const directScatter = await directAccuracyVsSatisfaction(teamIds, period);
  expect(rounded({ ...scatter, points: byId(scatter.points) }), label).toEqual(
    rounded({ ...directScatter, points: byId(directScatter.points) }),
  );
  expect(rounded(await getMisrepresentedCapabilities(teamIds, period)), label).toEqual(
    rounded(await directMisrepresentedCapabilities(teamIds, period)),
  );
}

/** Every comp period (whole months) and windows with partial months at their ends, for all teams and the manager's. */
async function expectDashboardToEqualDirect(now = new Date()) {
  const odd = [
    { startsAt: new Date("2026-08-17T00:00:00Z"), endsAt: new Date("2026-11-09T00:00:00Z") },
    { startsAt: new Date("2026-09-03T00:00:00Z"), endsAt: new Date("2026-09-20T00:00:00Z") },
    { startsAt: new Date("2025-12-15T00:00:00Z"), endsAt: addDays(now, 1) },
  ];
  const managerTeams = world.teams.filter((team) => world.managerTeamIds.includes(team.id));
  for (const period of [...world.periods, ...odd]) {
    await expectFiguresToEqualDirect(world.teams, period, now);
    await expectFiguresToEqualDirect(managerTeams, period, now);
  }
}

// ---------------------------------------------------------------- writes through the model functions

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[Math.abs(index) % items.length];

async function logClaim(
  personIndex: number,
  daysAgo: number,
  capabilityIndex: number,
  level: "SUPPORTED" | "PARTIAL" | "NOT_SUPPORTED" | "ROADMAP",
  onDeal: boolean,
  byEngineer: boolean,
) {
  const person = pick(world.salespeople, personIndex);
  const capability = pick(world.capabilities, capabilityIndex);
  const engineer = pick(world.engineers, personIndex);
  if (!person || !capability || !engineer) return null;
  const deal = onDeal
    ? await prisma.deal.findFirst({
        where: { ownerId: person.id, status: "WON" },
        orderBy: [{ claims: { _count: "asc" } }, { id: "asc" }],
        select: { id: true },
      })
    : null;
  const logger = byEngineer ? engineer : person;
  sequence += 1;
  const created = await createClaim(
    audit(logger.id),
    { userId: logger.id, role: logger.role },
    {
      salespersonId: person.id,
      productId: capability.productId,
      capabilityId: capability.id,
      assertedLevel: level,
      statement: `Rollup check claim ${sequence}`,
      channel: "CALL",
      madeAt: new Date(Date.now() - daysAgo * DAY),
      dealId: deal?.id ?? null,
      accountName: deal ? null : `Rollup Account ${sequence}`,
      evidence: "",
    },
  );
  if (!created.ok) throw new Error(`createClaim: ${JSON.stringify(created)}`);
  return created.value.id;
}

async function verdictOn(
  claimIndex: number,
  status: "ACCURATE" | "PARTIALLY_ACCURATE" | "INACCURATE" | "UNVERIFIABLE",
  severity: Severity,
) {
  const pending = await prisma.claim.findMany({
    where: { status: "PENDING", NOT: { source: "CUSTOMER", assertedLevel: null } },
    select: { id: true, version: true, loggedById: true },
    orderBy: { id: "asc" },
  });
  const claim = pick(pending, claimIndex);
  const engineer = world.engineers.find((candidate) => candidate.id !== claim?.loggedById);
  if (!claim || !engineer) return;
  const outcome = await recordVerdict(
    audit(engineer.id),
    { userId: engineer.id, role: "ENGINEER" },
    claim.id,
    claim.version,
    {
      status,
      severity: status === "UNVERIFIABLE" ? null : severity,
      note: "Checked against the matrix for the rollup test.",
    },
  );
  expect(outcome).toEqual({ ok: true, value: null });
}

async function overturn(
  claimIndex: number,
  status: "ACCURATE" | "PARTIALLY_ACCURATE" | "INACCURATE",
  severity: Severity,
) {
  const judged = await prisma.claim.findMany({
    where: {
      status: { in: ["ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE"] },
      dispute: null,
      salesperson: { active: true },
    },
    select: { id: true, status: true, salespersonId: true },
    orderBy: { id: "asc" },
  });
  const claim = pick(judged, claimIndex);
  if (!claim || claim.status === status) return;
  const raised = await raiseDispute(
    audit(claim.salespersonId),
    { userId: claim.salespersonId, role: "SALES" },
    claim.id,
    "The customer confirmed it works for them.",
  );
  expect(raised).toEqual({ ok: true, value: null });
  const resolved = await resolveDispute(audit(world.admin.id), { userId: world.admin.id, role: "ADMIN" }, claim.id, {
    outcome: "OVERTURNED",
    resolutionNote: "Overturned for the rollup test.",
    verdict: { status, severity, note: "Re-judged after the dispute." },
  });
  expect(resolved).toEqual({ ok: true, value: null });
}

async function takeQuiz(personIndex: number, quizIndex: number, correct: boolean) {
  const person = pick(world.salespeople, personIndex);
  const quizId = pick(world.quizIds, quizIndex);
  if (!person || !quizId) return;
  const taker = { id: person.id, role: person.role };
  const started = await startAttempt(audit(person.id), taker, quizId);
  if (!started.ok) return; // no attempts left for this person: nothing written
  const attempt = await prisma.quizAttempt.findUniqueOrThrow({
    where: { id: started.value.attemptId },
    select: { snapshotJson: true },
  });
  const answers = new Map(
    parseSnapshot(attempt.snapshotJson).map((question) => [
      question.position,
      correct ? question.correct : [question.correct[0] === 0 ? 1 : 0],
    ]),
  );
  const submitted = await submitAttempt(
    audit(person.id),
    taker,
    { quizId, attemptId: started.value.attemptId },
    answers,
  );
  expect(submitted.ok).toBe(true);
}

async function answerSurvey(surveyIndex: number, csat: number, delivered: "YES" | "PARTLY" | "NO", untrue: boolean) {
  const due = await prisma.survey.findMany({
    where: { respondedAt: null, dueAt: { lte: new Date(), gt: addDays(new Date(), -60) } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const survey = pick(due, surveyIndex);
  if (!survey) return;
  const link = await createSurveyLink(audit(world.admin.id), survey.id, null);
  if (!link) return;
  const answers = {
    csat,
    deliveredAsPromised: delivered,
    ...(untrue ? { untrueClaim: "They said the export worked with our old Excel." } : {}),
  };
  expect(await recordSurveyResponse(audit(world.admin.id), link.path.replace("/survey/", ""), answers)).toBe(
    "recorded",
  );
}

async function importSurveyAnswer(surveyIndex: number, csat: number, delivered: "yes" | "partly" | "no") {
  // Unanswered, or answered by an earlier import (an answer given through the link is kept).
  const due = await prisma.survey.findMany({
    where: { dueAt: { lte: new Date() }, OR: [{ source: null }, { source: "IMPORT" }] },
    select: { deal: { select: { externalId: true } } },
    orderBy: { id: "asc" },
  });
  const survey = pick(due, surveyIndex);
  if (!survey) return;
  const values = {
    externalId: survey.deal.externalId,
    respondedAt: new Date().toISOString().slice(0, 10),
    csat: String(csat),
    delivered,
    nps: "",
    comment: "",
    untrueClaim: "",
  };
  const imported = await importSurveyResults(audit(world.admin.id), [values], null);
  if (!imported.ok) throw new Error(`importSurveyResults: ${JSON.stringify(imported)}`);
}

/** A won deal imported (a new one, or an earlier one of this test closed on another day). */
async function importDeal(personIndex: number, closedDaysAgo: number, again: boolean) {
  const person = pick(world.salespeople, personIndex);
  if (!person) return;
  const earlier = again
    ? await prisma.deal.findFirst({
        where: { externalId: { startsWith: "ROLLUP-" } },
        orderBy: { externalId: "asc" },
        select: { externalId: true, owner: { select: { email: true } } },
      })
    : null;
  sequence += 1;
  const closedAt = new Date(Date.now() - closedDaysAgo * DAY).toISOString().slice(0, 10);
  const batch = [
    {
      externalId: earlier?.externalId ?? `ROLLUP-${sequence}`,
      account: `Rollup Account ${sequence}`,
      contactName: "Pat Buyer",
      contactEmail: "pat@example.com",
      ownerEmail: earlier?.owner.email ?? person.email,
      product: "",
      amount: "12500",
      status: "WON",
      closedAt,
    },
  ];
  const imported = await importDealBatch(audit(world.admin.id), batch, null);
  if (!imported.ok) throw new Error(`importDealBatch: ${JSON.stringify(imported)}`);
}

async function mapCustomerReport(
  claimIndex: number,
  capabilityIndex: number,
  level: "SUPPORTED" | "PARTIAL" | "NOT_SUPPORTED" | "ROADMAP",
) {
  const reports = await prisma.claim.findMany({
    where: { source: "CUSTOMER", status: "PENDING", assertedLevel: null },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  const claim = pick(reports, claimIndex);
  const capability = pick(world.capabilities, capabilityIndex);
  const engineer = world.engineers[0];
  if (!claim || !capability || !engineer) return;
  const mapped = await mapCustomerClaim(
    audit(engineer.id),
    { userId: engineer.id, role: "ENGINEER" },
    claim.id,
    claim.version,
    { capabilityId: capability.id, productId: capability.productId, assertedLevel: level },
  );
  expect(mapped).toEqual({ ok: true, value: null });
}

// ---------------------------------------------------------------- the tests

describe("the dashboard rollups", () => {
  it("after the demo seed equal a rebuild, count every row, and give the direct SQL's figures", async () => {
    const claims = await prisma.claim.count();
    const summed = await prisma.monthlyRollup.aggregate({ _sum: { claims: true, surveys: true, attempts: true } });
    expect(claims).toBeGreaterThan(500);
    expect(summed._sum.claims).toBe(claims);
    expect(summed._sum.surveys).toBe(await prisma.survey.count());
    expect(summed._sum.attempts).toBe(await prisma.quizAttempt.count({ where: { submittedAt: { not: null } } }));
    expect(await prisma.claim.count({ where: { verifiedAt: { not: null }, verdictBin: null } })).toBe(0);
    await expectRollupsToEqualRebuild();
    await expectDashboardToEqualDirect();
  }, 120_000);

  it("follow claims, verdicts, overturns, quiz attempts, survey answers, deal imports and mappings written through the app", async () => {
    await logClaim(0, 0, 3, "SUPPORTED", true, false);
    await logClaim(1, 40, 7, "SUPPORTED", false, true);
    await logClaim(2, 200, 11, "ROADMAP", true, true);
    await verdictOn(0, "INACCURATE", "HIGH");
    await verdictOn(5, "ACCURATE", "LOW");
    await verdictOn(9, "UNVERIFIABLE", "MEDIUM");
    await overturn(3, "INACCURATE", "HIGH");
    await takeQuiz(0, 0, true);
    await takeQuiz(4, 1, false);
    await answerSurvey(0, 2, "NO", true);
    await answerSurvey(3, 5, "YES", false);
    await importSurveyAnswer(7, 3, "partly");
    await importDeal(0, 10, false);
    await importDeal(0, 95, true);
    await mapCustomerReport(0, 2, "SUPPORTED");
    await expectRollupsToEqualRebuild();
    await expectDashboardToEqualDirect();

    // The admin's page, through the route: the same figures as the direct SQL for every team.
    const page = await load(dashboardLoader, "admin@candor.test", "/dashboard");
    const open = world.periods.find((period) => period.name === page.period?.name);
    if (!page.dashboard || !open) throw new Error("The admin's dashboard has no figures");
    const allTeamIds = world.teams.map((team) => team.id);
    expect(rounded(page.dashboard.kpis)).toEqual(rounded(await directKpis(allTeamIds, open, new Date())));
    const previous = world.periods.filter((period) => period.endsAt.getTime() <= open.startsAt.getTime()).at(-1);
    const samePoint = page.dashboard.previousSamePoint;
    if (!previous || !samePoint) throw new Error("expected a previous period to compare with");
    const { asOf, ...figures } = samePoint;
    expect(rounded(figures)).toEqual(rounded(await directBacklogKpisAsOf(allTeamIds, previous, asOf)));
  }, 120_000);

  it("stay equal to a rebuild over random sequences of writes", async () => {
    const level = fc.constantFrom(
      "SUPPORTED" as const,
      "PARTIAL" as const,
      "NOT_SUPPORTED" as const,
      "ROADMAP" as const,
    );
    const severity = fc.constantFrom("LOW" as const, "MEDIUM" as const, "HIGH" as const);
    const index = fc.nat({ max: 1000 });
    const write = fc.oneof(
      fc
        .tuple(index, fc.integer({ min: 0, max: 500 }), index, level, fc.boolean(), fc.boolean())
        .map((args) => () => logClaim(...args)),
      fc
        .tuple(
          index,
          fc.constantFrom(
            "ACCURATE" as const,
            "PARTIALLY_ACCURATE" as const,
            "INACCURATE" as const,
            "UNVERIFIABLE" as const,
          ),
          severity,
        )
        .map((args) => () => verdictOn(...args)),
      fc
        .tuple(
          index,
          fc.constantFrom("ACCURATE" as const, "PARTIALLY_ACCURATE" as const, "INACCURATE" as const),
          severity,
        )
        .map((args) => () => overturn(...args)),
      fc.tuple(index, index, fc.boolean()).map((args) => () => takeQuiz(...args)),
      fc
        .tuple(
          index,
          fc.integer({ min: 1, max: 5 }),
          fc.constantFrom("YES" as const, "PARTLY" as const, "NO" as const),
          fc.boolean(),
        )
        .map((args) => () => answerSurvey(...args)),
      fc
        .tuple(index, fc.integer({ min: 1, max: 5 }), fc.constantFrom("yes" as const, "partly" as const, "no" as const))
        .map((args) => () => importSurveyAnswer(...args)),
      fc.tuple(index, fc.integer({ min: 0, max: 400 }), fc.boolean()).map((args) => () => importDeal(...args)),
      fc.tuple(index, index, level).map((args) => () => mapCustomerReport(...args)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 5 }), async (writes) => {
        for (const run of writes) await run();
        await expectRollupsToEqualRebuild();
      }),
      { numRuns: 12, endOnFailure: true },
    );
    const open = world.periods.find((period) => period.status === "OPEN");
    if (open) await expectFiguresToEqualDirect(world.teams, open, new Date());
  }, 240_000);
});
