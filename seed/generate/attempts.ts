import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import { gradeQuestion } from "../../app/domain/quiz-grading.ts";
import { isPassing, type SnapshotQuestion } from "../../app/domain/quiz-rules.ts";
import type { QuizAnswer, QuizAttempt } from "../../app/generated/prisma/client.ts";
import type { Rng } from "../random.ts";
import type { QuizModel, SeedContext } from "./context.ts";
import { matrixQuestionsAsOf } from "./quizzes.ts";
import { instantBetween, maxDate } from "./timeline.ts";

// Submitted quiz attempts with their frozen snapshot and graded answers. A person certifies on
// each required quiz every four to six months (certification lasts 180 days), retrying after a
// fail up to the quiz's maxAttempts per certification round.

export interface Taker {
  userId: string;
  skill: number;
  activeFrom: Date;
  activeUntil: Date;
}

export interface AttemptRows {
  attempts: QuizAttempt[];
  answers: QuizAnswer[];
}

function drawQuestions(quiz: QuizModel, at: Date, rng: Rng): SnapshotQuestion[] {
  const count = quiz.row.questionCount;
  const t = at.getTime();
  const bank = quiz.bank.filter(
    (q) => q.row.createdAt.getTime() <= t && (q.flaggedAt === null || t < q.flaggedAt.getTime()),
  );
  const matrix = quiz.row.includeMatrixQuestions ? matrixQuestionsAsOf(quiz.product, at) : [];
  const matrixCount = Math.min(matrix.length, Math.max(count - bank.length, Math.round(count * 0.3)));
  const drawn = [
    ...rng.sample(bank, count - matrixCount).map((q) => ({
      questionId: q.row.id,
      capabilityId: q.row.capabilityId,
      type: q.spec.type,
      prompt: q.spec.prompt,
      choices: [...q.spec.choices],
      correct: [...q.spec.correct],
      explanation: q.spec.explanation,
    })),
    ...rng.sample(matrix, matrixCount).map((q) => ({
      questionId: null,
      capabilityId: q.capabilityId,
      type: q.type,
      prompt: q.prompt,
      choices: q.choices,
      correct: q.correct,
      explanation: q.explanation,
    })),
  ];
  return rng.shuffle(drawn).map((q, position) => ({ position, ...q }));
}

function chooseAnswer(question: SnapshotQuestion, skill: number, rng: Rng): number[] {
  if (rng.chance(skill)) return question.correct;
  const wrong = question.choices.map((_, index) => index).filter((index) => !question.correct.includes(index));
  if (question.type !== "MULTI") return wrong.length > 0 ? [rng.pick(wrong)] : [];
  const partial = question.correct.slice(0, Math.max(1, question.correct.length - 1));
  return rng.chance(0.5) || wrong.length === 0 ? partial : [...partial, rng.pick(wrong)].sort((a, b) => a - b);
}

export function takeAttempt(
  taker: Taker,
  quiz: QuizModel,
  startedAt: Date,
  ctx: SeedContext,
  rng: Rng,
  out: AttemptRows,
): boolean {
  const snapshot = drawQuestions(quiz, startedAt, rng);
  const limitMs = quiz.row.timeLimitMinutes * 60_000;
  const submittedAt = new Date(startedAt.getTime() + Math.round((rng.float(0.35, 0.95) * limitMs) / 1000) * 1000);
  const attemptId = ctx.ids.id();
  let total = 0;
  snapshot.forEach((question, position) => {
    const chosen = chooseAnswer(question, taker.skill, rng);
    const credit = gradeQuestion(question.type, question.correct, chosen);
    total += credit;
    const answeredAt = new Date(
      startedAt.getTime() +
        Math.round(((position + 1) / (snapshot.length + 1)) * (submittedAt.getTime() - startedAt.getTime())),
    );
    out.answers.push({
      id: ctx.ids.id(),
      attemptId,
      position,
      questionId: question.questionId,
      capabilityId: question.capabilityId,
      chosenJson: JSON.stringify(chosen),
      credit,
      answeredAt,
    });
  });
  const score = snapshot.length === 0 ? 0 : total / snapshot.length;
  const passed = isPassing(score, quiz.row.passMark);
  out.attempts.push({
    id: attemptId,
    quizId: quiz.row.id,
    userId: taker.userId,
    startedAt,
    deadline: new Date(startedAt.getTime() + limitMs),
    submittedAt,
    score,
    passed,
    snapshotJson: JSON.stringify(snapshot),
  });
  return passed;
}

/** Certification rounds on the required quizzes; an occasional practice run on the others. */
export function generateAttempts(taker: Taker, ctx: SeedContext, rng: Rng, budget = Infinity): AttemptRows {
  const out: AttemptRows = { attempts: [], answers: [] };
  const firstDay = maxDate(addDays(ctx.timeline.matrixStart, 10), addDays(taker.activeFrom, rng.float(3, 20)));
  // Start no later than a day before the end, so nothing is submitted after it.
  const end = addDays(taker.activeUntil, -1);
  for (const quiz of ctx.quizzes) {
    if (!quiz.row.requiredForComp) {
      if (rng.chance(0.4) && out.attempts.length < budget)
        takeAttempt(taker, quiz, instantBetween(rng, firstDay, end), ctx, rng, out);
      continue;
    }
    let roundStart = instantBetween(rng, firstDay, addDays(firstDay, 10));
    while (roundStart.getTime() < end.getTime()) {
      let at = roundStart;
      for (
        let tries = 0;
        tries < quiz.row.maxAttempts && at.getTime() < end.getTime() && out.attempts.length < budget;
        tries++
      ) {
        if (takeAttempt(taker, quiz, at, ctx, rng, out)) break;
        at = new Date(at.getTime() + rng.float(2, 10) * MS_PER_DAY);
      }
      roundStart = addDays(roundStart, rng.float(120, 170));
    }
  }
  // An exact budget (the scale seed) is topped up with practice runs at random times.
  while (Number.isFinite(budget) && out.attempts.length < budget && firstDay.getTime() < end.getTime()) {
    takeAttempt(taker, rng.pick(ctx.quizzes), instantBetween(rng, firstDay, end), ctx, rng, out);
  }
  return out;
}
