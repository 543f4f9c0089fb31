// The vocabulary of PRODUCT.md §1, as plain string unions. The values equal the Prisma enum
// values (prisma/schema.prisma), so a row read through Prisma can be passed here unchanged,
// but the domain layer never imports Prisma (ENGINEERING.md §2: the domain imports nothing of
// ours but other domain files).

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
// database, URLs and CSV filters. "On the roadmap" rather than "Roadmap" because the sentence
// a customer hears is "that is on the roadmap".
const LEVEL_LABELS: Record<CapabilityLevel, string> = {
  SUPPORTED: "Supported",
  PARTIAL: "Partial",
  NOT_SUPPORTED: "Not supported",
  ROADMAP: "On the roadmap",
};

const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  PENDING: "Pending",
  ACCURATE: "Accurate",
  PARTIALLY_ACCURATE: "Partially accurate",
  INACCURATE: "Inaccurate",
  UNVERIFIABLE: "Unverifiable",
};

const SEVERITY_LABELS: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
};

const MATRIX_CHECK_LABELS: Record<MatrixCheckResult, string> = {
  CONSISTENT: "Consistent with the matrix",
  OVERSTATES: "Overstates the matrix",
  UNDERSTATES: "Understates the matrix",
  NO_MATRIX_ROW: "No matrix row",
  MATRIX_STALE: "Matrix row overdue for review",
};

const CHANNEL_LABELS: Record<Channel, string> = {
  CALL: "Call",
  EMAIL: "Email",
  DEMO: "Demo",
  MEETING: "Meeting",
  RFP: "RFP",
  CHAT: "Chat",
};

const DELIVERED_LABELS: Record<Delivered, string> = {
  YES: "Yes",
  PARTLY: "Partly",
  NO: "No",
};

const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  SINGLE: "Single choice",
  MULTI: "Multiple choice",
  TRUE_FALSE: "True or false",
};

// Where a claim came from (PRODUCT.md §7), said the way a reader of the claims table asks it.
const CLAIM_SOURCE_LABELS: Record<ClaimSource, string> = {
  SELF: "Logged by the salesperson",
  OBSERVED: "Observed",
  CUSTOMER: "Reported by the customer",
  CONVERSATION: "Found in a conversation",
};

export function levelLabel(level: CapabilityLevel): string {
  return LEVEL_LABELS[level];
}

export function claimStatusLabel(status: ClaimStatus): string {
  return CLAIM_STATUS_LABELS[status];
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity];
}

export function matrixCheckLabel(result: MatrixCheckResult): string {
  return MATRIX_CHECK_LABELS[result];
}

export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel];
}

export function deliveredLabel(delivered: Delivered): string {
  return DELIVERED_LABELS[delivered];
}

export function questionTypeLabel(type: QuestionType): string {
  return QUESTION_TYPE_LABELS[type];
}

export function claimSourceLabel(source: ClaimSource): string {
  return CLAIM_SOURCE_LABELS[source];
}

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
