import type { QuestionType } from "./levels.ts";
// Item statistics for quiz questions (PRODUCT.md §3 "item statistics"). The database sums the
// figures (app/models/quiz-stats.server.ts); these functions turn sums into statistics, so the
// formulas can be read and tested here without a database.

/** Sums over the answers to one question: x = the question's credit, y = the rest of the attempt's score. */
export interface PairSums {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

/**
 * Pearson's correlation from sums:
 * r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)).
 * Null when it is undefined: fewer than two answers, or no spread in either variable (everyone
 * got the question right, or every rest score is equal). Clamped to [−1, 1] against rounding.
 */
export function pearsonFromSums(sums: PairSums): number | null {
  const { n, sumX, sumY, sumXX, sumYY, sumXY } = sums;
  if (n < 2) return null;
  const varX = n * sumXX - sumX * sumX;
  const varY = n * sumYY - sumY * sumY;
  // Relative tolerance: a spread that is only floating-point noise counts as none.
  if (varX <= 1e-9 * Math.max(1, n * sumXX) || varY <= 1e-9 * Math.max(1, n * sumYY)) return null;
  const r = (n * sumXY - sumX * sumY) / Math.sqrt(varX * varY);
  return Math.max(-1, Math.min(1, r));
}

/** Facility: the mean credit, the share of the question answered correctly; null without answers. */
export function facility(n: number, sumCredit: number): number | null {
  return n > 0 ? sumCredit / n : null;
}

/** A plain-English reading of a discrimination figure, for authors deciding what to rewrite. */
export function discriminationLabel(r: number | null): string {
  if (r === null) return "not measurable";
  if (r < 0) return "negative: strong reps miss it more than weak ones — check the answer";
  if (r < 0.2) return "weak";
  if (r < 0.4) return "fair";
  return "good";
}

/** One question's figures on the statistics page: a bank question, or a capability's matrix questions. */
export interface QuestionStats {
  key: string;
  kind: "bank" | "matrix";
  questionId: string | null;
  type: QuestionType;
  prompt: string;
  state: string | null;
  capability: { title: string; href: string } | null;
  answers: number;
  facility: number | null;
  discrimination: number | null;
  discriminationText: string;
  mostPickedWrong: { choice: string; picks: number; share: number } | null;
}
