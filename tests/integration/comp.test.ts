import { describe, expect, it } from "vitest";
import { PAYROLL_CSV_HEADER, formatScore4 } from "../../app/domain/comp-payroll.ts";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { projectStatementFor } from "../../app/models/comp-statements.server.ts";
import { action as planAction, loader as planLoader } from "../../app/routes/_app.admin.plan.tsx";
import { action as periodAction, loader as periodLoader } from "../../app/routes/_app.comp.$periodName._index.tsx";
import { loader as statementLoader } from "../../app/routes/_app.comp.$periodName.$userId.tsx";
import { action as compAction, loader as compLoader } from "../../app/routes/_app.comp._index.tsx";
import { loader as payrollLoader } from "../../app/routes/comp.$periodName.payroll[.]csv.ts";
import { settle } from "./support/sign-in.ts";
import { load, submit, statusOf } from "./support/requests.ts";

// The demo data (seeded with the open period 2026-Q4 computed once): PRODUCT.md §4 end to end
// through the route loaders and actions, on a real SQLite copy.

const OPEN = "2026-Q4";
const LOCKED = "2026-Q3";

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

async function statement(email: string, periodName: string, ofEmail = email) {
  const id = await userId(ofEmail);
  return load(statementLoader, email, `/comp/${periodName}/${id}`, { periodName, userId: id });
}

async function payroll(email: string, periodName: string) {
  const response = await load(payrollLoader, email, `/comp/${periodName}/payroll.csv`, { periodName });
  return { response, rows: parseCsv(await response.text()) };
}

const compute = async (email: string, periodName: string) =>
  settle(() => submit(periodAction, email, `/comp/${periodName}`, { intent: "compute" }, { periodName }));

const lock = async (email: string, periodName: string, confirmName = periodName) =>
  settle(() => submit(periodAction, email, `/comp/${periodName}`, { intent: "lock", confirmName }, { periodName }));

describe("the demo's stories", () => {
  it("pays the honest top performer above target and caps the over-promiser with the HIGH-severity gate, and says why", async () => {
    for (const periodName of [OPEN, LOCKED]) {
      const honest = await statement("sales@candor.test", periodName);
      const over = await statement("admin@candor.test", periodName, "overpromiser@candor.test");
      if (honest.figures === null || over.figures === null) throw new Error(`expected statements in ${periodName}`);
      expect(honest.figures.multiplier).toBeGreaterThan(1);
      expect(honest.figures.gates).toEqual([]);
      expect(over.figures.gates.map((gate) => gate.name)).toContain("HIGH_SEVERITY_INACCURATE");
      expect(over.figures.multiplier).toBeLessThanOrEqual(1);
      expect(over.figures.multiplier).toBeLessThan(honest.figures.multiplier);
      // The words and numbers: the gate's sentence and the payout arithmetic from the paid M.
      const overText = over.figures.explanation.join("\n");
      expect(overText).toMatch(/inaccurate with high severity caps? the multiplier at 1\.0/);
      expect(overText).toContain(
        `Payout = round(${over.figures.targetBonusCents} cents × ${over.figures.multiplier.toFixed(4)})`,
      );
      expect(overText).toContain(`= ${over.figures.payoutCents} cents`);
      const honestText = honest.figures.explanation.join("\n");
      expect(honestText).toContain(`M rounded to 4 decimals = ${honest.figures.multiplier.toFixed(4)}`);
      // Every claim line carries its credit and weight, and the page has a label for it.
      const counted = honest.figures.claims.filter((line) => line.counted);
      expect(counted.length).toBeGreaterThan(0);
      for (const line of counted) {
        expect(line.weight).not.toBeNull();
        expect(honest.claims[line.id]).toBeDefined();
      }
    }
  });

  it("projects the open period for the salesperson home, as if it closed today", async () => {
    const projection = await projectStatementFor(await userId("sales@candor.test"), new Date("2026-11-26T12:00:00Z"));
    expect(projection?.period.name).toBe(OPEN);
    expect(projection?.figures.multiplier).toBeGreaterThan(1);
    expect(await projectStatementFor(await userId("manager@candor.test"))).toBeNull();
  });
});

describe("the payroll export", () => {
  it("has exactly the agreed columns and matches the statement pages figure for figure", async () => {
    for (const periodName of [LOCKED, OPEN]) {
      const { response, rows } = await payroll("admin@candor.test", periodName);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      const [header, ...body] = rows;
      expect(header?.join(",")).toBe(
        "email,name,team,period,accuracy,quiz,satisfaction,composite,multiplier,target_bonus_cents,payout_cents,adjustment_cents",
      );
      expect(header).toEqual([...PAYROLL_CSV_HEADER]);
      const count = await prisma.compStatement.count({ where: { period: { name: periodName } } });
      expect(body).toHaveLength(count);
      for (const email of ["sales@candor.test", "overpromiser@candor.test"]) {
        const row = body.find((cells) => cells[0] === email);
        const page = await statement("admin@candor.test", periodName, email);
        if (!row || page.figures === null || page.statement === null)
          throw new Error(`expected ${email} in ${periodName}`);
        const { figures } = page;
        expect(row).toEqual([
          email,
          page.person.name,
          page.person.team?.name ?? "",
          periodName,
          formatScore4(figures.accuracy),
          figures.quiz === null ? "" : formatScore4(figures.quiz),
          formatScore4(figures.satisfaction),
          formatScore4(figures.composite),
          figures.multiplier.toFixed(4),
          String(page.statement.targetBonusCents),
          String(page.statement.totalPayoutCents),
          String(page.statement.adjustmentCents),
        ]);
        expect(page.statement.periodPayoutCents).toBe(figures.payoutCents);
        expect(page.statement.totalPayoutCents).toBe(figures.payoutCents + page.statement.adjustmentCents);
      }
    }
  });

  it("gives a salesperson their own row only and a manager their teams only", async () => {
    const own = await payroll("sales@candor.test", LOCKED);
    expect(own.rows.slice(1).map((row) => row[0])).toEqual(["sales@candor.test"]);
    const team = await payroll("manager@candor.test", LOCKED);
    const teams = new Set(team.rows.slice(1).map((row) => row[2]));
    expect(teams).toEqual(new Set(["Enterprise East", "Mid-Market"]));
  });
});

describe("permissions", () => {
  it("answers 404 for another salesperson's statement and 403 for compute and lock", async () => {
    const other = await userId("overpromiser@candor.test");
    const peek = await settle(() =>
      load(statementLoader, "sales@candor.test", `/comp/${LOCKED}/${other}`, { periodName: LOCKED, userId: other }),
    );
    expect(statusOf(peek)).toBe(404);
    expect(statusOf(await compute("sales@candor.test", OPEN))).toBe(403);
    expect(statusOf(await lock("sales@candor.test", OPEN))).toBe(403);
    expect(statusOf(await lock("manager@candor.test", OPEN))).toBe(403);
    const engineer = await settle(() => load(compLoader, "engineer@candor.test", "/comp"));
    expect(statusOf(engineer)).toBe(403);
    const plan = await settle(() => load(planLoader, "manager@candor.test", "/admin/plan"));
    expect(statusOf(plan)).toBe(403);
  });

  it("keeps a manager to their teams: other teams' statements are 404, the overview and compute cover their teams only", async () => {
    const outsider = await userId("aisha.rahman@candor.test");
    const peek = await settle(() =>
      load(statementLoader, "manager@candor.test", `/comp/${LOCKED}/${outsider}`, {
        periodName: LOCKED,
        userId: outsider,
      }),
    );
    expect(statusOf(peek)).toBe(404);
    const mine = await statement("manager@candor.test", LOCKED, "sales@candor.test");
    expect(mine.figures).not.toBeNull();

    const overview = await load(periodLoader, "manager@candor.test", `/comp/${OPEN}?pageSize=100`, {
      periodName: OPEN,
    });
    expect(overview.overview.rows.every((row) => row.team === "Enterprise East" || row.team === "Mid-Market")).toBe(
      true,
    );
    expect(overview.canLock).toBe(false);

    const westBefore = await prisma.compStatement.findMany({
      where: { period: { name: OPEN }, user: { team: { name: "Enterprise West" } } },
      select: { id: true, computedAt: true },
    });
    const result = await compute("manager@candor.test", OPEN);
    expect(statusOf(result)).toBe(302);
    const westAfter = await prisma.compStatement.findMany({
      where: { period: { name: OPEN }, user: { team: { name: "Enterprise West" } } },
      select: { id: true, computedAt: true },
    });
    expect(westAfter).toEqual(westBefore);
    const manager = await userId("manager@candor.test");
    const events = await prisma.auditEvent.findMany({ where: { action: "comp.compute", actorId: manager } });
    expect(events.map((event) => event.teamId).sort()).toHaveLength(2);
  });

  it("sends a salesperson from the period overview to their own statement", async () => {
    const outcome = await settle(() => load(periodLoader, "sales@candor.test", `/comp/${OPEN}`, { periodName: OPEN }));
    expect(outcome).toHaveRedirect(`/comp/${OPEN}/${await userId("sales@candor.test")}`);
  });
});

describe("periods", () => {
  it("refuses overlapping dates, a taken name and a bad date with field messages", async () => {
    const create = async (fields: Record<string, string>) =>
      settle(() => submit(compAction, "admin@candor.test", "/comp", { intent: "create", ...fields }));
    expect(await create({ name: "2026-Dec", startsOn: "2026-12-01", endsOn: "2026-12-31" })).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { startsOn: [expect.stringContaining("overlap 2026-Q4")] } } },
    });
    expect(await create({ name: OPEN, startsOn: "2030-01-01", endsOn: "2030-03-31" })).toMatchObject({
      data: { result: { error: { name: [`A period named ${OPEN} already exists.`] } } },
    });
    expect(await create({ name: "2030-Q1", startsOn: "2030-02-30", endsOn: "2030-03-31" })).toMatchObject({
      data: { result: { error: { startsOn: [expect.stringContaining("real calendar date")] } } },
    });
    expect(await create({ name: "2030-Q1", startsOn: "2030-03-31", endsOn: "2030-01-01" })).toMatchObject({
      data: { result: { error: { endsOn: ["The last day must be on or after the first day."] } } },
    });
    expect(await create({ name: "bad name/..", startsOn: "2030-01-01", endsOn: "2030-03-31" })).toMatchObject({
      init: { status: 400 },
    });
    expect(
      statusOf(
        await settle(() =>
          submit(compAction, "manager@candor.test", "/comp", {
            intent: "create",
            name: "x",
            startsOn: "2030-01-01",
            endsOn: "2030-01-31",
          }),
        ),
      ),
    ).toBe(403);
    expect(await prisma.compPeriod.count()).toBe(5);
  });

  it("locks only with the confirmation, irreversibly and audited; a locked period cannot be computed or locked again", async () => {
    const created = await settle(() =>
      submit(compAction, "admin@candor.test", "/comp", {
        intent: "create",
        name: "2025-Q3",
        startsOn: "2025-07-01",
        endsOn: "2025-09-30",
      }),
    );
    expect(statusOf(created)).toBe(302);
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: "2025-Q3" } });
    expect(period).toMatchObject({
      status: "OPEN",
      startsAt: new Date("2025-07-01T00:00:00Z"),
      endsAt: new Date("2025-10-01T00:00:00Z"),
    });
    expect(statusOf(await compute("admin@candor.test", "2025-Q3"))).toBe(302);

    expect(await lock("admin@candor.test", "2025-Q3", "2025-q3")).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { confirmName: ["Type 2025-Q3 exactly to lock this period."] } } },
    });
    expect((await prisma.compPeriod.findUniqueOrThrow({ where: { id: period.id } })).status).toBe("OPEN");

    expect(statusOf(await lock("admin@candor.test", "2025-Q3"))).toBe(302);
    const locked = await prisma.compPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(locked).toMatchObject({ status: "LOCKED", lockedById: await userId("admin@candor.test") });
    expect(await prisma.auditEvent.count({ where: { action: "comp.lock", entityId: period.id } })).toBe(1);
    const frozen = await prisma.compStatement.findMany({ where: { periodId: period.id }, orderBy: { userId: "asc" } });
    expect(frozen.length).toBeGreaterThan(0);

    expect(await compute("admin@candor.test", "2025-Q3")).toMatchObject({ status: 409 });
    expect(await lock("admin@candor.test", "2025-Q3")).toMatchObject({ status: 409 });
    expect(await prisma.compStatement.findMany({ where: { periodId: period.id }, orderBy: { userId: "asc" } })).toEqual(
      frozen,
    );
    expect((await prisma.compPeriod.findUniqueOrThrow({ where: { id: period.id } })).status).toBe("LOCKED");
  });
});

describe("recomputing an open period", () => {
  it("rewrites the statements whose figures changed and keeps the others' figures, every one marked computed now", async () => {
    const salesId = await userId("sales@candor.test");
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN } });
    const before = await prisma.compStatement.findMany({ where: { periodId: period.id }, orderBy: { userId: "asc" } });
    const claim = await prisma.claim.findFirstOrThrow({
      where: {
        salespersonId: salesId,
        madeAt: { gte: period.startsAt, lt: period.endsAt },
        status: { not: "INACCURATE" },
      },
    });
    await prisma.claim.update({ where: { id: claim.id }, data: { status: "INACCURATE", severity: "HIGH" } });
    expect(statusOf(await compute("admin@candor.test", OPEN))).toBe(302);
    const after = await prisma.compStatement.findMany({ where: { periodId: period.id }, orderBy: { userId: "asc" } });
    expect(after.map((row) => row.userId)).toEqual(before.map((row) => row.userId));
    for (const row of after) {
      const old = before.find((candidate) => candidate.userId === row.userId);
      expect(row.computedAt.getTime()).toBeGreaterThan(old?.computedAt.getTime() ?? Infinity);
      if (row.userId !== salesId) expect(row.detailJson).toBe(old?.detailJson);
    }
    const page = await statement("sales@candor.test", OPEN);
    expect(page.figures?.gates.map((gate) => gate.name)).toEqual(["HIGH_SEVERITY_INACCURATE"]);
    expect(page.figures?.multiplier).toBeLessThanOrEqual(1);
    await prisma.claim.update({ where: { id: claim.id }, data: { status: claim.status, severity: claim.severity } });
    expect(statusOf(await compute("admin@candor.test", OPEN))).toBe(302);
    expect((await statement("sales@candor.test", OPEN)).figures?.multiplier).toBeGreaterThan(1);
  });
});

describe("prior-period adjustments", () => {
  it("leaves a locked statement identical when a verdict changes after the lock, and pays the difference in the open period", async () => {
    const salesId = await userId("sales@candor.test");
    const before = await statement("sales@candor.test", LOCKED);
    if (before.figures === null || before.statement === null) throw new Error("expected a locked statement");
    const target = before.figures.claims.find((line) => line.status === "ACCURATE");
    if (!target) throw new Error("expected an accurate claim");
    // Other claims of the period stand as they did at the lock: the reason names only this one.
    expect(before.figures.claims.filter((line) => line.status !== "PENDING").length).toBeGreaterThan(1);
    await prisma.claim.update({ where: { id: target.id }, data: { status: "INACCURATE", severity: "HIGH" } });
    // A claim made in the period but logged after the lock, still pending: no effect on the payout.
    const madeInPeriod = await prisma.claim.findUniqueOrThrow({ where: { id: target.id } });
    await prisma.claim.create({
      data: {
        salespersonId: salesId,
        loggedById: salesId,
        accountName: "Late Logged Ltd",
        productId: madeInPeriod.productId,
        assertedLevel: "SUPPORTED",
        statement: "Logged after the lock",
        channel: "EMAIL",
        madeAt: madeInPeriod.madeAt,
        source: "SELF",
        matrixCheck: "NO_MATRIX_ROW",
      },
    });

    const after = await statement("sales@candor.test", LOCKED);
    expect(after.figures).toEqual(before.figures);
    expect(after.statement).toEqual(before.statement);

    expect(statusOf(await compute("admin@candor.test", OPEN))).toBe(302);
    const adjustments = await prisma.compAdjustment.findMany({
      where: { userId: salesId, period: { name: OPEN }, sourcePeriod: { name: LOCKED } },
      include: { sourcePeriod: true },
    });
    expect(adjustments).toHaveLength(1);
    const [adjustment] = adjustments;
    if (!adjustment) throw new Error("expected an adjustment");
    expect(adjustment.sourcePeriod.name).toBe(LOCKED);
    // The HIGH-severity inaccurate claim now caps M at 1.0: the payout falls to the target.
    const frozenPayout = before.statement.periodPayoutCents;
    expect(adjustment.deltaCents).toBe(before.statement.targetBonusCents - frozenPayout);
    expect(adjustment.reason).toMatch(new RegExp(`^${LOCKED}: `));
    expect(adjustment.reason).toContain(
      `lowered the multiplier from ${before.figures.multiplier.toFixed(4)} to 1.0000`,
    );
    const changed = before.claims[target.id];
    expect(adjustment.reason).toContain(`the verdict on the claim to ${changed?.accountName ?? ""} of `);
    expect(adjustment.reason).toContain("to inaccurate (high severity) after the period was locked");
    expect(adjustment.reason.match(/the verdict on /g)).toHaveLength(1);
    expect(adjustment.reason).toContain("a claim made in the period was logged after it was locked");

    const open = await statement("sales@candor.test", OPEN);
    if (open.figures === null || open.statement === null) throw new Error("expected an open statement");
    expect(open.adjustments.filter((line) => line.sourcePeriod === LOCKED)).toMatchObject([
      { deltaCents: adjustment.deltaCents },
    ]);
    const adjusted = open.adjustments.reduce((sum, line) => sum + line.deltaCents, 0);
    expect(open.statement.adjustmentCents).toBe(adjusted);
    expect(open.statement.periodPayoutCents).toBe(open.figures.payoutCents);
    expect(open.statement.totalPayoutCents).toBe(open.figures.payoutCents + adjusted);
    const { rows } = await payroll("admin@candor.test", OPEN);
    const row = rows.find((cells) => cells[0] === "sales@candor.test");
    expect(row?.slice(10)).toEqual([String(open.statement.totalPayoutCents), String(adjusted)]);

    // Recomputing does not pay it twice.
    expect(statusOf(await compute("admin@candor.test", OPEN))).toBe(302);
    expect(
      await prisma.compAdjustment.count({
        where: { userId: salesId, period: { name: OPEN }, sourcePeriod: { name: LOCKED } },
      }),
    ).toBe(1);
    // Nor does it come back once the open period carrying it is locked and the next one computed.
    expect(statusOf(await lock("admin@candor.test", OPEN))).toBe(302);
    await prisma.compPeriod.create({
      data: {
        name: "2027-Q1",
        startsAt: new Date("2027-01-01T00:00:00Z"),
        endsAt: new Date("2027-04-01T00:00:00Z"),
        planId: (await prisma.compPlan.findFirstOrThrow()).id,
      },
    });
    expect(statusOf(await compute("admin@candor.test", "2027-Q1"))).toBe(302);
    expect(await prisma.compAdjustment.count({ where: { userId: salesId, period: { name: "2027-Q1" } } })).toBe(0);
  });
});

describe("the plan", () => {
  const valid = {
    "weights.accuracy": "0.5",
    "weights.quiz": "0.1",
    "weights.satisfaction": "0.4",
    "accuracyPrior.k": "4",
    "accuracyPrior.m": "0.8",
    "satisfactionPrior.k": "2",
    "satisfactionPrior.m": "0.75",
    "curve[0].x": "0",
    "curve[0].y": "0",
    "curve[1].x": "0.5",
    "curve[1].y": "0.5",
    "curve[2].x": "1",
    "curve[2].y": "1.5",
    "gates.highSeverityInaccurateCap": "1",
    "gates.quizBelowPassMarkCap": "0.9",
  };
  const save = async (email: string, fields: Record<string, string>, quizIds: string[] = []) => {
    const body = new URLSearchParams(fields);
    for (const id of quizIds) body.append("requiredQuizIds", id);
    return settle(() => submit(planAction, email, "/admin/plan", body));
  };

  it("refuses an invalid plan with field-level messages and saves nothing", async () => {
    const versions = await prisma.compPlan.count();
    expect(await save("admin@candor.test", { ...valid, "weights.quiz": "0.3" })).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { weights: [expect.stringContaining("must add up to 1")] } } },
    });
    expect(await save("admin@candor.test", { ...valid, "curve[2].x": "0.4" })).toMatchObject({
      data: { result: { error: { "curve[2].x": ["Each point's C must be greater than the previous point's."] } } },
    });
    expect(await save("admin@candor.test", { ...valid, "accuracyPrior.m": "1.5" })).toMatchObject({
      init: { status: 400 },
    });
    expect(await save("admin@candor.test", { ...valid, "curve[3].x": "0.9" })).toMatchObject({
      data: { result: { error: { "curve[3].y": ["Enter M for this point, or empty both boxes."] } } },
    });
    expect(await save("admin@candor.test", { ...valid, "gates.quizBelowPassMarkCap": "-1" })).toMatchObject({
      init: { status: 400 },
    });
    expect(statusOf(await save("manager@candor.test", valid))).toBe(403);
    expect(await prisma.compPlan.count()).toBe(versions);
  });

  it("saves a valid plan as a new version, moves open periods to it and sets the required quizzes", async () => {
    const latest = await prisma.compPlan.findFirstOrThrow({ orderBy: { version: "desc" } });
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { requiredForComp: false } });
    expect(statusOf(await save("admin@candor.test", valid, [quiz.id]))).toBe(302);
    const plan = await prisma.compPlan.findFirstOrThrow({ orderBy: { version: "desc" } });
    expect(plan.version).toBe(latest.version + 1);
    expect(JSON.parse(plan.paramsJson)).toMatchObject({
      weights: { accuracy: 0.5, quiz: 0.1, satisfaction: 0.4 },
      requiredQuizIds: [quiz.id],
    });
    expect(await prisma.quiz.findMany({ where: { requiredForComp: true }, select: { id: true } })).toEqual([
      { id: quiz.id },
    ]);
    const open = await prisma.compPeriod.findMany({ where: { status: "OPEN" }, select: { planId: true } });
    expect(open.every((period) => period.planId === plan.id)).toBe(true);
    const locked = await prisma.compPeriod.findMany({ where: { status: "LOCKED" }, select: { planId: true } });
    expect(locked.every((period) => period.planId !== plan.id)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "plan.create", entityId: plan.id } })).toBe(1);
  });
});
