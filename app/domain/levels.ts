// The vocabulary of PRODUCT.md §1, as plain string unions. The values equal the Prisma enum
// values (prisma/schema.prisma), so a row read through Prisma can be passed here unchanged,
// but the domain layer never imports Prisma (ENGINEERING.md §2: the domain imports nothing of
// ours but other domain files).
import { enumLabeller } from "./labels.ts";

export const CAPABILITY_LEVELS = ["SUPPORTED", "PARTIAL", "NOT_SUPPORTED", "ROADMAP"] as const;
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];

export const CLAIM_STATUSES = ["PENDING", "ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE", "UNVERIFIABLE"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const MATRIX_CHECKS = ["CONSISTENT", "OVERSTATES", "UNDERSTATES", "NO_MATRIX_ROW", "MATRIX_STALE"] as const;
export type MatrixCheckResult = (typeof MATRIX_CHECKS)[number];

export const CHANNELS = ["CALL", "EMAIL", "DEMO", "MEETING", "RFP", "CHAT"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERED = ["YES", "PARTLY", "NO"] as const;
export type Delivered = (typeof DELIVERED)[number];

export const QUESTION_TYPES = ["SINGLE", "MULTI", "TRUE_FALSE"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CLAIM_SOURCES = ["SELF", "OBSERVED", "CUSTOMER", "CONVERSATION"] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

// Labels are what a salesperson reads on a page or in a quiz; the enum values stay in the
// database, URLs and CSV filters. The words live in labels.ts, the one vocabulary of labels.

export const levelLabel = enumLabeller("CapabilityStatus");
export const claimStatusLabel = enumLabeller("ClaimStatus");
export const severityLabel = enumLabeller("Severity");
export const matrixCheckLabel = enumLabeller("MatrixCheck");
export const channelLabel = enumLabeller("Channel");
export const deliveredLabel = enumLabeller("Delivered");
export const questionTypeLabel = enumLabeller("QuestionType");
export const claimSourceLabel = enumLabeller("ClaimSource");

// Type guards for values arriving as plain strings (query strings, CSV imports, JSON).
function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

export const isCapabilityLevel = (value: unknown): value is CapabilityLevel => isOneOf(CAPABILITY_LEVELS, value);
export const isClaimStatus = (value: unknown): value is ClaimStatus => isOneOf(CLAIM_STATUSES, value);
export const isSeverity = (value: unknown): value is Severity => isOneOf(SEVERITIES, value);
export const isMatrixCheckResult = (value: unknown): value is MatrixCheckResult => isOneOf(MATRIX_CHECKS, value);
export const isChannel = (value: unknown): value is Channel => isOneOf(CHANNELS, value);
export const isDelivered = (value: unknown): value is Delivered => isOneOf(DELIVERED, value);
export const isQuestionType = (value: unknown): value is QuestionType => isOneOf(QUESTION_TYPES, value);
export const isClaimSource = (value: unknown): value is ClaimSource => isOneOf(CLAIM_SOURCES, value);
