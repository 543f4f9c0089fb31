import type { Prisma } from "../generated/prisma/client.ts";
import { addDays } from "../domain/dates.ts";
import { lockWarnings } from "../domain/lock-warnings.ts";
import { fieldError, ok, type Outcome } from "../domain/outcome.ts";
import { prisma } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { getCurrentPlan } from "./comp-plan.server.ts";

// Compensation periods: [startsAt, endsAt) with endsAt the first instant of the next period,
// never overlapping, OPEN until an admin locks them (irreversible; see comp-compute.server.ts).

const periodSelect = {
  id: true,
  name: true,
  startsAt: true,
  endsAt: true,
  status: true,
  computedAt: true,
  lockedAt: true,
  lockedBy: { select: { name: true } },
} satisfies Prisma.CompPeriodSelect;

export function getPeriodByName(name: string) {
  return prisma.compPeriod.findUnique({
    where: { name },
    select: { ...periodSelect, plan: { select: { version: true, paramsJson: true } } },
  });
}

export async function listPeriods() {
  const [periods, counts] = await Promise.all([
    prisma.compPeriod.findMany({
      orderBy: { startsAt: "desc" },
      select: { ...periodSelect, plan: { select: { version: true } } },
    }),
    prisma.compStatement.groupBy({ by: ["periodId"], _count: { _all: true } }),
  ]);
  const statementCount = new Map(counts.map((row) => [row.periodId, row._count._all]));
  return periods.map((period) => ({
    name: period.name,
    startsAt: period.startsAt,
    /** The last day of the period, for people: endsAt is the first instant of the next one. */
    lastDay: addDays(period.endsAt, -1),
    status: period.status,
    planVersion: period.plan.version,
    computedAt: period.computedAt,
    lockedAt: period.lockedAt,
    lockedBy: period.lockedBy?.name ?? null,
    statements: statementCount.get(period.id) ?? 0,
  }));
}

export interface NewPeriodInput {
  name: string;
  /** The first day, 00:00 UTC. */
  startsOn: Date;
  /** The last day, 00:00 UTC; the period runs to the end of it. */
  endsOn: Date;
}

type CreatePeriodResult = Outcome<{ name: string }, "name" | "startsOn" | "endsOn">;

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function createPeriod(ctx: AuditContext, input: NewPeriodInput): Promise<CreatePeriodResult> {
  const startsAt = input.startsOn;
  const endsAt = addDays(input.endsOn, 1);
  if (endsAt.getTime() <= startsAt.getTime())
    return fieldError("endsOn", "The last day must be on or after the first day.");
  const plan = await getCurrentPlan();
  if (plan.id === null) return fieldError("name", "Save a compensation plan before creating a period.");
  const planId = plan.id;
  return prisma.$transaction(async (tx): Promise<CreatePeriodResult> => {
    const sameName = await tx.compPeriod.findUnique({ where: { name: input.name }, select: { id: true } });
    if (sameName) return fieldError("name", `A period named ${input.name} already exists.`);
    const overlapping = await tx.compPeriod.findFirst({
      where: { startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      orderBy: { startsAt: "asc" },
      select: { name: true, startsAt: true, endsAt: true },
    });
    if (overlapping) {
      const message = `These dates overlap ${overlapping.name} (${day(overlapping.startsAt)} to ${day(addDays(overlapping.endsAt, -1))}); periods must not overlap.`;
      return fieldError("startsOn", message);
    }
    const period = await tx.compPeriod.create({ data: { name: input.name, startsAt, endsAt, planId } });
    await recordAudit(tx, ctx, {
      action: "comp.period.create",
      entityType: "CompPeriod",
      entityId: period.id,
      after: { name: period.name, startsAt: period.startsAt, endsAt: period.endsAt, planVersion: plan.version },
    });
    return ok({ name: period.name });
  });
}

/**
 * What the lock confirmation warns of (see lockWarnings): time left, claims made in the period
 * still waiting for a verdict, and open disputes on its claims — across every team, as a lock is.
 */
export async function getLockWarnings(
  period: { name: string; startsAt: Date; endsAt: Date },
  now: Date = new Date(),
): Promise<string[]> {
  const madeIn = { madeAt: { gte: period.startsAt, lt: period.endsAt } };
  const [pendingClaims, openDisputes] = await Promise.all([
    prisma.claim.count({ where: { ...madeIn, status: "PENDING" } }),
    prisma.claimDispute.count({ where: { status: "OPEN", claim: madeIn } }),
  ]);
  return lockWarnings({ periodName: period.name, endsAt: period.endsAt, pendingClaims, openDisputes }, now);
}
