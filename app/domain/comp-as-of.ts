import { formatDate } from "./format.ts";
import type { ClaimStatus, Severity } from "./levels.ts";

// PRODUCT.md §4, ADR 007: a statement holds its inputs as they stood at one instant — the moment
// it was computed, which for a locked period is the lock. Anything Candor recorded later (a
// survey answer, a verdict, a dispute's outcome, a late-logged claim, an attempt) is not part of
// it; for a locked period it reaches the person only as a prior-period adjustment. These rules
// decide, row by row, what was known at that instant; the model and the demo seed share them.

export type DisputeState = "OPEN" | "UPHELD" | "OVERTURNED";

export interface ClaimRecord {
  status: ClaimStatus;
  severity: Severity | null;
  /** When the claim was recorded in Candor (a claim made in the period may be logged later). */
  createdAt: Date;
  verifiedAt: Date | null;
  dispute: {
    status: DisputeState;
    raisedAt: Date;
    resolvedAt: Date | null;
    /** The verdict the salesperson disputed: what stood until an overturn replaced it. */
    disputedStatus: ClaimStatus;
    disputedSeverity: Severity | null;
  } | null;
}

export interface ClaimAsOf {
  status: ClaimStatus;
  severity: Severity | null;
  /** Under a dispute still open at the instant: the verdict counts as it stands (§4). */
  disputed: boolean;
}

const after = (date: Date | null, asOf: Date) => date !== null && date.getTime() > asOf.getTime();

/** The claim's verdict as it stood at `asOf`, or null when the claim was not yet recorded. */
export function claimAsOf(claim: ClaimRecord, asOf: Date): ClaimAsOf | null {
  if (after(claim.createdAt, asOf)) return null;
  const { dispute } = claim;
  const raised = dispute !== null && !after(dispute.raisedAt, asOf);
  const openThen =
    raised &&
    dispute !== null &&
    (dispute.status === "OPEN" || dispute.resolvedAt === null || after(dispute.resolvedAt, asOf));
  // An overturn after the instant replaced the verdict that was then under dispute.
  if (openThen && dispute !== null && dispute.status === "OVERTURNED") {
    return { status: dispute.disputedStatus, severity: dispute.disputedSeverity, disputed: true };
  }
  if (claim.verifiedAt === null || after(claim.verifiedAt, asOf))
    return { status: "PENDING", severity: null, disputed: false };
  return { status: claim.status, severity: claim.severity, disputed: openThen };
}

/**
 * Whether a survey's answer was known to Candor at `asOf`: answered, and recorded by then. An
 * imported answer dated before the instant but imported after it was not known.
 */
export function surveyAnswerKnownAt(
  survey: { respondedAt: Date | null; answerRecordedAt: Date | null },
  asOf: Date,
): boolean {
  if (survey.respondedAt === null) return false;
  return !after(survey.answerRecordedAt ?? survey.respondedAt, asOf) && !after(survey.respondedAt, asOf);
}

/** Whether a quiz attempt had been submitted at `asOf`. */
export function attemptSubmittedBy(attempt: { submittedAt: Date | null }, asOf: Date): boolean {
  return attempt.submittedAt !== null && !after(attempt.submittedAt, asOf);
}

/** "11 Jan 2026" (UTC): how an adjustment's reason names a day — the one date format of format.ts. */
export function formatDay(date: Date): string {
  return formatDate(date);
}
