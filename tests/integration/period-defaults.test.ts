import { describe, expect, it } from "vitest";
import { timeLeft } from "../../app/domain/lock-warnings.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as periodLoader } from "../../app/routes/_app.comp.$periodName._index.tsx";
import { action as compAction } from "../../app/routes/_app.comp._index.tsx";
import { loader as dashboardLoader } from "../../app/routes/_app.dashboard.tsx";
import { loader as homeLoader } from "../../app/routes/_app.home.tsx";
import { settle } from "./support/sign-in.ts";
import { load, submit } from "./support/requests.ts";

// The demo data holds the open period 2026-Q4 (the one in effect while the demo is current)
// and the locked quarters before it. An admin then creates next quarter's period early.

const DAY_MS = 24 * 60 * 60 * 1000;
const NEXT = "Next-quarter";
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Creates the next period through the comp page, starting after today and after every existing period. */
async function createNextPeriodEarly() {
  const existing = await prisma.compPeriod.findUnique({ where: { name: NEXT } });
  if (existing) return existing;
  const latest = await prisma.compPeriod.findFirstOrThrow({ orderBy: { endsAt: "desc" } });
  const tomorrow = new Date(Date.now() + DAY_MS);
  const startsOn = latest.endsAt.getTime() > tomorrow.getTime() ? latest.endsAt : tomorrow;
  const fields = {
    intent: "create",
    name: NEXT,
    startsOn: day(startsOn),
    endsOn: day(new Date(startsOn.getTime() + 89 * DAY_MS)),
  };
  const outcome = await settle(() => submit(compAction, "admin@candor.test", "/comp", fields));
  expect(outcome instanceof Response ? outcome.status : 0).toBe(302);
  return prisma.compPeriod.findUniqueOrThrow({ where: { name: NEXT } });
}

/** The period that should still be shown: the open one that has started (the demo's 2026-Q4). */
const currentPeriod = () =>
  prisma.compPeriod.findFirstOrThrow({
    where: { status: "OPEN", startsAt: { lte: new Date() } },
    orderBy: { startsAt: "desc" },
  });

describe("a period created early for next quarter", () => {
  it("leaves the dashboard on the current period, with claims still waiting compared with the previous period at the same point", async () => {
    const future = await createNextPeriodEarly();
    const current = await currentPeriod();
    expect(future.startsAt.getTime()).toBeGreaterThan(Date.now());

    const result = await load(dashboardLoader, "manager@candor.test", "/dashboard");
    expect(result.period?.name).toBe(current.name);
    expect(result.periods.map((period) => period.name)).toContain(NEXT);
    const dashboard = result.dashboard;
    if (!dashboard || !result.period) throw new Error("The dashboard has no figures");
    const teamIds = await getManagedTeamIds(
      (await prisma.user.findUniqueOrThrow({ where: { email: "manager@candor.test" } })).id,
    );
    const waitingNow = await prisma.claim.count({
      where: {
        salesperson: { teamId: { in: teamIds } },
        status: "PENDING",
        madeAt: { gte: current.startsAt, lt: current.endsAt },
      },
    });
    expect(dashboard.kpis.pending).toBe(waitingNow);
    expect(waitingNow).toBeGreaterThan(0);

    // The previous period as many days into it as today is into the current one, counted plainly.
    const previous = await prisma.compPeriod.findFirstOrThrow({
      where: { endsAt: { lte: current.startsAt } },
      orderBy: { startsAt: "desc" },
    });
    expect(result.period.previousName).toBe(previous.name);
    const samePoint = dashboard.previousSamePoint;
    if (!samePoint) throw new Error("expected a same-point comparison");
    const expectedAsOf = previous.startsAt.getTime() + (Date.now() - current.startsAt.getTime());
    expect(Math.abs(new Date(samePoint.asOf).getTime() - Math.min(expectedAsOf, Date.now()))).toBeLessThan(60_000);
    const asOf = new Date(samePoint.asOf);
    const until = asOf.getTime() < previous.endsAt.getTime() ? asOf : previous.endsAt;
    const waitingThen = await prisma.claim.count({
      where: {
        salesperson: { teamId: { in: teamIds } },
        madeAt: { gte: previous.startsAt, lt: until },
        createdAt: { lte: asOf },
        OR: [{ verifiedAt: null }, { verifiedAt: { gt: asOf } }],
      },
    });
    expect(samePoint.pending).toBe(waitingThen);
    // The verification backlog then: claims of any period made and logged by then, still waiting.
    const backlogThen = await prisma.claim.count({
      where: {
        salesperson: { teamId: { in: teamIds } },
        madeAt: { lt: asOf },
        createdAt: { lte: asOf },
        OR: [{ verifiedAt: null }, { verifiedAt: { gt: asOf } }],
      },
    });
    expect(samePoint.backlog).toBe(backlogThen);
    expect(samePoint.backlog).toBeGreaterThanOrEqual(samePoint.pending);
    // Not the closed quarter's end state, where nearly everything has a verdict by now.
    const waitingAtEnd = await prisma.claim.count({
      where: {
        salesperson: { teamId: { in: teamIds } },
        status: "PENDING",
        madeAt: { gte: previous.startsAt, lt: previous.endsAt },
      },
    });
    expect(dashboard.previousKpis?.pending).toBe(waitingAtEnd);
    expect(dashboard.deltas.pending.change).toBe(waitingNow - waitingThen);
    expect(dashboard.deltas.pending.trend).toBe(
      waitingNow === waitingThen ? "same" : waitingNow < waitingThen ? "better" : "worse",
    );
  });

  it("leaves the salesperson's projected payout on the current period", async () => {
    await createNextPeriodEarly();
    const current = await currentPeriod();
    const home = await load(homeLoader, "sales@candor.test", "/home");
    expect(home.projection?.period.name).toBe(current.name);
    expect(home.projection?.figures.multiplier).toBeGreaterThan(1);
  });
});

describe("the lock confirmation", () => {
  it("warns of the time left, the claims still waiting and the open disputes before the name is typed", async () => {
    const period = await currentPeriod();
    const madeIn = { madeAt: { gte: period.startsAt, lt: period.endsAt } };
    // An open dispute on one of the period's judged claims.
    const judged = await prisma.claim.findFirstOrThrow({
      where: { ...madeIn, status: { not: "PENDING" }, dispute: null },
    });
    await prisma.claimDispute.create({
      data: {
        claimId: judged.id,
        raisedById: judged.salespersonId,
        reason: "The customer confirmed the integration works.",
        disputedStatus: judged.status,
      },
    });
    const pending = await prisma.claim.count({ where: { ...madeIn, status: "PENDING" } });
    const disputes = await prisma.claimDispute.count({ where: { status: "OPEN", claim: madeIn } });
    expect(pending).toBeGreaterThan(0);

    const path = `/comp/${period.name}?confirm=lock`;
    const loaded = await load(periodLoader, "admin@candor.test", path, { periodName: period.name });
    expect(loaded.confirmingLock).toBe(true);
    const left = timeLeft(period.endsAt, new Date());
    const warnings = loaded.lockWarnings.join("\n");
    if (left) expect(warnings).toContain(`${period.name} has not ended yet: it has ${left} left.`);
    expect(warnings).toContain(`${pending} claims made in ${period.name} are still waiting for a verdict.`);
    expect(warnings).toContain(
      `${disputes} ${disputes === 1 ? "dispute" : "disputes"} about its claims ${disputes === 1 ? "is" : "are"} still open`,
    );

    // Without the confirmation step (or the right to lock), nothing is counted.
    const plain = await load(periodLoader, "admin@candor.test", `/comp/${period.name}`, { periodName: period.name });
    expect(plain.lockWarnings).toEqual([]);
    const manager = await load(periodLoader, "manager@candor.test", path, { periodName: period.name });
    expect(manager.lockWarnings).toEqual([]);
  });
});
