import { claimIdsInReason, nameOfClaim, readableAdjustmentReason } from "../domain/comp-adjustment.ts";
import { computeStatement } from "../domain/comp-formula.ts";
import { multiplierHistogram } from "../domain/comp-distribution.ts";
import { periodInEffect } from "../domain/dashboard-period.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import { readFrozenStatement } from "../schemas/comp-statement.ts";
import type { OverviewSortKey } from "../schemas/comp.ts";
import { audienceUserWhere, type Audience } from "./audience.server.ts";
import { gatherDetailedInputs, listRequiredQuizzes } from "./comp-inputs.server.ts";
import { parsePlanJson } from "./comp-plan.server.ts";

// Reading statements. A statement's figures always come from its stored detailJson, exactly as
// computed (and, once the period is locked, frozen): pages never recompute a stored statement.

/** A statement's scores, A, Q, S, C and M (StatementScores). */
const statementScoresSelect = {
  accuracy: true,
  quiz: true,
  satisfaction: true,
  composite: true,
  multiplier: true,
} satisfies Prisma.CompStatementSelect;

/** Whom a statement pays, as the overview and the payroll export name them. */
const payeeSelect = { name: true, email: true, team: { select: { name: true } } } satisfies Prisma.UserSelect;

function payee(user: Prisma.UserGetPayload<{ select: typeof payeeSelect }>) {
  return { name: user.name, email: user.email, team: user.team?.name ?? null };
}

export function listOwnStatements(userId: string) {
  return prisma.compStatement.findMany({
    where: { userId },
    orderBy: { period: { startsAt: "desc" } },
    select: {
      multiplier: true,
      periodPayoutCents: true,
      adjustmentCents: true,
      totalPayoutCents: true,
      computedAt: true,
      period: { select: { name: true, status: true } },
    },
  });
}

function overviewOrder(key: OverviewSortKey, dir: "asc" | "desc"): Prisma.CompStatementOrderByWithRelationInput[] {
  const byName: Prisma.CompStatementOrderByWithRelationInput = { user: { name: "asc" } };
  switch (key) {
    case "name":
      return [{ user: { name: dir } }];
    case "team":
      return [{ user: { team: { name: dir } } }, byName];
    case "payout":
      return [{ totalPayoutCents: dir }, byName];
    case "adjustment":
      return [{ adjustmentCents: dir }, byName];
    case "quiz":
      return [{ quiz: { sort: dir, nulls: "last" } }, byName];
    default:
      return [{ [key]: dir }, byName];
  }
}

export async function getPeriodOverview(
  periodId: string,
  audience: Audience,
  view: { sort: OverviewSortKey; dir: "asc" | "desc"; page: number; pageSize: number },
  curveTop: number,
) {
  const where: Prisma.CompStatementWhereInput = { periodId, user: audienceUserWhere(audience) };
  const [total, multipliers, totals] = await Promise.all([
    prisma.compStatement.count({ where }),
    prisma.compStatement.findMany({ where, select: { multiplier: true } }),
    prisma.compStatement.aggregate({
      where,
      _sum: { periodPayoutCents: true, adjustmentCents: true, totalPayoutCents: true, targetBonusCents: true },
      _avg: { multiplier: true },
    }),
  ]);
  const { page, skip, take } = pageWindow(total, view.page, view.pageSize);
  const rows = await prisma.compStatement.findMany({
    where,
    orderBy: overviewOrder(view.sort, view.dir),
    skip,
    take,
    select: {
      userId: true,
      ...statementScoresSelect,
      periodPayoutCents: true,
      adjustmentCents: true,
      totalPayoutCents: true,
      user: { select: payeeSelect },
    },
  });
  return {
    total,
    page,
    rows: rows.map(({ user, ...row }) => ({ ...row, ...payee(user) })),
    histogram: multiplierHistogram(
      multipliers.map((row) => row.multiplier),
      curveTop,
    ),
    summary: {
      people: total,
      periodPayoutCents: totals._sum.periodPayoutCents ?? 0,
      adjustmentCents: totals._sum.adjustmentCents ?? 0,
      totalPayoutCents: totals._sum.totalPayoutCents ?? 0,
      targetBonusCents: totals._sum.targetBonusCents ?? 0,
      averageMultiplier: totals._avg.multiplier,
    },
  };
}

/** One person's statement with the labels its lines need, or null when the reader may not see them. */
export async function getStatementPage(periodId: string, userId: string, audience: Audience) {
  const person = await prisma.user.findFirst({
    where: { AND: [{ id: userId }, audienceUserWhere(audience)] },
    select: { id: true, name: true, email: true, role: true, team: { select: { name: true } } },
  });
  if (person === null) return null;
  const [statement, adjustments] = await Promise.all([
    prisma.compStatement.findUnique({ where: { periodId_userId: { periodId, userId } } }),
    prisma.compAdjustment.findMany({
      where: { periodId, userId },
      orderBy: { sourcePeriod: { startsAt: "asc" } },
      select: { id: true, deltaCents: true, reason: true, createdAt: true, sourcePeriod: { select: { name: true } } },
    }),
  ]);
  if (statement === null) return { person, statement: null, figures: null, adjustments: [], claims: {}, surveys: {} };
  const figures = readFrozenStatement(statement.detailJson);
  // Reasons stored before Candor worded them name claims by id: those are looked up and named.
  const reasonClaimIds = adjustments.flatMap((adjustment) => claimIdsInReason(adjustment.reason));
  const [claims, surveys, reasonClaims] = await Promise.all([
    prisma.claim.findMany({
      where: { id: { in: figures.claims.map((claim) => claim.id) } },
      select: {
        id: true,
        accountName: true,
        statement: true,
        madeAt: true,
        source: true,
        product: { select: { name: true } },
      },
    }),
    prisma.survey.findMany({
      where: { id: { in: figures.surveys.map((survey) => survey.id) } },
      select: { id: true, dueAt: true, respondedAt: true, deal: { select: { account: { select: { name: true } } } } },
    }),
    reasonClaimIds.length === 0
      ? []
      : prisma.claim.findMany({
          where: { id: { in: reasonClaimIds }, salespersonId: userId },
          select: { id: true, accountName: true, madeAt: true },
        }),
  ]);
  const claimNames = new Map(reasonClaims.map((claim) => [claim.id, nameOfClaim(claim.accountName, claim.madeAt)]));
  return {
    person,
    statement: {
      multiplier: statement.multiplier,
      periodPayoutCents: statement.periodPayoutCents,
      adjustmentCents: statement.adjustmentCents,
      totalPayoutCents: statement.totalPayoutCents,
      targetBonusCents: statement.targetBonusCents,
      computedAt: statement.computedAt,
    },
    figures,
    adjustments: adjustments.map((a) => ({
      id: a.id,
      deltaCents: a.deltaCents,
      reason: readableAdjustmentReason(a.reason, claimNames),
      createdAt: a.createdAt,
      sourcePeriod: a.sourcePeriod.name,
    })),
    claims: Object.fromEntries(
      claims.map((c) => [
        c.id,
        {
          accountName: c.accountName,
          statement: c.statement,
          madeAt: c.madeAt,
          product: c.product.name,
          source: c.source,
        },
      ]),
    ),
    surveys: Object.fromEntries(
      surveys.map((s) => [s.id, { account: s.deal.account.name, dueAt: s.dueAt, respondedAt: s.respondedAt }]),
    ),
  };
}

export async function listPayrollStatements(periodId: string, periodName: string, audience: Audience) {
  const rows = await prisma.compStatement.findMany({
    where: { periodId, user: audienceUserWhere(audience) },
    orderBy: [{ user: { team: { name: "asc" } } }, { user: { name: "asc" } }],
    select: {
      ...statementScoresSelect,
      targetBonusCents: true,
      totalPayoutCents: true,
      adjustmentCents: true,
      user: { select: payeeSelect },
    },
  });
  // payroll.csv's payout_cents is the total paid; adjustment_cents the part from earlier periods.
  return rows.map(({ user, totalPayoutCents, ...row }) => ({
    ...row,
    payoutCents: totalPayoutCents,
    ...payee(user),
    period: periodName,
  }));
}

/**
 * The salesperson home's projection: the open period's statement for one person "if the period
 * closed today" — today's data, and quiz certification windows ending today. Never stored.
 */
export async function projectStatementFor(userId: string, now: Date = new Date()) {
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, active: true, targetBonusCents: true },
  });
  if (person === null || person.role !== "SALES") return null;
  // The open period in effect today, never one created early for next quarter: a projection of
  // a period that has not started is priors alone.
  const open = await prisma.compPeriod.findMany({
    where: { status: "OPEN", startsAt: { lte: now } },
    select: { id: true, name: true, startsAt: true, endsAt: true, plan: { select: { paramsJson: true } } },
  });
  const period = periodInEffect(open, now);
  if (period === null) return null;
  const asOf = now.getTime() < period.endsAt.getTime() ? now : period.endsAt;
  const requiredQuizzes = await listRequiredQuizzes();
  const audience: Audience = { kind: "own", userId };
  const inputs = await gatherDetailedInputs(
    audience,
    [userId],
    { startsAt: period.startsAt, endsAt: period.endsAt },
    requiredQuizzes,
    now,
  );
  const figures = computeStatement({
    periodEnd: asOf,
    targetBonusCents: person.targetBonusCents,
    plan: parsePlanJson(period.plan.paramsJson).params,
    requiredQuizzes,
    ...(inputs.get(userId) ?? { claims: [], attempts: [], surveys: [] }),
  });
  // §4: a verdict under an open dispute counts as it stands; the projection names those claims.
  const disputedIds = figures.claims.filter((claim) => claim.disputed).map((claim) => claim.id);
  const disputed =
    disputedIds.length === 0
      ? []
      : await prisma.claim.findMany({
          where: { id: { in: disputedIds }, salespersonId: userId },
          orderBy: [{ madeAt: "asc" }, { id: "asc" }],
          select: { id: true, accountName: true, statement: true, status: true },
        });
  return {
    period: { name: period.name, startsAt: period.startsAt, endsAt: period.endsAt },
    asOf,
    disputedClaims: disputed,
    figures: {
      accuracy: figures.accuracy,
      quiz: figures.quiz,
      satisfaction: figures.satisfaction,
      composite: figures.composite,
      curveMultiplier: figures.curveMultiplier,
      multiplier: figures.multiplier,
      payoutCents: figures.payoutCents,
      targetBonusCents: figures.targetBonusCents,
      gates: figures.gates.map((gate) => ({ name: gate.name, reason: gate.reason, lowered: gate.lowered })),
      pendingClaims: figures.claims.filter((claim) => claim.status === "PENDING").length,
    },
  };
}
