import type { CapabilityStatus, QuestionType } from "../../app/generated/prisma/enums.ts";

// The shape of the hand-written demo content: products, their capability matrix with its
// history, claims that are not in the matrix, and the engineers' quiz bank.

export interface RevisionSpec {
  status: CapabilityStatus;
  conditions: string;
  note: string;
  /** Days before the reference date the change took effect; omitted on the first revision. */
  daysAgo?: number;
}

/** A matrix row's first revision, as engineering first wrote the row. */
export function firstWritten(status: CapabilityStatus, conditions = ""): RevisionSpec {
  return { status, conditions, note: "Initial matrix row." };
}

export interface CapabilitySpec {
  key: string;
  title: string;
  description: string;
  painPoints: string;
  docsPath: string;
  /** Index into the engineers list (seed/content/people.ts). */
  owner: number;
  /** Completes "you can …" in a salesperson's words, e.g. "export any report to Excel". */
  action: string;
  /**
   * The words customers and salespeople use for it (PRODUCT.md §7): 2–6 phrases the conversation
   * matcher looks for besides the title, stored one per line in Capability.phrases.
   */
  phrases: readonly string[];
  /** history[0] is the row as first written; later entries change status or conditions. */
  history: readonly RevisionSpec[];
  /** The row was last verified this many days ago; above the review cycle it is overdue. */
  lastVerifiedDaysAgo?: number;
  /** How often salespeople talk about it (default 1). */
  weight?: number;
}

/** Something customers ask about that the matrix has no row for. */
export interface OffMatrixClaim {
  level: CapabilityStatus;
  statement: string;
  /** What engineering says when verifying it. */
  truth: CapabilityStatus;
}

export interface QuestionSpec {
  type: QuestionType;
  prompt: string;
  choices: readonly string[];
  correct: readonly number[];
  explanation: string;
  capabilityKey?: string;
  /** Flagged because the linked capability changed recently. */
  needsReview?: boolean;
}

export interface QuizSpec {
  title: string;
  questionCount: number;
  includeMatrixQuestions: boolean;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  requiredForComp: boolean;
  certificationDays: number;
}

export interface ProductContent {
  name: string;
  slug: string;
  description: string;
  reviewCycleDays: number;
  capabilities: readonly CapabilitySpec[];
  offMatrix: readonly OffMatrixClaim[];
  questions: readonly QuestionSpec[];
  quiz: QuizSpec;
  /** Typical deal size in dollars (the over-promiser's deals are several times larger). */
  dealSize: readonly [number, number];
}
