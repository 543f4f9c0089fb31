import { addDays } from "./dates.ts";
import { isQuestionType, type QuestionType } from "./levels.ts";

// The rules of taking a quiz (PRODUCT.md §1 Quiz, QuizAttempt; §3 Quizzes). See
// docs/decisions/006-quiz-attempts-and-practice.md for the choices the spec leaves open.

/** An answer or a submission this long after the deadline is still accepted (slow networks, a last click). */
export const ANSWER_GRACE_MS = 30_000;
/** `maxAttempts` limits the attempts started within this many days (one certification round). */
export const ATTEMPT_WINDOW_DAYS = 90;
/** A certification expiring within this many days puts its quiz back on the list of quizzes due. */
export const CERTIFICATION_WARNING_DAYS = 14;
/** A score this close below the pass mark passes: scores are means of fractions. */
const PASS_MARK_TOLERANCE = 1e-9;

/** What a question asks and what is right: as the bank keeps it and an attempt freezes it. */
export interface QuestionContent {
  capabilityId: string | null;
  type: QuestionType;
  prompt: string;
  choices: string[];
  correct: number[];
  explanation: string;
}

/** One drawn question as frozen in the attempt: what was asked and what was right at that moment. */
export interface SnapshotQuestion extends QuestionContent {
  position: number;
  questionId: string | null;
}

/** What the taker may see of a question before submitting: never the answer or the explanation. */
export interface OpenQuestion {
  position: number;
  type: QuestionType;
  prompt: string;
  choices: string[];
}

const isIndexList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= 0);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** Reads an attempt's snapshot; throws on a malformed one (the server wrote it, so that is a bug, not input). */
export function parseSnapshot(json: string): SnapshotQuestion[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error("Quiz snapshot is not a list");
  return value.map((item: unknown, index): SnapshotQuestion => {
    if (typeof item !== "object" || item === null) throw new Error(`Quiz snapshot entry ${index} is not an object`);
    const entry = item as Record<string, unknown>;
    const { type, prompt, choices, correct, explanation, questionId, capabilityId } = entry;
    if (!isQuestionType(type) || typeof prompt !== "string" || !isStringList(choices) || !isIndexList(correct)) {
      throw new Error(`Quiz snapshot entry ${index} is malformed`);
    }
    return {
      position: index,
      questionId: typeof questionId === "string" ? questionId : null,
      capabilityId: typeof capabilityId === "string" ? capabilityId : null,
      type,
      prompt,
      choices,
      correct,
      explanation: typeof explanation === "string" ? explanation : "",
    };
  });
}

export function openQuestion(question: SnapshotQuestion): OpenQuestion {
  return { position: question.position, type: question.type, prompt: question.prompt, choices: [...question.choices] };
}

/** Parses a stored or submitted list of chosen indexes; anything unreadable is "nothing chosen". */
export function parseChosen(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    return isIndexList(value) ? value : [];
  } catch {
    return [];
  }
}

/**
 * The choices a taker may give to a question: indexes within its choices, each once, sorted; a
 * SINGLE or TRUE_FALSE question takes at most one. Null when the answer is not a possible one.
 */
export function normaliseChosen(
  question: Pick<SnapshotQuestion, "type" | "choices">,
  chosen: readonly number[],
): number[] | null {
  const unique = [...new Set(chosen)].sort((a, b) => a - b);
  if (unique.some((index) => !Number.isInteger(index) || index < 0 || index >= question.choices.length)) return null;
  if (question.type !== "MULTI" && unique.length > 1) return null;
  return unique;
}

export function deadlineFor(startedAt: Date, timeLimitMinutes: number): Date {
  return new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** Answers and submissions are accepted up to the deadline plus the grace period. */
export function acceptsAnswersAt(deadline: Date, now: Date): boolean {
  return now.getTime() <= deadline.getTime() + ANSWER_GRACE_MS;
}

export function isPassing(score: number, passMark: number): boolean {
  return score >= passMark - PASS_MARK_TOLERANCE;
}

export function attemptWindowStart(now: Date): Date {
  return addDays(now, -ATTEMPT_WINDOW_DAYS);
}

/**
 * Attempts left in the current round, and — when none are left — when the oldest attempt of the
 * round leaves the window and another may start.
 */
export function attemptAllowance(
  maxAttempts: number,
  startsInWindow: readonly Date[],
): { used: number; left: number; nextAt: Date | null } {
  const used = startsInWindow.length;
  const left = Math.max(0, maxAttempts - used);
  if (left > 0 || used === 0) return { used, left, nextAt: null };
  const sorted = [...startsInWindow].sort((a, b) => a.getTime() - b.getTime());
  // The (used − maxAttempts + 1)-th oldest must leave the window before the count drops below the maximum.
  const leaving = sorted[used - maxAttempts] ?? sorted[0];
  return { used, left, nextAt: leaving ? addDays(leaving, ATTEMPT_WINDOW_DAYS) : null };
}

export function certificationExpiresAt(passedAt: Date, certificationDays: number): Date {
  return addDays(passedAt, certificationDays);
}

export type QuizDueReason = "REQUIRED_NOT_PASSED" | "CERTIFICATION_EXPIRING" | "NOT_ATTEMPTED";

/**
 * Why a published quiz is on a salesperson's "quizzes due" list, or null when it is not:
 * required for comp and no valid certification; certified but expiring within
 * CERTIFICATION_WARNING_DAYS; or never attempted.
 */
export function quizDueReason(input: {
  requiredForComp: boolean;
  certifiedUntil: Date | null;
  attempted: boolean;
  now: Date;
}): QuizDueReason | null {
  const { requiredForComp, certifiedUntil, attempted, now } = input;
  const valid = certifiedUntil !== null && certifiedUntil.getTime() > now.getTime();
  if (requiredForComp && !valid) return "REQUIRED_NOT_PASSED";
  if (valid && certifiedUntil.getTime() <= addDays(now, CERTIFICATION_WARNING_DAYS).getTime())
    return "CERTIFICATION_EXPIRING";
  if (!attempted) return "NOT_ATTEMPTED";
  return null;
}

/**
 * How many bank and matrix questions an attempt draws: matrix questions make up about 30 % of
 * the quiz, and more when the bank is too small to fill it; never more than exist of either.
 */
export function planDraw(
  questionCount: number,
  bankSize: number,
  matrixSize: number,
): { bank: number; matrix: number } {
  const count = Math.max(0, questionCount);
  const matrix = Math.min(matrixSize, Math.max(count - bankSize, Math.round(count * 0.3)));
  const bank = Math.min(bankSize, count - matrix);
  return { bank, matrix };
}

/** A uniform random sample of `n` items (Fisher–Yates on a copy), using `random` in [0, 1). */
export function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = [...items];
  const take = Math.max(0, Math.min(n, copy.length));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    const picked = copy[j];
    const current = copy[i];
    if (picked === undefined || current === undefined) break;
    copy[i] = picked;
    copy[j] = current;
  }
  return copy.slice(0, take);
}

type DrawnQuestion = Omit<SnapshotQuestion, "position">;

/**
 * What a question is about, for spreading a draw: its capability, or — for a bank question linked
 * to none — the question itself (such questions never crowd each other out).
 */
const topicOf = (question: DrawnQuestion, fallback: string) =>
  question.capabilityId === null ? `question:${fallback}` : `capability:${question.capabilityId}`;

/**
 * Draws an attempt's questions from the bank and the matrix questions, in random order, numbered
 * from 0. Fair draws: no capability is asked about twice while a question about another capability
 * (or about none) is left in either pool — and, more generally, a capability is asked about k + 1
 * times only once every topic that has k questions to give has given them. Within that rule the
 * bank / matrix mix of planDraw is kept; it gives way only where keeping it would repeat a
 * capability. The bank is drawn first because its questions are the scarce ones: the matrix has
 * one question per capability, so it can nearly always find a capability the bank left free.
 */
export function drawQuestions(
  bank: readonly DrawnQuestion[],
  matrix: readonly DrawnQuestion[],
  questionCount: number,
  random: () => number,
): SnapshotQuestion[] {
  const total = Math.min(Math.max(0, questionCount), bank.length + matrix.length);
  const plan = planDraw(total, bank.length, matrix.length);
  const pools = [
    {
      items: sample(
        bank.map((question, index) => ({ question, topic: topicOf(question, `bank-${index}`) })),
        bank.length,
        random,
      ),
      quota: plan.bank,
    },
    {
      items: sample(
        matrix.map((question, index) => ({ question, topic: topicOf(question, `matrix-${index}`) })),
        matrix.length,
        random,
      ),
      quota: plan.matrix,
    },
  ].map((pool) => ({ ...pool, taken: new Array<boolean>(pool.items.length).fill(false), count: 0 }));
  const timesAsked = new Map<string, number>();
  const drawn: DrawnQuestion[] = [];

  // Level L takes only questions whose topic has been asked L times so far: every topic gets its
  // first question before any gets a second, and so on.
  for (let level = 0; drawn.length < total; level++) {
    for (const withinQuota of [true, false]) {
      for (const pool of pools) {
        for (let i = 0; i < pool.items.length && drawn.length < total; i++) {
          if (withinQuota && pool.count >= pool.quota) break;
          const item = pool.items[i];
          if (!item || pool.taken[i] || (timesAsked.get(item.topic) ?? 0) !== level) continue;
          pool.taken[i] = true;
          pool.count++;
          timesAsked.set(item.topic, level + 1);
          drawn.push(item.question);
        }
      }
    }
  }
  return sample(drawn, drawn.length, random).map((question, position) => ({ ...question, position }));
}

/**
 * The positions of an attempt's questions that have no answer: nothing saved and nothing on the
 * submitted form, or an empty choice. A submission with any of them goes through a review step
 * first (PRODUCT.md §3 Quizzes), so an attempt is never used up by a click on a half-done page.
 */
export function unansweredPositions(questionCount: number, answers: ReadonlyMap<number, readonly number[]>): number[] {
  const blank: number[] = [];
  for (let position = 0; position < questionCount; position++)
    if ((answers.get(position)?.length ?? 0) === 0) blank.push(position);
  return blank;
}
