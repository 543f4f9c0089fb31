import { matrixQuestionsFor } from "../domain/matrix-questions.ts";
import { userHasPermission, type PermissionSubject } from "../domain/permissions.ts";
import { gradeAttempt } from "../domain/quiz-grading.ts";
import {
  acceptsAnswersAt,
  attemptAllowance,
  attemptWindowStart,
  certificationExpiresAt,
  deadlineFor,
  drawQuestions,
  isPassing,
  normaliseChosen,
  openQuestion,
  parseChosen,
  parseSnapshot,
  unansweredPositions,
  type SnapshotQuestion,
} from "../domain/quiz-rules.ts";
import { isQuestionType } from "../domain/levels.ts";
import { ok, refused, type Outcome } from "../domain/outcome.ts";
import { prisma, type Db, type Tx } from "../lib/db.server.ts";
import { audienceFor, audienceIncludes } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { questionContentSelect } from "./questions.server.ts";
import { refreshRollups } from "./rollups.server.ts";

// Taking a quiz (PRODUCT.md §3): start (draw and freeze), answer as you go, submit, result.
// Only salespeople's attempts count: anyone else's is practice — not limited by maxAttempts,
// no certification, left out of statistics and team figures (docs/decisions/006).

export type Taker = PermissionSubject & { id: string };
type AttemptResult<T> = Outcome<T>;

export const isPractice = (user: PermissionSubject) => user.role !== "SALES";

const timeUpMessage = (deadline: Date) =>
  `Time ran out at ${deadline.toISOString().slice(11, 16)} UTC, so no more answers are accepted. Your attempt was graded on the answers saved before the deadline.`;

/** The user's attempts at a quiz started within the current round, oldest first. */
async function startsInWindow(db: Tx | Db, quizId: string, userId: string, now: Date): Promise<Date[]> {
  const rows = await db.quizAttempt.findMany({
    where: { quizId, userId, startedAt: { gte: attemptWindowStart(now) } },
    orderBy: { startedAt: "asc" },
    select: { startedAt: true },
  });
  return rows.map((row) => row.startedAt);
}

export async function getAttemptAllowance(quiz: { id: string; maxAttempts: number }, user: Taker, now: Date) {
  const allowance = attemptAllowance(quiz.maxAttempts, await startsInWindow(prisma, quiz.id, user.id, now));
  return isPractice(user) ? { ...allowance, left: Number.POSITIVE_INFINITY, nextAt: null } : allowance;
}

/** The questions an attempt at this quiz may draw right now: ACTIVE bank questions and fresh matrix questions. */
async function drawableQuestions(
  tx: Tx,
  quiz: { productId: string | null; includeMatrixQuestions: boolean },
  now: Date,
) {
  const productWhere = quiz.productId ? { productId: quiz.productId } : {};
  const bankRows = await tx.question.findMany({
    where: { ...productWhere, state: "ACTIVE" },
    orderBy: { id: "asc" },
    select: { id: true, ...questionContentSelect },
  });
  const bank = bankRows.flatMap((row) => {
    const choices: unknown = JSON.parse(row.choicesJson);
    if (!isQuestionType(row.type) || !Array.isArray(choices)) return [];
    return [
      {
        questionId: row.id,
        capabilityId: row.capabilityId,
        type: row.type,
        prompt: row.prompt,
        choices: choices.map(String),
        correct: parseChosen(row.correctJson),
        explanation: row.explanation,
      },
    ];
  });
  if (!quiz.includeMatrixQuestions) return { bank, matrix: [] };
  const products = await tx.product.findMany({
    where: quiz.productId ? { id: quiz.productId } : {},
    select: {
      name: true,
      reviewCycleDays: true,
      capabilities: {
        orderBy: { key: "asc" },
        select: { id: true, title: true, status: true, conditions: true, verifiedAt: true },
      },
    },
  });
  // Generated now, from the matrix as it stands: a matrix question can never be stale.
  const matrix = products.flatMap((product) =>
    matrixQuestionsFor(product.name, product.capabilities, now, product.reviewCycleDays).map((q) => ({
      ...q,
      questionId: null,
    })),
  );
  return { bank, matrix };
}

/**
 * Starts an attempt: draws the questions, freezes them in the snapshot and sets the deadline.
 * An attempt still open is returned instead of starting a second one. A salesperson who has used
 * the quiz's attempts for this round is refused.
 */
export async function startAttempt(
  audit: AuditContext,
  user: Taker,
  quizId: string,
  now = new Date(),
  random: () => number = Math.random,
): Promise<AttemptResult<{ attemptId: string; resumed: boolean }>> {
  return prisma.$transaction(async (tx): Promise<AttemptResult<{ attemptId: string; resumed: boolean }>> => {
    const quiz = await tx.quiz.findUnique({ where: { id: quizId } });
    if (!quiz || (!quiz.published && !userHasPermission(user, "write:quiz")))
      return refused(404, "We could not find that quiz.");
    if (!quiz.published) return refused(409, "This quiz is a draft: publish it before anyone takes it.");
    const open = await tx.quizAttempt.findFirst({
      where: { quizId, userId: user.id, submittedAt: null },
      orderBy: { startedAt: "desc" },
      select: { id: true, deadline: true },
    });
    if (open && acceptsAnswersAt(open.deadline, now)) return ok({ attemptId: open.id, resumed: true });
    if (!isPractice(user)) {
      const allowance = attemptAllowance(quiz.maxAttempts, await startsInWindow(tx, quizId, user.id, now));
      if (allowance.left === 0) {
        const when = allowance.nextAt ? ` You can try again from ${allowance.nextAt.toISOString().slice(0, 10)}.` : "";
        return refused(409, `You have used all ${quiz.maxAttempts} attempts at this quiz for now.${when}`);
      }
    }
    const { bank, matrix } = await drawableQuestions(tx, quiz, now);
    const snapshot = drawQuestions(bank, matrix, quiz.questionCount, random);
    if (snapshot.length === 0)
      return refused(409, "This quiz has no questions to ask yet: the question bank is empty.");
    const deadline = deadlineFor(now, quiz.timeLimitMinutes);
    const attempt = await tx.quizAttempt.create({
      data: { quizId, userId: user.id, startedAt: now, deadline, snapshotJson: JSON.stringify(snapshot) },
      select: { id: true, user: { select: { teamId: true } } },
    });
    await recordAudit(tx, audit, {
      action: "quiz-attempt.start",
      entityType: "QuizAttempt",
      entityId: attempt.id,
      teamId: attempt.user.teamId,
      after: {
        quizId,
        deadline,
        practice: isPractice(user),
        questions: snapshot.map((q) => ({
          position: q.position,
          questionId: q.questionId,
          capabilityId: q.capabilityId,
        })),
      },
    });
    return ok({ attemptId: attempt.id, resumed: false });
  });
}

const attemptSelect = {
  id: true,
  quizId: true,
  userId: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  score: true,
  passed: true,
  snapshotJson: true,
  user: { select: { id: true, name: true, role: true, teamId: true } },
  quiz: {
    select: {
      id: true,
      title: true,
      passMark: true,
      certificationDays: true,
      maxAttempts: true,
      timeLimitMinutes: true,
    },
  },
} as const;

type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

function findAttempt(db: Tx | Db, quizId: string, attemptId: string) {
  return db.quizAttempt.findFirst({ where: { id: attemptId, quizId }, select: attemptSelect });
}

async function savedAnswers(db: Tx | Db, attemptId: string): Promise<Map<number, number[]>> {
  const rows = await db.quizAnswer.findMany({ where: { attemptId }, select: { position: true, chosenJson: true } });
  return new Map(rows.map((row) => [row.position, parseChosen(row.chosenJson)]));
}

async function upsertAnswer(
  tx: Tx,
  attemptId: string,
  question: SnapshotQuestion,
  chosen: number[],
  at: Date,
  credit: number | null = null,
) {
  const data = { chosenJson: JSON.stringify(chosen), answeredAt: at, credit };
  await tx.quizAnswer.upsert({
    where: { attemptId_position: { attemptId, position: question.position } },
    create: {
      attemptId,
      position: question.position,
      questionId: question.questionId,
      capabilityId: question.capabilityId,
      ...data,
    },
    update: data,
  });
}

/**
 * Grades an open attempt on its saved answers, once: every question gets an answer row with its
 * credit (unanswered ones an empty choice and 0), so statistics count them. The conditional update
 * makes a second grader (a reload racing a submit) a no-op.
 */
async function gradeInTx(
  tx: Tx,
  audit: AuditContext,
  attempt: AttemptRow,
  submittedAt: Date,
  reason: "submit" | "expire",
) {
  const snapshot = parseSnapshot(attempt.snapshotJson);
  const answers = await savedAnswers(tx, attempt.id);
  const { credits, score } = gradeAttempt(snapshot, answers);
  const passed = isPassing(score, attempt.quiz.passMark);
  const claimed = await tx.quizAttempt.updateMany({
    where: { id: attempt.id, submittedAt: null },
    data: { submittedAt, score, passed },
  });
  if (claimed.count === 0) return;
  // The dashboard's quiz pass rate counts the attempt from now on (ADR 019).
  await refreshRollups(tx, { attemptIds: [attempt.id] });
  for (const question of snapshot) {
    const chosen = answers.get(question.position);
    const credit = credits[question.position] ?? 0;
    if (chosen === undefined) await upsertAnswer(tx, attempt.id, question, [], submittedAt, credit);
    else
      await tx.quizAnswer.update({
        where: { attemptId_position: { attemptId: attempt.id, position: question.position } },
        data: { credit },
      });
  }
  await recordAudit(tx, audit, {
    action: reason === "submit" ? "quiz-attempt.submit" : "quiz-attempt.expire",
    entityType: "QuizAttempt",
    entityId: attempt.id,
    teamId: attempt.user.teamId,
    before: { submittedAt: null },
    after: { submittedAt, score, passed, credits },
  });
}

/** Answers are kept until the deadline plus grace; an attempt found past that is graded on what was saved, ending at its deadline. */
async function gradeIfExpired(tx: Tx, audit: AuditContext, attempt: AttemptRow, now: Date): Promise<boolean> {
  if (attempt.submittedAt !== null || acceptsAnswersAt(attempt.deadline, now)) return false;
  await gradeInTx(tx, audit, attempt, attempt.deadline, "expire");
  return true;
}

/** Saves one answer as it is given. */
export async function saveAnswer(
  audit: AuditContext,
  user: Taker,
  ids: { quizId: string; attemptId: string },
  position: number,
  chosen: number[],
  now = new Date(),
): Promise<AttemptResult<{ position: number; chosen: number[] }>> {
  return prisma.$transaction(async (tx): Promise<AttemptResult<{ position: number; chosen: number[] }>> => {
    const attempt = await findAttempt(tx, ids.quizId, ids.attemptId);
    if (!attempt || attempt.userId !== user.id) return refused(404, "We could not find that attempt.");
    if (attempt.submittedAt) return refused(409, "This attempt has been submitted; its answers can no longer change.");
    if (await gradeIfExpired(tx, audit, attempt, now)) return refused(409, timeUpMessage(attempt.deadline));
    const question = parseSnapshot(attempt.snapshotJson)[position];
    const normalised = question ? normaliseChosen(question, chosen) : null;
    if (!question || !normalised) return refused(400, "That answer is not one of the choices of this question.");
    await upsertAnswer(tx, attempt.id, question, normalised, now);
    return ok({ position, chosen: normalised });
  });
}

export type SubmitOutcome =
  | { submitted: true; score: number; passed: boolean }
  /** Not submitted: questions are unanswered and the taker has not confirmed; the answers on the form were saved. */
  | { submitted: false; unanswered: number[] };

/**
 * Submits an attempt with the answers on the page (the form carries them all, so it works without
 * JavaScript); answers not on the form keep their saved value. With questions left unanswered the
 * attempt is not graded unless the taker confirmed ("Submit anyway"): the answers are saved and the
 * unanswered positions returned for the review step, so a stray click never uses up an attempt.
 * Past the deadline (within the grace period) there is no time left to answer, so no review.
 * After the deadline plus grace the submission is refused and the attempt graded on the saved answers.
 */
export async function submitAttempt(
  audit: AuditContext,
  user: Taker,
  ids: { quizId: string; attemptId: string },
  answers: Map<number, number[]>,
  now = new Date(),
  { whenUnanswered = "review" }: { whenUnanswered?: "review" | "submit" } = {},
): Promise<AttemptResult<SubmitOutcome>> {
  return prisma.$transaction(async (tx): Promise<AttemptResult<SubmitOutcome>> => {
    const attempt = await findAttempt(tx, ids.quizId, ids.attemptId);
    if (!attempt || attempt.userId !== user.id) return refused(404, "We could not find that attempt.");
    if (attempt.submittedAt) return refused(409, "This attempt was already submitted.");
    if (await gradeIfExpired(tx, audit, attempt, now)) return refused(409, timeUpMessage(attempt.deadline));
    const snapshot = parseSnapshot(attempt.snapshotJson);
    for (const [position, chosen] of answers) {
      const question = snapshot[position];
      const normalised = question ? normaliseChosen(question, chosen) : null;
      if (!question || !normalised)
        return refused(400, `The answer to question ${position + 1} is not one of its choices.`);
      await upsertAnswer(tx, attempt.id, question, normalised, now);
    }
    if (whenUnanswered === "review" && now.getTime() <= attempt.deadline.getTime()) {
      const unanswered = unansweredPositions(snapshot.length, await savedAnswers(tx, attempt.id));
      if (unanswered.length > 0) return ok({ submitted: false, unanswered });
    }
    await gradeInTx(tx, audit, attempt, now, "submit");
    const graded = await tx.quizAttempt.findUniqueOrThrow({
      where: { id: attempt.id },
      select: { score: true, passed: true },
    });
    return ok({ submitted: true, score: graded.score ?? 0, passed: graded.passed ?? false });
  });
}

/**
 * Who may open an attempt: its taker always (an open one is theirs alone to answer); once
 * submitted, whoever holds the taker in their audience of "read:attempt" (PRODUCT.md §2).
 */
async function mayRead(viewer: Taker, attempt: AttemptRow): Promise<boolean> {
  if (attempt.userId === viewer.id) return true;
  if (attempt.submittedAt === null) return false;
  const audience = await audienceFor(viewer, "read:attempt");
  return audience !== null && audienceIncludes(audience, attempt.user);
}

/**
 * The attempt page's data. While open: the questions without their answers or explanations, the
 * saved choices and the deadline. Once submitted (or graded here because time ran out): the review.
 * Null when the attempt does not exist or is not the viewer's to see.
 */
export async function getAttemptPage(
  audit: AuditContext,
  viewer: Taker,
  ids: { quizId: string; attemptId: string },
  now = new Date(),
) {
  let attempt = await findAttempt(prisma, ids.quizId, ids.attemptId);
  if (!attempt || !(await mayRead(viewer, attempt))) return null;
  if (attempt.submittedAt === null && !acceptsAnswersAt(attempt.deadline, now)) {
    const expired = attempt;
    await prisma.$transaction((tx) => gradeIfExpired(tx, audit, expired, now));
    attempt = await findAttempt(prisma, ids.quizId, ids.attemptId);
    if (!attempt) return null;
  }
  const snapshot = parseSnapshot(attempt.snapshotJson);
  const answers = await savedAnswers(prisma, attempt.id);
  const header = {
    id: attempt.id,
    quiz: attempt.quiz,
    taker: { id: attempt.user.id, name: attempt.user.name },
    isOwn: attempt.userId === viewer.id,
    practice: isPractice(attempt.user),
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
  };
  if (attempt.submittedAt === null) {
    return {
      ...header,
      state: "open" as const,
      now,
      questions: snapshot.map((question) => ({
        ...openQuestion(question),
        chosen: answers.get(question.position) ?? [],
      })),
    };
  }
  const credits = await prisma.quizAnswer.findMany({
    where: { attemptId: attempt.id },
    select: { position: true, credit: true },
  });
  const creditAt = new Map(credits.map((row) => [row.position, row.credit ?? 0]));
  const passed = attempt.passed ?? false;
  return {
    ...header,
    state: "submitted" as const,
    submittedAt: attempt.submittedAt,
    expired: attempt.submittedAt.getTime() === attempt.deadline.getTime(),
    score: attempt.score ?? 0,
    passed,
    certifiedUntil:
      passed && !header.practice ? certificationExpiresAt(attempt.submittedAt, attempt.quiz.certificationDays) : null,
    questions: snapshot.map((question) => ({
      ...question,
      chosen: answers.get(question.position) ?? [],
      credit: creditAt.get(question.position) ?? 0,
    })),
  };
}
