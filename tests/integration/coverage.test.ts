import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import type { ClaimSource, DealStatus, Delivered } from "../../app/generated/prisma/client.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { refreshRollups, type TouchedRows } from "../../app/models/rollups.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as claimFormLoader } from "../../app/routes/_app.claims.new.tsx";
import { loader as dashboardLoader } from "../../app/routes/_app.dashboard.tsx";
import { loader as scorecardLoader } from "../../app/routes/_app.dashboard_.scorecard.tsx";
import { loader as homeLoader } from "../../app/routes/_app.home.tsx";
import { loader as personLoader } from "../../app/routes/_app.people.$userId.tsx";
import { loader as scorecardCsvLoader } from "../../app/routes/dashboard.scorecard[.]csv.ts";
import { logObservedClaimHref } from "../../app/components/dashboard/links.ts";
import { load } from "./support/requests.ts";

const DAY = 86_400_000;

/** Rows written here directly, brought into the dashboard's rollups as the app's own writes do (ADR 019). */
const counted = async <T extends { id: string }>(row: Promise<T>, key: keyof TouchedRows): Promise<T> => {
  const written = await row;
  await prisma.$transaction((tx) => refreshRollups(tx, { [key]: [written.id] }));
  return written;
};

const loadDashboard = async (email: string, query = "") => load(dashboardLoader, email, `/dashboard${query}`);
const loadScorecard = async (email: string, query = "") => load(scorecardLoader, email, `/dashboard/scorecard${query}`);
const loadPerson = async (email: string, userId: string) => load(personLoader, email, `/people/${userId}`, { userId });

async function loadCsv(email: string, query: string) {
  const response = await load(scorecardCsvLoader, email, `/dashboard/scorecard.csv${query}`);
  const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  if (!header) throw new Error("The export has no header");
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

function dashboardOf(result: Awaited<ReturnType<typeof loadDashboard>>) {
  if (!result.dashboard || !result.period) throw new Error("The dashboard has no figures");
  return result.dashboard;
}

let sequence = 0;
const world = {
  managerId: "",
  team: { id: "", name: "" },
  otherTeamId: "",
  productId: "",
  period: { name: "", startsAt: new Date(0), endsAt: new Date(0) },
  previous: { startsAt: new Date(0), endsAt: new Date(0) },
};

async function salesperson(name: string, teamId: string) {
  sequence += 1;
  return prisma.user.create({
    data: { email: `coverage-${sequence}@candor.test`, name, role: "SALES", teamId },
    select: { id: true, name: true },
  });
}

async function deal(ownerId: string, status: DealStatus, closedAt: Date | null) {
  sequence += 1;
  const account = await prisma.account.create({ data: { name: `Coverage Account ${sequence}` } });
  return counted(
    prisma.deal.create({
      data: {
        externalId: `COV-${sequence}`,
        accountId: account.id,
        contactName: "Pat Buyer",
        contactEmail: `buyer${sequence}@example.com`,
        ownerId,
        amountCents: 1_000_000,
        status,
        closedAt,
      },
      select: { id: true, externalId: true, ownerId: true },
    }),
    "dealIds",
  );
}

async function claimOn(dealId: string, salespersonId: string, source: ClaimSource) {
  return counted(
    prisma.claim.create({
      data: {
        salespersonId,
        dealId,
        accountName: "Coverage Account",
        productId: world.productId,
        // A customer's claim has no asserted level until an engineer reads it.
        assertedLevel: source === "CUSTOMER" ? null : "SUPPORTED",
        statement: "Exports to every spreadsheet format.",
        channel: "CALL",
        madeAt: world.period.startsAt,
        source,
        loggedById: source === "OBSERVED" ? world.managerId : salespersonId,
        matrixCheck: "NO_MATRIX_ROW",
      },
      select: { id: true },
    }),
    "claimIds",
  );
}

async function survey(
  dealId: string,
  salespersonId: string,
  answer: Delivered,
  dueAt: Date,
  words: { untrueClaim?: string; leastLiked?: string; respondedAt?: Date } = {},
) {
  return counted(
    prisma.survey.create({
      data: {
        dealId,
        salespersonId,
        dueAt,
        respondedAt: words.respondedAt ?? new Date(dueAt.getTime() + DAY),
        csat: answer === "YES" ? 5 : 2,
        deliveredAsPromised: answer,
        untrueClaim: words.untrueClaim ?? null,
        leastLiked: words.leastLiked ?? null,
        source: "LINK",
      },
    }),
    "surveyIds",
  );
}

/** A deal won six months before its survey falls due, on `dueAt`. */
async function surveyedDeal(ownerId: string, answer: Delivered, dueAt: Date, words: Parameters<typeof survey>[4] = {}) {
  const won = await deal(ownerId, "WON", new Date(dueAt.getTime() - 183 * DAY));
  await survey(won.id, ownerId, answer, dueAt, words);
  return won;
}

/** Coverage the plain way: the teams' won deals of the window loaded, and their claims counted, in JavaScript. */
async function plainCoverage(ownerWhere: { teamId: { in: string[] } } | { id: string }, from: Date, to: Date) {
  const deals = await prisma.deal.findMany({
    where: { owner: ownerWhere, status: "WON", closedAt: { gte: from, lt: to } },
    select: { _count: { select: { claims: true } } },
  });
  return { won: deals.length, covered: deals.filter((row) => row._count.claims > 0).length };
}

beforeAll(async () => {
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@candor.test" } });
  const teamIds = await getManagedTeamIds(manager.id);
  const team = await prisma.team.findFirstOrThrow({
    where: { id: { in: teamIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const other = await prisma.team.findFirstOrThrow({ where: { id: { notIn: teamIds } }, select: { id: true } });
  const open = await prisma.compPeriod.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { startsAt: "desc" } });
  const previous = await prisma.compPeriod.findFirstOrThrow({
    where: { endsAt: { lte: open.startsAt } },
    orderBy: { startsAt: "desc" },
  });
  const product = await prisma.product.findFirstOrThrow({ select: { id: true } });
  Object.assign(world, {
    managerId: manager.id,
    team,
    otherTeamId: other.id,
    productId: product.id,
    period: open,
    previous,
  });
});

describe("coverage", () => {
  it("counts won deals closed in the period with a claim of any source, out of all such won deals", async () => {
    const person = await salesperson("Casey Coverage", world.team.id);
    const inPeriod = (days: number) => new Date(world.period.startsAt.getTime() + days * DAY);
    // Four won deals of the period: one claim each from the salesperson, a colleague and the customer, and one with none.
    for (const source of ["SELF", "OBSERVED", "CUSTOMER"] as const) {
      const won = await deal(person.id, "WON", inPeriod(3));
      await claimOn(won.id, person.id, source);
    }
    await deal(person.id, "WON", inPeriod(5));
    // Not counted, claims or not: an open deal, a lost one, and one won before the period.
    for (const [status, closedAt] of [
      ["OPEN", null],
      ["LOST", inPeriod(4)],
      ["WON", new Date(world.period.startsAt.getTime() - DAY)],
    ] as const) {
      const other = await deal(person.id, status, closedAt);
      await claimOn(other.id, person.id, "SELF");
    }

    const scorecard = await loadScorecard("manager@candor.test", `?team=${world.team.id}&q=Casey%20Coverage`);
    expect(scorecard.rows).toHaveLength(1);
    expect(scorecard.rows[0]).toMatchObject({ id: person.id, wonDeals: 4, coveredDeals: 3, coverage: 0.75 });

    const csv = await loadCsv("manager@candor.test", `?team=${world.team.id}&q=Casey%20Coverage`);
    expect(csv).toEqual([
      expect.objectContaining({
        Salesperson: "Casey Coverage",
        "Won deals": "4",
        "Won deals with a claim": "3",
        Coverage: "75.00%",
      }),
    ]);

    const page = await loadPerson("manager@candor.test", person.id);
    expect(page.figures).toMatchObject({ wonDeals: 4, coveredDeals: 3, coverage: 0.75 });
  });

  it("reads “no won deals” for a salesperson without any, not 0 %, on the scorecard and in its export", async () => {
    const person = await salesperson("Noel Nodeals", world.team.id);
    const scorecard = await loadScorecard("manager@candor.test", `?team=${world.team.id}&q=Noel%20Nodeals`);
    expect(scorecard.rows[0]).toMatchObject({ id: person.id, wonDeals: 0, coveredDeals: 0, coverage: null });
    const csv = await loadCsv("manager@candor.test", `?team=${world.team.id}&q=Noel%20Nodeals`);
    expect(csv[0]).toMatchObject({ "Won deals": "0", Coverage: "" });
  });

  it("sorts the scorecard by coverage, lowest first, people without won deals last", async () => {
    const uncovered = await salesperson("Lowe Uncovered", world.team.id);
    await deal(uncovered.id, "WON", new Date(world.period.startsAt.getTime() + DAY));
    const scorecard = await loadScorecard("manager@candor.test", "?sort=coverage&pageSize=100");
    expect(scorecard.sort).toEqual({ key: "coverage", dir: "asc" });
    const mine = scorecard.rows.findIndex((row) => row.id === uncovered.id);
    expect(scorecard.rows[mine]).toMatchObject({ wonDeals: 1, coverage: 0 });
    expect(scorecard.rows.slice(0, mine).every((row) => row.coverage === 0)).toBe(true);
    const figures = scorecard.rows.map((row) => row.coverage);
    const known = figures.filter((value): value is number => value !== null);
    expect(known.length).toBeGreaterThan(3);
    expect([...known].sort((a, b) => a - b)).toEqual(known);
    expect(figures.slice(known.length).every((value) => value === null)).toBe(true);
    const descending = await loadScorecard("manager@candor.test", "?sort=coverage&dir=desc&pageSize=100");
    expect(descending.rows[0]?.coverage).toBe(Math.max(...known));
  });

  it("shows the team's coverage on the dashboard, matching a plain count, with the change against the previous period", async () => {
    const dashboard = dashboardOf(await loadDashboard("manager@candor.test", `?team=${world.team.id}`));
    const current = await plainCoverage(
      { teamId: { in: [world.team.id] } },
      world.period.startsAt,
      world.period.endsAt,
    );
    const before = await plainCoverage(
      { teamId: { in: [world.team.id] } },
      world.previous.startsAt,
      world.previous.endsAt,
    );
    expect(current.won).toBeGreaterThan(0);
    expect(dashboard.kpis).toMatchObject({ wonDeals: current.won, coveredDeals: current.covered });
    expect(dashboard.kpis.coverage).toBeCloseTo(current.covered / current.won, 10);
    expect(dashboard.previousKpis?.wonDeals).toBe(before.won);
    if (before.won > 0)
      expect(dashboard.deltas.coverage.change).toBeCloseTo(
        current.covered / current.won - before.covered / before.won,
        10,
      );
  });

  it("shows the salesperson their own coverage on their home", async () => {
    const sales = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } });
    const home = await load(homeLoader, "sales@candor.test", "/home");
    if (home instanceof Response) throw new Error("The salesperson was sent away from their home");
    expect(home.coverage?.period.name).toBe(world.period.name);
    expect(home.coverage?.counts).toEqual(
      await plainCoverage({ id: sales.id }, world.period.startsAt, world.period.endsAt),
    );
  });
});

describe("unlogged promises", () => {
  it("lists a deal whose customer answered NO or PARTLY while the deal has no claim, and drops it once any claim is linked", async () => {
    const person = await salesperson("Uma Unlogged", world.team.id);
    const due = (days: number) => new Date(world.period.startsAt.getTime() + days * DAY);
    // Answered "just now", so the rows sort above the seeded ones.
    const recently = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    const broken = await surveyedDeal(person.id, "NO", due(2), {
      untrueClaim: "They said .xls files would open.",
      leastLiked: "The export.",
      respondedAt: recently(2),
    });
    const partly = await surveyedDeal(person.id, "PARTLY", due(3), { respondedAt: recently(1) });
    const kept = await surveyedDeal(person.id, "YES", due(4), { respondedAt: recently(3) });
    const outside = await surveyedDeal(person.id, "NO", new Date(world.period.startsAt.getTime() - 2 * DAY), {
      respondedAt: recently(4),
    });
    const logged = await surveyedDeal(person.id, "NO", due(5), { respondedAt: recently(5) });
    await claimOn(logged.id, person.id, "SELF");

    const listed = async () =>
      dashboardOf(await loadDashboard("manager@candor.test", `?team=${world.team.id}`)).unlogged;
    const before = await listed();
    const ids = before.rows.map((row) => row.dealId);
    expect(ids.slice(0, 2)).toEqual([broken.id, partly.id]);
    for (const absent of [kept, outside, logged]) expect(ids).not.toContain(absent.id);
    expect(before.rows[0]).toMatchObject({
      externalId: broken.externalId,
      accountName: expect.stringMatching(/^Coverage Account/),
      salespersonId: person.id,
      salespersonName: "Uma Unlogged",
      answer: "NO",
      untrueClaim: "They said .xls files would open.",
      leastLiked: "The export.",
    });
    expect(before.rows[1]).toMatchObject({ answer: "PARTLY", untrueClaim: null });
    // The total counts every unlogged promise of the period, however many are shown.
    const expectedTotal = await prisma.survey.count({
      where: {
        salesperson: { teamId: world.team.id },
        deal: { owner: { teamId: world.team.id }, claims: { none: {} } },
        dueAt: { gte: world.period.startsAt, lt: world.period.endsAt },
        deliveredAsPromised: { in: ["NO", "PARTLY"] },
      },
    });
    expect(before.total).toBe(expectedTotal);
    expect(before.rows.length).toBe(Math.min(50, expectedTotal));

    // A claim from the customer's own answer is a claim like any other: the promise is now on record.
    await claimOn(broken.id, person.id, "CUSTOMER");
    const after = await listed();
    expect(after.rows.map((row) => row.dealId)).not.toContain(broken.id);
    expect(after.rows[0]?.dealId).toBe(partly.id);
    expect(after.total).toBe(before.total - 1);
  });

  it("never shows a manager another team's deal; an admin sees it", async () => {
    const outsider = await salesperson("Oscar Outside", world.otherTeamId);
    const theirs = await surveyedDeal(outsider.id, "NO", new Date(world.period.startsAt.getTime() + 6 * DAY), {
      respondedAt: new Date(Date.now() + 10 * 3_600_000),
    });
    const manager = dashboardOf(await loadDashboard("manager@candor.test"));
    expect(manager.unlogged.rows.map((row) => row.dealId)).not.toContain(theirs.id);
    const owners = await prisma.user.findMany({
      where: { id: { in: manager.unlogged.rows.map((row) => row.salespersonId) } },
      select: { teamId: true },
    });
    const managed = await getManagedTeamIds(world.managerId);
    for (const owner of owners) expect(managed).toContain(owner.teamId);
    const admin = dashboardOf(await loadDashboard("admin@candor.test"));
    expect(admin.unlogged.rows[0]?.dealId).toBe(theirs.id);
  });

  it("links to the claim form with the deal and the salesperson already chosen", async () => {
    const person = await salesperson("Lee Linked", world.team.id);
    const won = await surveyedDeal(person.id, "PARTLY", new Date(world.period.startsAt.getTime() + 7 * DAY));
    const href = logObservedClaimHref({ dealId: won.id, salespersonId: person.id });
    const form = await load(claimFormLoader, "manager@candor.test", href);
    expect(form).toMatchObject({ salespersonId: person.id, dealId: won.id });
    expect(form.deals.map((row) => row.id)).toContain(won.id);
    // A deal that is not that salesperson's is ignored rather than offered.
    const stranger = await deal((await salesperson("Sam Stranger", world.team.id)).id, "WON", new Date());
    const refused = await load(
      claimFormLoader,
      "manager@candor.test",
      logObservedClaimHref({ dealId: stranger.id, salespersonId: person.id }),
    );
    expect(refused.dealId).toBeNull();
  });
});
