import type { QuestionType } from "./levels.ts";

// Quiz grading (PRODUCT.md §1 Question, QuizAnswer.credit). Grading works on the attempt's
// frozen snapshot of correct answers, so a later edit to a question never re-grades a taken
// attempt.

/**
 * Credit for one question in [0, 1]. SINGLE and TRUE_FALSE: 1 only for exactly the correct
 * choice. MULTI: partial credit, max(0, (right picked − wrong picked) / right count), so
 * ticking every box earns nothing and a guess costs as much as a right answer earns.
 * Repeated choices count once. A MULTI question with no correct choice (an authoring slip)
 * earns 1 only when nothing is chosen.
 */
export function gradeQuestion(type: QuestionType, correct: number[], chosen: number[]): number {
  const right = new Set(correct);
  const picked = new Set(chosen);
  if (type === "SINGLE" || type === "TRUE_FALSE") {
    const exact = picked.size > 0 && picked.size === right.size && [...picked].every((choice) => right.has(choice));
    return exact ? 1 : 0;
  }
  if (right.size === 0) return picked.size === 0 ? 1 : 0;
  let rightPicked = 0;
  let wrongPicked = 0;
  for (const choice of picked) {
    if (right.has(choice)) rightPicked++;
    else wrongPicked++;
  }
  return Math.max(0, (rightPicked - wrongPicked) / right.size);
}

export interface GradedAttempt {
  /** One credit per question, in question order. */
  credits: number[];
  /** The mean credit; 0 for a quiz with no questions. */
  score: number;
}

/**
 * Grades an attempt. `answers` is keyed by position, the 0-based index of the question in
 * `questions` (the order of the attempt's snapshot); an unanswered question earns 0.
 */
export function gradeAttempt(
  questions: Array<{ type: QuestionType; correct: number[] }>,
  answers: Map<number, number[]>,
): GradedAttempt {
  const credits = questions.map((question, position) =>
    gradeQuestion(question.type, question.correct, answers.get(position) ?? []),
  );
  const score = credits.length === 0 ? 0 : credits.reduce((sum, credit) => sum + credit, 0) / credits.length;
  return { credits, score };
}
