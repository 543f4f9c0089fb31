import {
  adjustmentReason,
  lateSurveyChanges,
  outstandingAdjustmentCents,
  verdictChanges,
  type PeriodFigures,
} from "../domain/comp-adjustment.ts";
import type { CompFigures } from "../domain/comp-figures.ts";
import { computeFigures, computeStatement } from "../domain/comp-formula.ts";
import type { CompPlanParams } from "../domain/comp-plan.ts";
import { ok, refused, type Outcome } from "../domain/outcome.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import {
  claimLineSchema,
  quizLineSchema,
  readFrozenLines,
  statementColumns,
  surveyLineSchema,
} from "../schemas/comp-statement.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { parsePlanJson } from "./comp-plan.server.ts";
import {
  gatherAggregatedInputs,
  gatherDetailedInputs,
  listCompPeople,
  listRequiredQuizzes,
  type RequiredQuiz,
} from "./comp-inputs.server.ts";
import { audienceUserWhere, type Audience } from "./audience.server.ts";
import { withLease } from "./job-leases.server.ts";

// Computing a period (PRODUCT.md §4, ADR 007): every salesperson in the audience gets a
// statement from the data as it stands at the computing instant (for a lock, the lock instant:
// nothing recorded after it is frozen in), every locked period is recomputed to find payouts
// that moved since the lock, and the differences become adjustment lines of this period. Reads happen
// first; the writes (statements, adjustments, audit, and the lock itself) are one short
// transaction that re-checks the period is still open, so a locked period is never rewritten.

type ComputeOutcome = Outcome<{ name: string; statements: number; adjustments: number; locked: boolean }>;

interface NewAdjustment {
  userId: string;
  sourcePeriodId: string;
  deltaCents: number;
  reason: string;
}

interface FrozenRow {
  userId: string;
  periodPayoutCents: number | bigint;
  targetBonusCents: number | bigint;
  accuracy: number;
  quiz: number | null;
  satisfaction: number;
  composite: number;
  multiplier: number;
  quizzesJson: string | null;
}

/** The quizzes a frozen statement required, as the computation takes them. */
function frozenQuizzes(json: string | null): RequiredQuiz[] {
  return readFrozenLines(quizLineSchema, json).map(({ quizId, title, passMark, certificationDays }) => ({
    id: quizId,
    title,
    passMark,
    certificationDays,
  }));
}

function figuresOf(figures: Omit<CompFigures, "explanation">): PeriodFigures {
  const { accuracy, quiz, satisfaction, composite, multiplier, payoutCents } = figures;
  return { accuracy, quiz, satisfaction, composite, multiplier, payoutCents };
}

const surveyIdSchema = surveyLineSchema.pick({ id: true });
const claimVerdictSchema = claimLineSchema.pick({ id: true, status: true, severity: true });

function frozenSurveyIds(json: string | null): string[] {
  return readFrozenLines(surveyIdSchema, json).map(({ id }) => id);
}

/** The verdicts a frozen statement counted: each claim line's id, status and severity. */
function frozenClaimsOf(json: string | null) {
  return readFrozenLines(claimVerdictSchema, json);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * What arrived after the lock, in plain words, for each moved payout's reason: survey answers
 * the frozen statement did not hold (with the day answered and, for imports, the day recorded),
 * verdicts given or changed, claims logged late, attempts submitted late. Four queries for all
 * of a period's moved people together, however many they are.
 */
async function adjustmentDetails(
  periodId: string,
  userIds: readonly string[],
  window: { startsAt: Date; endsAt: Date; lockedAt: Date },
): Promise<Map<string, string[]>> {
  const details = new Map<string, string[]>();
  if (userIds.length === 0) return details;
  const people = [...userIds];
  const [frozenRows, current, surveys, lateAttempts] = await Promise.all([
    prisma.$queryRaw<Array<{ userId: string; claimsJson: string | null; surveysJson: string | null }>>`
      SELECT "userId", ${Prisma.raw(sql.jsonMember(`"detailJson"`, "claims"))} AS "claimsJson",
             ${Prisma.raw(sql.jsonMember(`"detailJson"`, "surveys"))} AS "surveysJson"
      FROM "CompStatement" WHERE "periodId" = ${periodId} AND "userId" IN (${Prisma.join(people)})`,
    // Only claims written since the lock: any other stood at the lock as it stands now, so it
    // equals its frozen line and has nothing to say (the same updatedAt test as changedSinceLock).
    prisma.claim.findMany({
      where: {
        salespersonId: { in: people },
        madeAt: { gte: window.startsAt, lt: window.endsAt },
        updatedAt: { gt: window.lockedAt },
      },
      select: { id: true, salespersonId: true, status: true, severity: true, accountName: true, madeAt: true },
    }),
    prisma.survey.findMany({
      where: {
        salespersonId: { in: people },
        dueAt: { gte: window.startsAt, lt: window.endsAt },
        respondedAt: { not: null },
      },
      select: { id: true, salespersonId: true, respondedAt: true, answerRecordedAt: true, updatedAt: true },
    }),
    prisma.quizAttempt.groupBy({
      by: ["userId"],
      where: { userId: { in: people }, submittedAt: { gt: window.lockedAt, lte: window.endsAt }, score: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const frozenByUser = new Map(frozenRows.map((row) => [row.userId, row]));
  const claimsByUser = groupBy(current, (claim) => claim.salespersonId);
  const surveysByUser = groupBy(surveys, (survey) => survey.salespersonId);
  const attemptsByUser = new Map(lateAttempts.map((row) => [row.userId, row._count._all]));
  for (const userId of people) {
    const frozen = frozenByUser.get(userId);
    const frozenSurveys = new Set(frozenSurveyIds(frozen?.surveysJson ?? null));
    const lateAnswers = (surveysByUser.get(userId) ?? []).flatMap((survey) => {
      const recordedAt = survey.answerRecordedAt ?? survey.updatedAt;
      if (survey.respondedAt === null) return [];
      const late = !frozenSurveys.has(survey.id) || recordedAt.getTime() > window.lockedAt.getTime();
      return late ? [{ respondedAt: survey.respondedAt, recordedAt }] : [];
    });
    const named = (claimsByUser.get(userId) ?? []).map((claim) => ({
      id: claim.id,
      status: claim.status,
      severity: claim.severity,
      madeAt: claim.madeAt,
      account: claim.accountName,
    }));
    const lines = [
      ...lateSurveyChanges(lateAnswers, window.lockedAt),
      ...verdictChanges(frozenClaimsOf(frozen?.claimsJson ?? null), named),
    ];
    const late = attemptsByUser.get(userId) ?? 0;
    if (late > 0)
      lines.push(`${late === 1 ? "a quiz attempt" : `${late} quiz attempts`} submitted after the period was locked`);
    details.set(userId, lines);
  }
  return details;
}

/**
 * The people whose figures in each locked period may have moved: a claim made in it or a survey
 * due in it was written after the lock (verdicts, disputes, severities and survey answers all
 * touch updatedAt), or an attempt was submitted after the lock but inside the period. Everyone
 * else's recomputation would equal their frozen statement, so it is skipped. One query: the
 * dates are compared column to column, in SQLite, over the (madeAt) and (dueAt) indexes.
 */
async function changedSinceLock(): Promise<Map<string, string[]>> {
  const lockedAt = Prisma.raw(`COALESCE(p."lockedAt", ${sql.beforeAnyDate})`);
  const rows = await prisma.$queryRaw<Array<{ periodId: string; userId: string }>>`
    SELECT p."id" AS "periodId", c."salespersonId" AS "userId" FROM "CompPeriod" p
      JOIN "Claim" c ON c."madeAt" >= p."startsAt" AND c."madeAt" < p."endsAt" AND c."updatedAt" > ${lockedAt}
      WHERE p."status" = 'LOCKED'
    UNION
    SELECT p."id", s."salespersonId" FROM "CompPeriod" p
      JOIN "Survey" s ON s."dueAt" >= p."startsAt" AND s."dueAt" < p."endsAt" AND s."updatedAt" > ${lockedAt}
      WHERE p."status" = 'LOCKED'
    UNION
    SELECT p."id", a."userId" FROM "CompPeriod" p
      JOIN "QuizAttempt" a ON a."submittedAt" > ${lockedAt} AND a."submittedAt" <= p."endsAt"
      WHERE p."status" = 'LOCKED'`;
  return new Map(
    [...groupBy(rows, (row) => row.periodId)].map(([periodId, list]) => [periodId, list.map((row) => row.userId)]),
  );
}

async function priorPeriodAdjustments(
  openPeriodId: string,
  audience: Audience,
  people: ReadonlySet<string>,
): Promise<NewAdjustment[]> {
  const locked = await prisma.compPeriod.findMany({
    where: { status: "LOCKED" },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      name: true,
      startsAt: true,
      endsAt: true,
      lockedAt: true,
      plan: { select: { paramsJson: true } },
    },
  });
  if (locked.length === 0) return [];
  const paid = await prisma.compAdjustment.groupBy({
    by: ["userId", "sourcePeriodId"],
    where: { periodId: { not: openPeriodId }, user: audienceUserWhere(audience) },
    _sum: { deltaCents: true },
  });
  const changed = await changedSinceLock();
  const alreadyAdjusted = new Map(paid.map((row) => [`${row.userId}/${row.sourcePeriodId}`, row._sum.deltaCents ?? 0]));
  const perPeriod = await Promise.all(
    locked.map(async (period) => {
      const candidates = (changed.get(period.id) ?? []).filter((id) => people.has(id));
      if (candidates.length === 0) return [];
      const frozen = await prisma.$queryRaw<FrozenRow[]>`
        SELECT "userId", "periodPayoutCents", "targetBonusCents", "accuracy", "quiz", "satisfaction", "composite", "multiplier",
               ${Prisma.raw(sql.jsonMember(`"detailJson"`, "quizzes"))} AS "quizzesJson"
        FROM "CompStatement" WHERE "periodId" = ${period.id} AND "userId" IN (${Prisma.join(candidates)})`;
      if (frozen.length === 0) return [];
      const plan: CompPlanParams = parsePlanJson(period.plan.paramsJson).params;
      const quizLists = new Map<string, RequiredQuiz[]>();
      const allQuizzes = new Map<string, RequiredQuiz>();
      for (const row of frozen) {
        const quizzes = quizLists.get(row.quizzesJson ?? "") ?? frozenQuizzes(row.quizzesJson);
        quizLists.set(row.quizzesJson ?? "", quizzes);
        for (const quiz of quizzes) allQuizzes.set(quiz.id, quiz);
      }
      const inputs = await gatherAggregatedInputs(
        frozen.map((row) => row.userId),
        period,
        [...allQuizzes.values()],
      );
      const found: Array<{
        userId: string;
        deltaCents: number;
        already: number;
        frozen: PeriodFigures;
        recomputed: PeriodFigures;
      }> = [];
      for (const row of frozen) {
        const personInputs = inputs.get(row.userId);
        if (personInputs === undefined) continue;
        // Only the payout is compared, so the worded explanation is not built.
        const recomputed = computeFigures({
          periodEnd: period.endsAt,
          targetBonusCents: Number(row.targetBonusCents),
          plan,
          requiredQuizzes: quizLists.get(row.quizzesJson ?? "") ?? [],
          ...personInputs,
        });
        const frozenFigures: PeriodFigures = {
          accuracy: row.accuracy,
          quiz: row.quiz,
          satisfaction: row.satisfaction,
          composite: row.composite,
          multiplier: row.multiplier,
          payoutCents: Number(row.periodPayoutCents),
        };
        const already = alreadyAdjusted.get(`${row.userId}/${period.id}`) ?? 0;
        const deltaCents = outstandingAdjustmentCents(recomputed.payoutCents, frozenFigures.payoutCents, already);
        if (deltaCents === 0) continue;
        found.push({
          userId: row.userId,
          deltaCents,
          already,
          frozen: frozenFigures,
          recomputed: figuresOf(recomputed),
        });
      }
      // The payouts that moved get their reason spelt out: which verdicts and surveys changed.
      const lockedAt = period.lockedAt ?? period.endsAt;
      const details = await adjustmentDetails(
        period.id,
        found.map((change) => change.userId),
        { startsAt: period.startsAt, endsAt: period.endsAt, lockedAt },
      );
      return found.map((change): NewAdjustment => {
        const reason = adjustmentReason({
          periodName: period.name,
          frozen: change.frozen,
          recomputed: change.recomputed,
          alreadyAdjustedCents: change.already,
          deltaCents: change.deltaCents,
          details: details.get(change.userId) ?? [],
        });
        return { userId: change.userId, sourcePeriodId: period.id, deltaCents: change.deltaCents, reason };
      });
    }),
  );
  return perPeriod.flat();
}

function statementScope(periodId: string, audience: Audience): Prisma.CompStatementWhereInput {
  return audience.kind === "all" ? { periodId } : { periodId, user: audienceUserWhere(audience) };
}

interface Existing {
  userId: string;
  detailJson: string;
  periodPayoutCents: number;
  adjustmentCents: number;
  totalPayoutCents: number;
  targetBonusCents: number;
}

const unchanged = (before: Existing | undefined, after: Prisma.CompStatementCreateManyInput) =>
  before !== undefined &&
  before.detailJson === after.detailJson &&
  before.periodPayoutCents === after.periodPayoutCents &&
  before.adjustmentCents === after.adjustmentCents &&
  before.totalPayoutCents === after.totalPayoutCents &&
  before.targetBonusCents === after.targetBonusCents;

async function writeComputation(
  tx: Tx,
  ctx: AuditContext,
  period: { id: string; name: string },
  audience: Audience,
  statements: Prisma.CompStatementCreateManyInput[],
  existing: ReadonlyMap<string, Existing>,
  adjustments: NewAdjustment[],
  lock: boolean,
  now: Date,
): Promise<ComputeOutcome> {
  // A write first, so the transaction holds SQLite's write lock from its first statement (a
  // deferred transaction that reads first cannot upgrade once another writer has committed),
  // and the status check and the change are one step.
  const stillOpen = await tx.compPeriod.updateMany({
    where: { id: period.id, status: "OPEN" },
    data: { computedAt: now },
  });
  if (stillOpen.count === 0) {
    const exists = await tx.compPeriod.count({ where: { id: period.id } });
    return exists === 0
      ? refused(404, "That period no longer exists.")
      : refused(409, `${period.name} is locked; its statements can no longer change.`);
  }
  const scope = statementScope(period.id, audience);
  await tx.compAdjustment.deleteMany({
    where:
      audience.kind === "all" ? { periodId: period.id } : { periodId: period.id, user: audienceUserWhere(audience) },
  });
  if (adjustments.length > 0)
    await tx.compAdjustment.createMany({
      data: adjustments.map((a) => ({ ...a, periodId: period.id, createdAt: now })),
    });
  // Most of a recomputation equals what is stored: rewrite only what changed (a period's
  // statements are megabytes of figures), drop people no longer covered, add new ones.
  const newIds = statements.map((statement) => statement.userId);
  await tx.compStatement.deleteMany({ where: { AND: [scope, { userId: { notIn: newIds } }] } });
  const stored = new Set(
    (await tx.compStatement.findMany({ where: scope, select: { userId: true } })).map((row) => row.userId),
  );
  const created = statements.filter((statement) => !stored.has(statement.userId));
  if (created.length > 0) await tx.compStatement.createMany({ data: created });
  for (const statement of statements) {
    if (!stored.has(statement.userId) || unchanged(existing.get(statement.userId), statement)) continue;
    const { periodId, userId, ...figures } = statement;
    await tx.compStatement.update({ where: { periodId_userId: { periodId, userId } }, data: figures });
  }
  await tx.compStatement.updateMany({ where: scope, data: { computedAt: now } });
  const adjustmentCents = adjustments.reduce((sum, a) => sum + a.deltaCents, 0);
  const after = { name: period.name, statements: statements.length, adjustments: adjustments.length, adjustmentCents };
  if (lock) {
    await tx.compPeriod.update({
      where: { id: period.id },
      data: { status: "LOCKED", lockedAt: now, lockedById: ctx.actorId },
    });
    await recordAudit(tx, ctx, {
      action: "comp.lock",
      entityType: "CompPeriod",
      entityId: period.id,
      before: { status: "OPEN" },
      after: { ...after, status: "LOCKED" },
    });
  } else if (audience.kind === "teams") {
    // One event per team, so each team's manager finds it in their audit log.
    for (const teamId of audience.teamIds) {
      await recordAudit(tx, ctx, {
        action: "comp.compute",
        entityType: "CompPeriod",
        entityId: period.id,
        teamId,
        after: { ...after, scope: "teams" },
      });
    }
  } else {
    await recordAudit(tx, ctx, {
      action: "comp.compute",
      entityType: "CompPeriod",
      entityId: period.id,
      after: { ...after, scope: audience.kind },
    });
  }
  return ok({ name: period.name, statements: statements.length, adjustments: adjustments.length, locked: lock });
}

// One computation at a time, across every Candor process (PRODUCT.md §10): a computation of
// every salesperson holds the CPU for seconds and then writes in one transaction; side by side,
// they would compete for the database's writer and read each other's half-finished work. A second
// request, from this process or another, is told a computation is running. The lease lapses after
// COMPUTE_LEASE_MS should its holder die mid-way.
const COMPUTE_LEASE = "comp-compute";
const COMPUTE_LEASE_MS = 15 * 60_000;
export const COMPUTATION_RUNNING =
  "A computation of comp statements is already running. Try again when it has finished, usually within a minute.";

/**
 * Computes (or recomputes) an open period for the audience's salespeople from the data as it
 * stands at `now`; with `lock`, for everyone and then locks it at `now` in the same transaction,
 * so the frozen statements hold exactly what was known at the lock (ADR 007).
 */
export function computePeriod(
  ctx: AuditContext,
  periodId: string,
  audience: Audience,
  options: { lock?: boolean; now?: Date } = {},
): Promise<ComputeOutcome> {
  return withLease(
    COMPUTE_LEASE,
    COMPUTE_LEASE_MS,
    () => computeNow(ctx, periodId, audience, options),
    (): ComputeOutcome => refused(409, COMPUTATION_RUNNING),
  );
}

/** What a computation reads of its period: the plan it is computed by, its days, and whether it is still open. */
const computedPeriodSelect = {
  plan: { select: { paramsJson: true } },
  id: true,
  startsAt: true,
  endsAt: true,
  name: true,
  status: true,
} satisfies Prisma.CompPeriodSelect;

async function computeNow(
  ctx: AuditContext,
  periodId: string,
  audience: Audience,
  options: { lock?: boolean; now?: Date },
): Promise<ComputeOutcome> {
  const lock = options.lock ?? false;
  const now = options.now ?? new Date();
  if (lock && audience.kind !== "all") throw new Error("Only a computation for everyone can lock a period.");
  const period = await prisma.compPeriod.findUnique({ where: { id: periodId }, select: computedPeriodSelect });
  if (period === null) return refused(404, "That period does not exist.");
  if (period.status !== "OPEN") return refused(409, `${period.name} is locked; its statements can no longer change.`);
  const plan = parsePlanJson(period.plan.paramsJson).params;
  const [people, requiredQuizzes] = await Promise.all([listCompPeople(audience), listRequiredQuizzes()]);
  const ids = people.map((person) => person.id);
  const [inputs, adjustments, stored] = await Promise.all([
    gatherDetailedInputs(audience, ids, period, requiredQuizzes, now),
    priorPeriodAdjustments(period.id, audience, new Set(ids)),
    prisma.compStatement.findMany({
      where: statementScope(period.id, audience),
      select: {
        userId: true,
        detailJson: true,
        periodPayoutCents: true,
        adjustmentCents: true,
        totalPayoutCents: true,
        targetBonusCents: true,
      },
    }),
  ]);
  const existing = new Map(stored.map((row) => [row.userId, row]));
  const adjustmentByUser = new Map<string, number>();
  for (const adjustment of adjustments)
    adjustmentByUser.set(adjustment.userId, (adjustmentByUser.get(adjustment.userId) ?? 0) + adjustment.deltaCents);
  const statements = people.map((person): Prisma.CompStatementCreateManyInput => {
    const figures = computeStatement({
      periodEnd: period.endsAt,
      targetBonusCents: person.targetBonusCents,
      plan,
      requiredQuizzes,
      ...(inputs.get(person.id) ?? { claims: [], attempts: [], surveys: [] }),
    });
    return {
      periodId: period.id,
      userId: person.id,
      ...statementColumns(figures, adjustmentByUser.get(person.id) ?? 0),
      computedAt: now,
    };
  });
  return prisma.$transaction(
    (tx) => writeComputation(tx, ctx, period, audience, statements, existing, adjustments, lock, now),
    { maxWait: 10_000, timeout: 30_000 },
  );
}
