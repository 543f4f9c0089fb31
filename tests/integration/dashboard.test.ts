import { describe, expect, it } from "vitest";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { weightedAccuracy } from "../../app/domain/verdicts.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { getVerificationBacklog } from "../../app/models/dashboard.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as dashboardLoader } from "../../app/routes/_app.dashboard.tsx";
import { loader as scorecardLoader } from "../../app/routes/_app.dashboard_.scorecard.tsx";
import { loader as personLoader } from "../../app/routes/_app.people.$userId.tsx";
import { loader as scorecardCsvLoader } from "../../app/routes/dashboard.scorecard[.]csv.ts";
import { settle } from "./support/sign-in.ts";
import { refusalOf } from "./support/refusal.ts";
import { load } from "./support/requests.ts";

const userByEmail = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });

async function loadDashboard(email: string, query = "") {
  return load(dashboardLoader, email, `/dashboard${query}`);
}
async function loadScorecard(email: string, query = "") {
  return load(scorecardLoader, email, `/dashboard/scorecard${query}`);
}
async function loadPerson(email: string, userId: string) {
  return load(personLoader, email, `/people/${userId}`, { userId });
}

function dashboardOf(result: Awaited<ReturnType<typeof loadDashboard>>) {
  if (!result.dashboard || !result.period) throw new Error("The dashboard has no figures");
  return { ...result.dashboard, period: result.period };
}

/** The figures of a period for some teams, computed the plain way: rows loaded and counted in JavaScript. */
async function independentKpis(teamIds: string[], from: Date, to: Date) {
  const people = { teamId: { in: teamIds } };
  const claims = await prisma.claim.findMany({
    where: { salesperson: people, madeAt: { gte: from, lt: to } },
    select: { status: true, severity: true, matrixCheck: true },
  });
  const attempts = await prisma.quizAttempt.findMany({
    where: { user: people, submittedAt: { gte: from, lt: to } },
    select: { passed: true },
  });
  const answered = await prisma.survey.findMany({
    where: { salesperson: people, dueAt: { gte: from, lt: to }, respondedAt: { not: null } },
    select: { csat: true, deliveredAsPromised: true },
  });
  const csats = answered.flatMap((survey) => (survey.csat === null ? [] : [survey.csat]));
  const delivered = answered.flatMap((survey) =>
    survey.deliveredAsPromised === null ? [] : [survey.deliveredAsPromised],
  );
  return {
    claims: claims.length,
    accuracy: weightedAccuracy(claims),
    pending: claims.filter((claim) => claim.status === "PENDING").length,
    overstatedShare: claims.length
      ? claims.filter((claim) => claim.matrixCheck === "OVERSTATES").length / claims.length
      : null,
    quizPassRate: attempts.length ? attempts.filter((attempt) => attempt.passed).length / attempts.length : null,
    meanCsat: csats.length ? csats.reduce((sum, value) => sum + value, 0) / csats.length : null,
    deliveredRate: delivered.length ? delivered.filter((value) => value === "YES").length / delivered.length : null,
  };
}

describe("the manager dashboard", () => {
  it("tells the over-promiser's story: lowest accuracy and lowest six-month satisfaction of the manager's salespeople", async () => {
    const result = dashboardOf(await loadDashboard("manager@candor.test", "?scatter=all"));
    const overpromiser = await userByEmail("overpromiser@candor.test");
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    // With ?scatter=all the table lists every point the chart draws, lowest accuracy first.
    const points = result.scatter.rows;
    expect(points.length).toBeGreaterThan(5);
    expect(points.length).toBe(result.scatter.count);
    expect([...result.scatter.chart.ids].sort()).toEqual(points.map((point) => point.id).sort());
    expect(points.map((point) => point.x)).toEqual(points.map((point) => point.x).sort((a, b) => a - b));
    // Only the manager's salespeople are plotted.
    const plotted = await prisma.user.findMany({
      where: { id: { in: points.map((point) => point.id) } },
      select: { teamId: true },
    });
    for (const person of plotted) expect(teamIds).toContain(person.teamId);
    const lowestAccuracy = [...points].sort((a, b) => a.x - b.x)[0];
    const lowestSatisfaction = [...points].sort((a, b) => a.y - b.y)[0];
    expect(lowestAccuracy?.id).toBe(overpromiser.id);
    expect(lowestSatisfaction?.id).toBe(overpromiser.id);
    // The honest top performer sits in the opposite corner.
    const honest = await userByEmail("sales@candor.test");
    const top = points.find((point) => point.id === honest.id);
    expect(top?.x).toBeGreaterThan(0.9);
    expect(top?.y).toBeGreaterThan(0.9);
  });

  it("defaults to the open period, compares with the one before, and its figures match a plain count", async () => {
    const manager = await userByEmail("manager@candor.test");
    const teamIds = await getManagedTeamIds(manager.id);
    const open = await prisma.compPeriod.findFirstOrThrow({ where: { status: "OPEN" } });
    const previous = await prisma.compPeriod.findFirstOrThrow({
      where: { endsAt: { lte: open.startsAt } },
      orderBy: { startsAt: "desc" },
    });
    const result = dashboardOf(await loadDashboard("manager@candor.test"));
    expect(result.period.name).toBe(open.name);
    expect(result.period.previousName).toBe(previous.name);

    const expected = await independentKpis(teamIds, open.startsAt, open.endsAt);
    expect(expected.claims).toBeGreaterThan(50);
    expect(result.kpis.claims).toBe(expected.claims);
    expect(result.kpis.pending).toBe(expected.pending);
    expect(result.kpis.accuracy).toBeCloseTo(expected.accuracy ?? -1, 10);
    expect(result.kpis.overstatedShare).toBeCloseTo(expected.overstatedShare ?? -1, 10);
    expect(result.kpis.quizPassRate ?? null).toBe(expected.quizPassRate === null ? null : result.kpis.quizPassRate);
    if (expected.quizPassRate !== null) expect(result.kpis.quizPassRate).toBeCloseTo(expected.quizPassRate, 10);
    if (expected.meanCsat !== null) expect(result.kpis.meanCsat).toBeCloseTo(expected.meanCsat, 10);
    if (expected.deliveredRate !== null) expect(result.kpis.deliveredRate).toBeCloseTo(expected.deliveredRate, 10);

    const before = await independentKpis(teamIds, previous.startsAt, previous.endsAt);
    expect(result.previousKpis?.claims).toBe(before.claims);
    expect(result.previousKpis?.quizPassRate).toBeCloseTo(before.quizPassRate ?? -1, 10);
    expect(result.deltas.accuracy.change).toBeCloseTo((expected.accuracy ?? 0) - (before.accuracy ?? 0), 10);
    expect(result.deltas.accuracy.trend).toBe((expected.accuracy ?? 0) > (before.accuracy ?? 0) ? "better" : "worse");
  });

  it("computes the median time to verdict over the period's judged claims", async () => {
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const period = await prisma.compPeriod.findFirstOrThrow({ where: { name: "2026-Q3" } });
    const judged = await prisma.claim.findMany({
      where: {
        salesperson: { teamId: { in: teamIds } },
        madeAt: { gte: period.startsAt, lt: period.endsAt },
        verifiedAt: { not: null },
      },
      select: { createdAt: true, verifiedAt: true },
    });
    const days = judged
      .map((claim) => ((claim.verifiedAt?.getTime() ?? 0) - claim.createdAt.getTime()) / 86_400_000)
      .sort((a, b) => a - b);
    const middle = Math.floor(days.length / 2);
    const expected = days.length % 2 ? days[middle] : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2;
    const result = dashboardOf(await loadDashboard("manager@candor.test", "?period=2026-Q3"));
    expect(days.length).toBeGreaterThan(20);
    expect(result.kpis.medianDaysToVerdict).toBeCloseTo(expected ?? -1, 4);
  });

  it("takes the period and the team from the address", async () => {
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const team = await prisma.team.findFirstOrThrow({ where: { id: { in: teamIds } }, orderBy: { name: "asc" } });
    const period = await prisma.compPeriod.findFirstOrThrow({ where: { name: "2026-Q3" } });
    const raw = await loadDashboard("manager@candor.test", `?period=2026-Q3&team=${team.id}`);
    const result = dashboardOf(raw);
    expect(raw.team).toBe(team.id);
    expect(result.period).toMatchObject({ name: "2026-Q3", previousName: "2026-Q2" });
    expect(result.kpis.claims).toBe((await independentKpis([team.id], period.startsAt, period.endsAt)).claims);
    expect(result.monthly.teams.map((option) => option.name)).toEqual([team.name]);
    const members = new Set(
      (await prisma.user.findMany({ where: { teamId: team.id }, select: { id: true } })).map((user) => user.id),
    );
    expect(result.scatter.chart.ids.length).toBeGreaterThan(0);
    for (const id of result.scatter.chart.ids) expect(members.has(id)).toBe(true);
    // Drill-down days of the period are those the claims table takes.
    expect(result.periodDays).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });

  it("counts the verification backlog by age, every pending claim once", async () => {
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const pending = await prisma.claim.count({
      where: { status: "PENDING", salesperson: { teamId: { in: teamIds } } },
    });
    const result = dashboardOf(await loadDashboard("manager@candor.test"));
    expect(result.backlog.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(pending);
    expect(result.backlog.map((bucket) => bucket.label)).toEqual([
      "0–3 days",
      "4–7 days",
      "8–14 days",
      "15–30 days",
      "31–60 days",
      "Over 60 days",
    ]);
    // Read salesperson by salesperson and as one range of the company's backlog alike.
    const counts = (buckets: ReadonlyArray<{ count: number }>) => buckets.map((bucket) => bucket.count);
    expect(counts(await getVerificationBacklog(teamIds, new Date(), true))).toEqual(counts(result.backlog));
    expect(counts(await getVerificationBacklog(teamIds, new Date(), false))).toEqual(counts(result.backlog));
  });

  it("lists the most-misrepresented capabilities and the quiz scores of the period", async () => {
    const result = dashboardOf(await loadDashboard("manager@candor.test", "?period=2026-Q3"));
    expect(result.capabilities.length).toBeGreaterThan(0);
    const totals = result.capabilities.map((capability) => capability.overstated + capability.inaccurate);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    const first = result.capabilities[0];
    if (!first) throw new Error("no capability");
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const period = await prisma.compPeriod.findFirstOrThrow({ where: { name: "2026-Q3" } });
    expect(first.overstated).toBe(
      await prisma.claim.count({
        where: {
          capabilityId: first.id,
          matrixCheck: "OVERSTATES",
          salesperson: { teamId: { in: teamIds } },
          madeAt: { gte: period.startsAt, lt: period.endsAt },
        },
      }),
    );
    const attempts = await prisma.quizAttempt.count({
      where: {
        user: { teamId: { in: teamIds } },
        submittedAt: { gte: period.startsAt, lt: period.endsAt },
        score: { not: null },
      },
    });
    expect(result.quiz.attempts).toBe(attempts);
    expect(result.quiz.counts.flat().reduce((sum, count) => sum + count, 0)).toBe(attempts);
  });

  it("says so when the address names an unknown period", async () => {
    const result = await loadDashboard("manager@candor.test", "?period=1999-Q1");
    expect(result.note).toMatch(/no period called “1999-Q1”/);
    expect(result.period?.status).toBe("OPEN");
  });

  it("sends salespeople and engineers to their own home", async () => {
    for (const [email, home] of [
      ["sales@candor.test", "/home"],
      ["engineer@candor.test", "/engineering"],
    ] as const) {
      const thrown = await settle(() => loadDashboard(email));
      expect(thrown).toHaveRedirect(home);
    }
  });

  it("answers 404 when a manager names a team they do not manage", async () => {
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const other = await prisma.team.findFirstOrThrow({ where: { id: { notIn: teamIds } } });
    expect(
      await refusalOf(await settle(() => loadDashboard("manager@candor.test", `?team=${other.id}`))),
    ).toMatchObject({ status: 404 });
    expect(
      await refusalOf(await settle(() => loadScorecard("manager@candor.test", `?team=${other.id}`))),
    ).toMatchObject({ status: 404 });
    // An admin sees every team, that one included.
    const admin = dashboardOf(await loadDashboard("admin@candor.test", `?team=${other.id}`));
    expect(admin.monthly.teams.map((team) => team.id)).toEqual([other.id]);
  });
});

describe("the team scorecard", () => {
  it("lists the manager's salespeople, lowest accuracy first, with figures matching a plain count", async () => {
    const manager = await userByEmail("manager@candor.test");
    const teamIds = await getManagedTeamIds(manager.id);
    const result = await loadScorecard("manager@candor.test", "?pageSize=100");
    // People who have left (deactivated) are not on the scorecard.
    const salespeople = await prisma.user.findMany({
      where: { role: "SALES", active: true, teamId: { in: teamIds } },
      select: { id: true },
    });
    expect(result.total).toBe(salespeople.length);
    expect(new Set(result.rows.map((row) => row.id))).toEqual(new Set(salespeople.map((person) => person.id)));
    const overpromiser = await userByEmail("overpromiser@candor.test");
    expect(result.rows[0]?.id).toBe(overpromiser.id);
    const accuracies = result.rows.flatMap((row) => (row.accuracy === null ? [] : [row.accuracy]));
    expect([...accuracies].sort((a, b) => a - b)).toEqual(accuracies);

    const open = await prisma.compPeriod.findFirstOrThrow({ where: { status: "OPEN" } });
    const claims = await prisma.claim.findMany({
      where: { salespersonId: overpromiser.id, madeAt: { gte: open.startsAt, lt: open.endsAt } },
      select: { status: true, severity: true, matrixCheck: true },
    });
    expect(result.rows[0]).toMatchObject({ claims: claims.length });
    expect(result.rows[0]?.accuracy).toBeCloseTo(weightedAccuracy(claims) ?? -1, 10);
    expect(result.rows[0]?.overstatedShare).toBeCloseTo(
      claims.filter((claim) => claim.matrixCheck === "OVERSTATES").length / claims.length,
      10,
    );
  });

  it("shows no multiplier for a period not computed yet, and the statement's for a computed one", async () => {
    // This file's own copy of the database: the open period is made "not computed yet".
    await prisma.compStatement.deleteMany({ where: { period: { status: "OPEN" } } });
    const open = await loadScorecard("manager@candor.test");
    expect(open.computed).toBe(false);
    expect(open.rows.every((row) => row.multiplier === null)).toBe(true);
    const locked = await loadScorecard("manager@candor.test", "?period=2026-Q3&sort=multiplier&dir=desc");
    expect(locked.computed).toBe(true);
    const first = locked.rows[0];
    const statement = await prisma.compStatement.findFirstOrThrow({
      where: { userId: first?.id, period: { name: "2026-Q3" } },
    });
    expect(first?.multiplier).toBe(statement.multiplier);
    const multipliers = locked.rows.flatMap((row) => (row.multiplier === null ? [] : [row.multiplier]));
    expect([...multipliers].sort((a, b) => b - a)).toEqual(multipliers);
  });

  it("filters by name and team, and exports the same rows as CSV", async () => {
    const { name } = await userByEmail("overpromiser@candor.test");
    // Any part of the name, in any case.
    const result = await loadScorecard(
      "manager@candor.test",
      `?q=${encodeURIComponent(name.slice(2, 8).toUpperCase())}`,
    );
    expect(result.rows.map((row) => row.name)).toEqual([name]);
    const none = await loadScorecard("manager@candor.test", "?q=%25");
    expect(none.total).toBe(0);

    const response = await load(scorecardCsvLoader, "manager@candor.test", "/dashboard/scorecard.csv?sort=name");
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    const page = await loadScorecard("manager@candor.test", "?sort=name&pageSize=100");
    expect(rows[0]?.[0]).toBe("Salesperson");
    expect(rows.slice(1).map((row) => row[0])).toEqual(page.rows.map((row) => row.name));
  });

  it("refuses salespeople and engineers with 403", async () => {
    for (const email of ["sales@candor.test", "engineer@candor.test"]) {
      expect(await refusalOf(await settle(() => loadScorecard(email)))).toMatchObject({ status: 403 });
      expect(
        await refusalOf(await settle(() => load(scorecardCsvLoader, email, "/dashboard/scorecard.csv"))),
      ).toMatchObject({
        status: 403,
      });
    }
  });
});

describe("the person page", () => {
  it("shows a manager one of their salespeople: figures, claims, attempts, surveys and statements", async () => {
    const overpromiser = await userByEmail("overpromiser@candor.test");
    const page = await loadPerson("manager@candor.test", overpromiser.id);
    expect(page.person).toMatchObject({ id: overpromiser.id, name: overpromiser.name });
    expect(page.claims.total).toBe(await prisma.claim.count({ where: { salespersonId: overpromiser.id } }));
    expect(page.attempts.total).toBe(await prisma.quizAttempt.count({ where: { userId: overpromiser.id } }));
    expect(page.surveys.total).toBe(await prisma.survey.count({ where: { salespersonId: overpromiser.id } }));
    expect(page.statements.map((statement) => statement.period.name)).toEqual(
      (
        await prisma.compStatement.findMany({
          where: { userId: overpromiser.id },
          select: { period: { select: { name: true, startsAt: true } } },
        })
      )
        .sort((a, b) => b.period.startsAt.getTime() - a.period.startsAt.getTime())
        .map((statement) => statement.period.name),
    );
    expect(page.figures?.claims).toBeGreaterThan(0);
  });

  it("shows salespeople only their own page, and answers 404 for everyone else", async () => {
    const sales = await userByEmail("sales@candor.test");
    const overpromiser = await userByEmail("overpromiser@candor.test");
    const engineer = await userByEmail("engineer@candor.test");
    expect((await loadPerson("sales@candor.test", sales.id)).person.id).toBe(sales.id);
    expect(await refusalOf(await settle(() => loadPerson("sales@candor.test", overpromiser.id)))).toMatchObject({
      status: 404,
    });
    expect(await refusalOf(await settle(() => loadPerson("engineer@candor.test", sales.id)))).toMatchObject({
      status: 404,
    });
    // Not a salesperson, or no one at all.
    expect(await refusalOf(await settle(() => loadPerson("admin@candor.test", engineer.id)))).toMatchObject({
      status: 404,
    });
    expect(await refusalOf(await settle(() => loadPerson("admin@candor.test", "no-such-person")))).toMatchObject({
      status: 404,
    });
    // A manager: not a salesperson of another manager's team.
    const teamIds = await getManagedTeamIds((await userByEmail("manager@candor.test")).id);
    const outsider = await prisma.user.findFirstOrThrow({ where: { role: "SALES", teamId: { notIn: teamIds } } });
    expect(await refusalOf(await settle(() => loadPerson("manager@candor.test", outsider.id)))).toMatchObject({
      status: 404,
    });
    expect((await loadPerson("admin@candor.test", outsider.id)).person.id).toBe(outsider.id);
  });
});
