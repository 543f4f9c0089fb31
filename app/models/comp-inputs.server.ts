import { attemptSubmittedBy, claimAsOf, surveyAnswerKnownAt } from "../domain/comp-as-of.ts";
import type { CompInput } from "../domain/comp-formula.ts";
import { addDays } from "../domain/dates.ts";
import type { ClaimStatus, Delivered, Severity } from "../domain/levels.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceUserWhere, type Audience } from "./audience.server.ts";

// The inputs of PRODUCT.md §4 for many salespeople at once, in a few bulk queries: claims made
// in [startsAt, endsAt), answered surveys due in it, and attempts of the required quizzes
// submitted in their certification windows ending at endsAt.

export interface PeriodWindow {
  startsAt: Date;
  endsAt: Date;
}

export type RequiredQuiz = CompInput["requiredQuizzes"][number];

export type PersonInputs = Pick<CompInput, "claims" | "attempts" | "surveys">;

/** The salespeople a computation covers: active salespeople in the audience. */
export function listCompPeople(audience: Audience) {
  return prisma.user.findMany({
    where: { AND: [{ role: "SALES", active: true }, audienceUserWhere(audience)] },
    select: { id: true, targetBonusCents: true },
    orderBy: { id: "asc" },
  });
}

/** The quizzes whose certification counts for pay today (the plan page edits these flags). */
export async function listRequiredQuizzes(): Promise<RequiredQuiz[]> {
  return prisma.quiz.findMany({
    where: { requiredForComp: true },
    orderBy: { id: "asc" },
    select: { id: true, title: true, passMark: true, certificationDays: true },
  });
}

function emptyInputs(): PersonInputs {
  return { claims: [], attempts: [], surveys: [] };
}

function bucket(map: Map<string, PersonInputs>, userId: string): PersonInputs | undefined {
  return map.get(userId);
}

/**
 * Every claim, attempt and survey of each person, with ids: what a statement lists — as they
 * stood at `asOf` (the compute, or the lock: ADR 007). Rows recorded later are left out, and a
 * verdict given or overturned later is read as it stood then, so a lock never freezes data that
 * arrived after it. Each claim says whether its verdict was under an open dispute.
 */
export async function gatherDetailedInputs(
  audience: Audience,
  userIds: readonly string[],
  window: PeriodWindow,
  requiredQuizzes: readonly RequiredQuiz[],
  asOf: Date,
): Promise<Map<string, PersonInputs>> {
  const people = new Map(userIds.map((id) => [id, emptyInputs()]));
  const who = audience.kind === "all" ? {} : { salesperson: audienceUserWhere(audience) };
  const longestWindow = Math.max(0, ...requiredQuizzes.map((quiz) => quiz.certificationDays));
  const claimsWhere = { madeAt: { gte: window.startsAt, lt: window.endsAt }, createdAt: { lte: asOf }, ...who };
  const [claims, disputes, attempts, surveys] = await Promise.all([
    prisma.claim.findMany({
      where: claimsWhere,
      select: { id: true, salespersonId: true, status: true, severity: true, createdAt: true, verifiedAt: true },
      orderBy: [{ madeAt: "asc" }, { id: "asc" }],
    }),
    // The disputes of those claims in one query joined to them: read as the claims' relation,
    // Prisma would send the period's claim ids back in chunks of an IN list (tens of thousands).
    prisma.claimDispute.findMany({
      where: { claim: claimsWhere },
      select: {
        claimId: true,
        status: true,
        raisedAt: true,
        resolvedAt: true,
        disputedStatus: true,
        disputedSeverity: true,
      },
    }),
    requiredQuizzes.length === 0
      ? []
      : prisma.quizAttempt.findMany({
          where: {
            quizId: { in: requiredQuizzes.map((quiz) => quiz.id) },
            submittedAt: { gte: addDays(window.endsAt, -longestWindow), lte: window.endsAt },
            score: { not: null },
            ...(audience.kind === "all" ? {} : { user: audienceUserWhere(audience) }),
          },
          select: { id: true, userId: true, quizId: true, score: true, submittedAt: true },
        }),
    prisma.survey.findMany({
      where: { dueAt: { gte: window.startsAt, lt: window.endsAt }, respondedAt: { not: null }, ...who },
      select: {
        id: true,
        salespersonId: true,
        csat: true,
        deliveredAsPromised: true,
        respondedAt: true,
        answerRecordedAt: true,
      },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const disputeOf = new Map(disputes.map((dispute) => [dispute.claimId, dispute]));
  // Field by field, not spread: a period has tens of thousands of claims (see claimLine).
  for (const claim of claims) {
    const { id, status, severity, createdAt, verifiedAt } = claim;
    const then = claimAsOf({ status, severity, createdAt, verifiedAt, dispute: disputeOf.get(id) ?? null }, asOf);
    if (then === null) continue;
    bucket(people, claim.salespersonId)?.claims.push({
      id,
      status: then.status,
      severity: then.severity,
      disputed: then.disputed,
    });
  }
  for (const attempt of attempts) {
    if (attempt.score === null || attempt.submittedAt === null || !attemptSubmittedBy(attempt, asOf)) continue;
    bucket(people, attempt.userId)?.attempts.push({
      id: attempt.id,
      quizId: attempt.quizId,
      score: attempt.score,
      submittedAt: attempt.submittedAt,
    });
  }
  for (const survey of surveys) {
    if (!surveyAnswerKnownAt(survey, asOf)) continue;
    bucket(people, survey.salespersonId)?.surveys.push({
      id: survey.id,
      csat: survey.csat,
      delivered: survey.deliveredAsPromised,
    });
  }
  return people;
}

/**
 * The same inputs counted in SQL rather than listed: claims by (verdict, severity), surveys by
 * (CSAT, delivered), the best attempt per quiz. A, Q, S, C, M and the gates depend only on these,
 * so recomputing a locked period to detect a changed payout never loads its rows.
 */
export async function gatherAggregatedInputs(
  userIds: readonly string[],
  window: PeriodWindow,
  requiredQuizzes: readonly RequiredQuiz[],
): Promise<Map<string, PersonInputs>> {
  const people = new Map(userIds.map((id) => [id, emptyInputs()]));
  const who = { salespersonId: { in: [...userIds] } };
  const [claims, surveys, ...best] = await Promise.all([
    prisma.claim.groupBy({
      by: ["salespersonId", "status", "severity"],
      where: { madeAt: { gte: window.startsAt, lt: window.endsAt }, ...who },
      _count: { _all: true },
    }),
    prisma.survey.groupBy({
      by: ["salespersonId", "csat", "deliveredAsPromised"],
      where: { dueAt: { gte: window.startsAt, lt: window.endsAt }, respondedAt: { not: null }, ...who },
      _count: { _all: true },
    }),
    ...requiredQuizzes.map((quiz) =>
      prisma.quizAttempt.groupBy({
        by: ["userId"],
        where: {
          quizId: quiz.id,
          submittedAt: { gte: addDays(window.endsAt, -quiz.certificationDays), lte: window.endsAt },
          score: { not: null },
          userId: { in: [...userIds] },
        },
        _max: { score: true },
      }),
    ),
  ]);
  for (const group of claims) {
    const inputs = bucket(people, group.salespersonId);
    if (inputs === undefined) continue;
    for (let i = 0; i < group._count._all; i++) {
      inputs.claims.push({
        id: `${group.status}/${group.severity ?? "NONE"}/${i}`,
        status: group.status as ClaimStatus,
        severity: group.severity as Severity | null,
      });
    }
  }
  for (const group of surveys) {
    const inputs = bucket(people, group.salespersonId);
    if (inputs === undefined) continue;
    for (let i = 0; i < group._count._all; i++) {
      inputs.surveys.push({
        id: `${group.csat ?? "-"}/${group.deliveredAsPromised ?? "-"}/${i}`,
        csat: group.csat,
        delivered: group.deliveredAsPromised as Delivered | null,
      });
    }
  }
  requiredQuizzes.forEach((quiz, index) => {
    for (const group of best[index] ?? []) {
      const score = group._max.score;
      if (score === null) continue;
      bucket(people, group.userId)?.attempts.push({
        id: `${quiz.id}/best`,
        quizId: quiz.id,
        score,
        submittedAt: window.endsAt,
      });
    }
  });
  return people;
}
