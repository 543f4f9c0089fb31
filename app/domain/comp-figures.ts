import type { CompPlanParams } from "./comp-plan.ts";
import type { ClaimStatus, Delivered, Severity } from "./levels.ts";

// The figures of one comp statement (PRODUCT.md §4): what comp-formula.ts computes, what
// comp-explanation.ts puts into words, and what a statement freezes (app/schemas/comp-statement.ts).
// Types only, so the formula and its explanation both read them without importing each other.

export interface ClaimLine {
  id: string;
  status: ClaimStatus;
  severity: Severity | null;
  /** Under an open dispute when computed: counted as it stands, marked so an overturn surprises nobody. */
  disputed: boolean;
  counted: boolean;
  /** The severity the weight was taken from: MEDIUM when a final verdict has none recorded. */
  weightedAs: Severity | null;
  credit: number | null;
  weight: number | null;
  /** Why the claim is left out, or how a missing severity was treated; null otherwise. */
  note: string | null;
}

export interface QuizAttemptLine {
  id: string;
  score: number;
  submittedAt: string;
}

export interface QuizLine {
  quizId: string;
  title: string;
  passMark: number;
  certificationDays: number;
  /** [periodEnd − certificationDays, periodEnd], ISO 8601. */
  windowStart: string;
  windowEnd: string;
  /** The attempts inside the window, oldest first. */
  attempts: QuizAttemptLine[];
  bestAttemptId: string | null;
  /** The best score in the window; 0 when there is no attempt in it (§4.2). */
  bestScore: number;
  passed: boolean;
}

export type SurveyItem = "csat" | "delivered";

export interface SurveyLine {
  id: string;
  csat: number | null;
  delivered: Delivered | null;
  /** (csat − 1) / 4 and the delivered credit, each null when not answered. */
  csatItem: number | null;
  deliveredItem: number | null;
  itemsCounted: SurveyItem[];
  s: number | null;
  counted: boolean;
  note: string | null;
}

export type GateName = "HIGH_SEVERITY_INACCURATE" | "QUIZ_BELOW_PASS_MARK";

export interface FiredGate {
  name: GateName;
  cap: number;
  reason: string;
  /** Whether the cap lowered M (a gate can fire while M is already below its cap). */
  lowered: boolean;
}

export interface CompWeights {
  accuracy: number;
  quiz: number;
  satisfaction: number;
}

export interface CompFigures {
  periodEnd: string;
  targetBonusCents: number;
  plan: CompPlanParams;
  claims: ClaimLine[];
  /** Σ w·credit over counted claims. */
  sumWeightedCredit: number;
  /** Σ w over counted claims. */
  sumWeight: number;
  /** A. */
  accuracy: number;
  quizzes: QuizLine[];
  quizDropped: boolean;
  /** Q, or null when no quiz is required and Q is dropped. */
  quiz: number | null;
  surveys: SurveyLine[];
  /** Σ s over counted surveys. */
  sumSatisfaction: number;
  /** n: the surveys counted. */
  surveyCount: number;
  /** S. */
  satisfaction: number;
  /** The weights C used: the plan's, or rescaled to sum to 1 when Q is dropped. */
  effectiveWeights: CompWeights;
  /** C. */
  composite: number;
  /** M from the curve, before gates. */
  curveMultiplier: number;
  gates: FiredGate[];
  multiplierAfterGates: number;
  /** M rounded to 4 decimals, half away from zero: the M that is paid. */
  multiplier: number;
  /** The paid M as a whole number of ten-thousandths (M = 0.9780 → 9780). */
  multiplierTenThousandths: number;
  payoutCents: number;
  explanation: string[];
}

/** A, Q, S, C and M: the scores a statement row keeps beside its frozen figures (Q null when the plan drops it). */
export type StatementScores = Pick<CompFigures, "accuracy" | "quiz" | "satisfaction" | "composite" | "multiplier">;
