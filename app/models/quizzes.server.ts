import { Prisma } from "../generated/prisma/client.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { fieldError, ok, refused, type Outcome } from "../domain/outcome.ts";
import {
  acceptsAnswersAt,
  attemptAllowance,
  attemptWindowStart,
  certificationExpiresAt,
  quizDueReason,
  type QuizDueReason,
} from "../domain/quiz-rules.ts";
import { prisma } from "../lib/db.server.ts";
import type { QuizFormValues } from "../schemas/quiz.ts";
import { audienceFor } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { getAttemptAllowance, isPractice, type Taker } from "./quiz-attempts.server.ts";

// Quizzes (PRODUCT.md §1 Quiz, §3 Quizzes): the list, one quiz's page, authoring, and the
// salesperson's "quizzes due" and certifications.

const quizSelect = {
  id: true,
  title: true,
  productId: true,
  questionCount: true,
  includeMatrixQuestions: true,
  timeLimitMinutes: true,
  passMark: true,
  maxAttempts: true,
  requiredForComp: true,
  certificationDays: true,
  published: true,
  product: { select: { name: true, slug: true } },
} satisfies Prisma.QuizSelect;

/** Per quiz: the user's best score, when their certification (latest pass + validity) runs out, attempts made. */
async function userQuizStanding(userId: string, quizzes: ReadonlyArray<{ id: string; certificationDays: number }>) {
  const ids = quizzes.map((q) => q.id);
  const [best, lastPass, counts] = await Promise.all([
    prisma.quizAttempt.groupBy({
      by: ["quizId"],
      where: { userId, quizId: { in: ids }, submittedAt: { not: null } },
      _max: { score: true },
    }),
    prisma.quizAttempt.groupBy({
      by: ["quizId"],
      where: { userId, quizId: { in: ids }, passed: true },
      _max: { submittedAt: true },
    }),
    prisma.quizAttempt.groupBy({ by: ["quizId"], where: { userId, quizId: { in: ids } }, _count: { _all: true } }),
  ]);
  const days = new Map(quizzes.map((q) => [q.id, q.certificationDays]));
  const bestBy = new Map(best.map((row) => [row.quizId, row._max.score]));
  const countBy = new Map(counts.map((row) => [row.quizId, row._count._all]));
  const certifiedBy = new Map(
    lastPass.flatMap((row) =>
      row._max.submittedAt
        ? [[row.quizId, certificationExpiresAt(row._max.submittedAt, days.get(row.quizId) ?? 0)] as const]
        : [],
    ),
  );
  return (quizId: string) => ({
    bestScore: bestBy.get(quizId) ?? null,
    certifiedUntil: certifiedBy.get(quizId) ?? null,
    attempts: countBy.get(quizId) ?? 0,
  });
}

/** The /quizzes list: published quizzes (authors also see drafts) with the viewer's standing on each. */
export async function listQuizzesFor(user: Taker, now = new Date()) {
  const isAuthor = userHasPermission(user, "write:quiz");
  const quizzes = await prisma.quiz.findMany({
    where: isAuthor ? {} : { published: true },
    orderBy: [{ published: "desc" }, { title: "asc" }],
    select: quizSelect,
  });
  const standing = await userQuizStanding(user.id, quizzes);
  const practice = isPractice(user);
  const rows = await Promise.all(
    quizzes.map(async (quiz) => {
      const own = standing(quiz.id);
      const allowance = await getAttemptAllowance(quiz, user, now);
      return {
        ...quiz,
        bestScore: own.bestScore,
        certifiedUntil: practice ? null : own.certifiedUntil,
        attemptsLeft: Number.isFinite(allowance.left) ? allowance.left : null,
      };
    }),
  );
  return { quizzes: rows, isAuthor, practice };
}

export interface TeamQuizFigures {
  quizId: string;
  teamId: string;
  teamName: string;
  attempts: number;
  people: number;
  meanScore: number | null;
  passRate: number | null;
}

/** Salespeople's submitted attempts per quiz and team, for managers (their teams) — one SQL aggregate. */
export async function listTeamQuizFigures(teamIds: readonly string[], quizId?: string): Promise<TeamQuizFigures[]> {
  if (teamIds.length === 0) return [];
  const quizFilter = quizId ? Prisma.sql`AND a."quizId" = ${quizId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<
    Array<{
      quizId: string;
      teamId: string;
      teamName: string;
      attempts: bigint | number;
      people: bigint | number;
      // PostgreSQL answers AVG of a decimal as a decimal.
      meanScore: number | null;
      passRate: number | Prisma.Decimal | null;
    }>
  >`
    SELECT a."quizId" AS "quizId", t."id" AS "teamId", t."name" AS "teamName", COUNT(*) AS "attempts", COUNT(DISTINCT a."userId") AS "people",
           AVG(a."score") AS "meanScore", AVG(CASE WHEN a."passed" THEN 1.0 ELSE 0.0 END) AS "passRate"
    FROM "QuizAttempt" a
    JOIN "User" u ON u."id" = a."userId"
    JOIN "Team" t ON t."id" = u."teamId"
    WHERE a."submittedAt" IS NOT NULL AND u."role" = 'SALES' AND u."teamId" IN (${Prisma.join(teamIds)}) ${quizFilter}
    GROUP BY a."quizId", t."id", t."name"
    ORDER BY t."name", a."quizId"`;
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    people: Number(row.people),
    meanScore: row.meanScore === null ? null : Number(row.meanScore),
    passRate: row.passRate === null ? null : Number(row.passRate),
  }));
}

/**
 * Team figures for the teams in the viewer's audience of "read:attempt" (a manager's teams, every
 * team for an admin); null for a viewer who reads only their own attempts.
 */
export async function teamFiguresFor(user: Taker, quizId?: string): Promise<TeamQuizFigures[] | null> {
  const audience = await audienceFor(user, "read:attempt");
  if (audience === null || audience.kind === "own") return null;
  const teamIds =
    audience.kind === "teams"
      ? audience.teamIds
      : (await prisma.team.findMany({ select: { id: true } })).map((team) => team.id);
  return listTeamQuizFigures(teamIds, quizId);
}

/** One quiz's page: its rules, the viewer's attempts and what they have left. Null when not theirs to see. */
export async function getQuizPage(user: Taker, quizId: string, now = new Date()) {
  const quiz = await prisma.quiz.findUnique({ where: { id: quizId }, select: quizSelect });
  if (!quiz || (!quiz.published && !userHasPermission(user, "write:quiz"))) return null;
  const [attempts, allowance, bankSize] = await Promise.all([
    prisma.quizAttempt.findMany({
      where: { quizId, userId: user.id },
      orderBy: { startedAt: "desc" },
      select: { id: true, startedAt: true, deadline: true, submittedAt: true, score: true, passed: true },
    }),
    getAttemptAllowance(quiz, user, now),
    prisma.question.count({ where: { ...(quiz.productId ? { productId: quiz.productId } : {}), state: "ACTIVE" } }),
  ]);
  const practice = isPractice(user);
  const lastPass = attempts.find((attempt) => attempt.passed && attempt.submittedAt);
  const certifiedUntil =
    !practice && lastPass?.submittedAt ? certificationExpiresAt(lastPass.submittedAt, quiz.certificationDays) : null;
  const open =
    attempts.find((attempt) => attempt.submittedAt === null && acceptsAnswersAt(attempt.deadline, now)) ?? null;
  return {
    quiz,
    attempts,
    open,
    bankSize,
    practice,
    attemptsUsed: allowance.used,
    attemptsLeft: Number.isFinite(allowance.left) ? allowance.left : null,
    nextAttemptAt: allowance.nextAt,
    certifiedUntil,
  };
}

export async function getQuizForEdit(quizId: string) {
  return prisma.quiz.findUnique({ where: { id: quizId }, select: quizSelect });
}

export async function listQuizProducts() {
  return prisma.product.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

type QuizFormResult = Outcome<{ id: string }, keyof QuizFormValues>;

function quizData(values: QuizFormValues) {
  return {
    title: values.title,
    productId: values.productId ?? null,
    questionCount: values.questionCount,
    includeMatrixQuestions: values.includeMatrixQuestions ?? false,
    timeLimitMinutes: values.timeLimitMinutes,
    passMark: Math.round(values.passMarkPercent * 100) / 10_000,
    maxAttempts: values.maxAttempts,
    requiredForComp: values.requiredForComp ?? false,
    certificationDays: values.certificationDays,
    published: values.published ?? false,
  };
}

const PRODUCT_MISSING = fieldError("productId", "Choose one of the products listed, or none.");

/** Creates or (with `quizId`) updates a quiz; audited in the same transaction. */
export async function saveQuiz(
  audit: AuditContext,
  authorId: string,
  values: QuizFormValues,
  quizId?: string,
): Promise<QuizFormResult> {
  const data = quizData(values);
  return prisma.$transaction(async (tx): Promise<QuizFormResult> => {
    if (data.productId && !(await tx.product.findUnique({ where: { id: data.productId }, select: { id: true } })))
      return PRODUCT_MISSING;
    if (!quizId) {
      const created = await tx.quiz.create({ data: { ...data, createdById: authorId }, select: { id: true } });
      await recordAudit(tx, audit, { action: "quiz.create", entityType: "Quiz", entityId: created.id, after: data });
      return ok({ id: created.id });
    }
    const before = await tx.quiz.findUnique({ where: { id: quizId }, select: { ...quizSelect, product: false } });
    if (!before) return refused(404, "We could not find that quiz.");
    await tx.quiz.update({ where: { id: quizId }, data });
    const changed = (Object.keys(data) as Array<keyof typeof data>).filter((key) => before[key] !== data[key]);
    if (changed.length > 0) {
      await recordAudit(tx, audit, {
        action: "quiz.update",
        entityType: "Quiz",
        entityId: quizId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, data[key]])),
      });
    }
    return ok({ id: quizId });
  });
}

export interface QuizDue {
  id: string;
  title: string;
  productName: string | null;
  requiredForComp: boolean;
  reason: QuizDueReason;
  certifiedUntil: Date | null;
  /** Attempts left in the current round, and when another may start once none are left. */
  attemptsLeft: number;
  nextAttemptAt: Date | null;
  /** An attempt started and still accepting answers. */
  openAttemptId: string | null;
}

export interface Certification {
  quizId: string;
  title: string;
  certifiedUntil: Date;
  expired: boolean;
}

/** Per quiz: the attempts the user started in the current round, and their attempt still open, if any. */
async function attemptsInRound(userId: string, quizIds: readonly string[], now: Date) {
  const rows = await prisma.quizAttempt.findMany({
    where: {
      userId,
      quizId: { in: [...quizIds] },
      OR: [{ startedAt: { gte: attemptWindowStart(now) } }, { submittedAt: null }],
    },
    orderBy: { startedAt: "asc" },
    select: { id: true, quizId: true, startedAt: true, submittedAt: true, deadline: true },
  });
  const starts = new Map<string, Date[]>();
  const open = new Map<string, string>();
  for (const row of rows) {
    if (row.startedAt.getTime() >= attemptWindowStart(now).getTime())
      starts.set(row.quizId, [...(starts.get(row.quizId) ?? []), row.startedAt]);
    if (row.submittedAt === null && acceptsAnswersAt(row.deadline, now)) open.set(row.quizId, row.id);
  }
  return (quiz: { id: string; maxAttempts: number }) => ({
    allowance: attemptAllowance(quiz.maxAttempts, starts.get(quiz.id) ?? []),
    openAttemptId: open.get(quiz.id) ?? null,
  });
}

/**
 * The salesperson's home: quizzes due (required and not passed, certification expiring within 14
 * days, or never attempted) with the attempts left for each, and their certifications with expiry,
 * most urgent first.
 */
export async function getQuizzesDueFor(
  userId: string,
  now = new Date(),
): Promise<{ due: QuizDue[]; certifications: Certification[] }> {
  const quizzes = await prisma.quiz.findMany({
    where: { published: true },
    orderBy: { title: "asc" },
    select: quizSelect,
  });
  const [standing, round] = await Promise.all([
    userQuizStanding(userId, quizzes),
    attemptsInRound(
      userId,
      quizzes.map((quiz) => quiz.id),
      now,
    ),
  ]);
  const due: QuizDue[] = [];
  const certifications: Certification[] = [];
  for (const quiz of quizzes) {
    const own = standing(quiz.id);
    const reason = quizDueReason({
      requiredForComp: quiz.requiredForComp,
      certifiedUntil: own.certifiedUntil,
      attempted: own.attempts > 0,
      now,
    });
    if (reason) {
      const { allowance, openAttemptId } = round(quiz);
      due.push({
        id: quiz.id,
        title: quiz.title,
        productName: quiz.product?.name ?? null,
        requiredForComp: quiz.requiredForComp,
        reason,
        certifiedUntil: own.certifiedUntil,
        attemptsLeft: allowance.left,
        nextAttemptAt: allowance.nextAt,
        openAttemptId,
      });
    }
    if (own.certifiedUntil)
      certifications.push({
        quizId: quiz.id,
        title: quiz.title,
        certifiedUntil: own.certifiedUntil,
        expired: own.certifiedUntil.getTime() <= now.getTime(),
      });
  }
  const urgency: Record<QuizDueReason, number> = {
    REQUIRED_NOT_PASSED: 0,
    CERTIFICATION_EXPIRING: 1,
    NOT_ATTEMPTED: 2,
  };
  due.sort((a, b) => urgency[a.reason] - urgency[b.reason] || a.title.localeCompare(b.title));
  certifications.sort((a, b) => a.certifiedUntil.getTime() - b.certifiedUntil.getTime());
  return { due, certifications };
}
