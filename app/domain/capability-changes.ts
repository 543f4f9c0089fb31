import { formatDate, formatDateTime } from "./format.ts";
import { revisionInForce } from "./matrix-check.ts";
import { levelLabel, type CapabilityLevel } from "./levels.ts";

// What changed in a capability's matrix row since a claim was made (PRODUCT.md §1, ADR 005), and when a
// row is overdue for review. Marking a row verified appends a revision with the same status and
// conditions, so "the row changed" means the status or conditions differ, not "a revision exists".

export interface RowFacts {
  status: CapabilityLevel;
  conditions: string;
}

export interface DatedRevision extends RowFacts {
  validFrom: Date;
}

export function sameFacts(a: RowFacts, b: RowFacts): boolean {
  return a.status === b.status && a.conditions.trim() === b.conditions.trim();
}

/**
 * When the status or conditions last changed: the validFrom of the earliest revision of the
 * current run of revisions with the row's current facts. Null when there are no revisions.
 */
export function latestChangeAt(revisions: readonly DatedRevision[]): Date | null {
  const sorted = [...revisions].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const current = sorted[sorted.length - 1];
  if (current === undefined) return null;
  let since = current.validFrom;
  for (let i = sorted.length - 2; i >= 0; i--) {
    const revision = sorted[i];
    if (revision === undefined || !sameFacts(revision, current)) break;
    since = revision.validFrom;
  }
  return since;
}

export interface ChangeSinceClaim {
  /** The row as it stood when the claim was made, or null if there was none yet. */
  then: RowFacts | null;
  now: RowFacts;
}

/**
 * The change a salesperson should hear about, or null when the row says today what it said on
 * the day of the claim (a change that was later reverted leaves nothing to tell).
 */
export function changeSinceClaim(
  revisions: readonly DatedRevision[],
  madeAt: Date,
  now: RowFacts,
): ChangeSinceClaim | null {
  const then = revisionInForce(revisions, madeAt);
  if (then !== null && sameFacts(then, now)) return null;
  return { then: then === null ? null : { status: then.status, conditions: then.conditions }, now };
}

/** "3 Mar 2026" (UTC), for sentences built on the server that must read the same everywhere (format.ts). */
export function utcDayLabel(date: Date): string {
  return formatDate(date);
}

/** "3 Mar 2026, 14:05 UTC" (format.ts). */
export function utcTimeLabel(date: Date): string {
  return formatDateTime(date);
}

/** e.g. "SSO / SAML changed from On the roadmap to Supported since you said it on 3 Mar 2026." */
export function describeChangeSinceClaim(title: string, change: ChangeSinceClaim, madeAt: Date): string {
  const since = `since you said it on ${utcDayLabel(madeAt)}`;
  const { then, now } = change;
  if (then === null) return `${title} was added to the matrix as ${levelLabel(now.status)} ${since}.`;
  if (then.status !== now.status)
    return `${title} changed from ${levelLabel(then.status)} to ${levelLabel(now.status)} ${since}.`;
  const conditions = now.conditions.trim();
  return conditions === ""
    ? `The conditions on ${title} were removed ${since}.`
    : `The conditions on ${title} changed ${since}; they are now: ${conditions}.`.replace(/([.!?])\.$/, "$1");
}

/** A row is stale once its review date has passed; a row never verified has none and is stale. */
export function isReviewOverdue(reviewDueAt: Date | null, now: Date): boolean {
  return reviewDueAt === null || reviewDueAt.getTime() < now.getTime();
}
