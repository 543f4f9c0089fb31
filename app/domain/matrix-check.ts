import { addDays } from "./dates.ts";
import { levelLabel, type CapabilityLevel, type MatrixCheckResult } from "./levels.ts";

// The matrix check shown the moment a claim is logged (PRODUCT.md §1 Claim.matrixCheck, §3 "Log
// a claim"). A claim is judged against the capability revision in force on the day it was made,
// never today's row (§1 CapabilityRevision).

export interface MatrixRevision {
  status: CapabilityLevel;
  conditions: string;
  validFrom: Date;
}

/**
 * The revision in force at `at`: the one with the latest validFrom that is not after `at`.
 * Revisions need not be sorted. Of two with the same validFrom the later in the array wins,
 * because revisions are appended in the order they were written.
 */
export function revisionInForce<T extends { validFrom: Date }>(revisions: readonly T[], at: Date): T | null {
  let inForce: T | null = null;
  for (const revision of revisions) {
    const from = revision.validFrom.getTime();
    if (from > at.getTime()) continue;
    if (inForce === null || from >= inForce.validFrom.getTime()) inForce = revision;
  }
  return inForce;
}

/**
 * Marking a row verified appends a revision, so a revision's validFrom is also the row's last
 * verification; the row is overdue for review once the product's review cycle (default 90 days,
 * PRODUCT.md §1 Capability.reviewDueAt) has passed. At exactly validFrom + cycle it is still fresh.
 */
export function isStaleAt(revision: { validFrom: Date }, at: Date, reviewCycleDays: number): boolean {
  return at.getTime() > addDays(revision.validFrom, reviewCycleDays).getTime();
}

// How much a level promises the customer. ROADMAP ranks above NOT_SUPPORTED: telling a customer
// "it's on the roadmap" when engineering says "not supported" promises something engineering
// has not committed to.
const PROMISE_RANK: Record<CapabilityLevel, number> = {
  SUPPORTED: 3,
  PARTIAL: 2,
  ROADMAP: 1,
  NOT_SUPPORTED: 0,
};

export function comparePromise(a: CapabilityLevel, b: CapabilityLevel): number {
  return PROMISE_RANK[a] - PROMISE_RANK[b];
}

export interface MatrixCheckInput {
  assertedLevel: CapabilityLevel;
  madeAt: Date;
  /** The revision in force at madeAt (revisionInForce), or null when there is none. */
  revision: MatrixRevision | null;
  reviewCycleDays: number;
}

export function checkClaimAgainstMatrix(input: MatrixCheckInput): MatrixCheckResult {
  const { assertedLevel, madeAt, revision, reviewCycleDays } = input;
  // A revision written after the claim was made did not exist for the salesperson to consult;
  // treating it as "no row" keeps a caller that passes today's revision from judging the past.
  if (revision === null || revision.validFrom.getTime() > madeAt.getTime()) return "NO_MATRIX_ROW";
  const difference = comparePromise(assertedLevel, revision.status);
  // An overstatement is reported even on a stale row: the customer was told more than
  // engineering last said, and an old row is no licence to promise more.
  if (difference > 0) return "OVERSTATES";
  if (isStaleAt(revision, madeAt, reviewCycleDays)) return "MATRIX_STALE";
  if (difference < 0) return "UNDERSTATES";
  return "CONSISTENT";
}

export const NOT_STATED_CHECK =
  "What the customer was told is not stated yet: an engineer maps the customer's words to a capability and a level, and the matrix check follows.";

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The sentence a salesperson sees at once after logging a claim, e.g.
 * "You said Supported; engineering says Partial: xlsx only; .xls is not supported."
 * followed by what the result means for them.
 */
export function describeMatrixCheck(
  result: MatrixCheckResult,
  assertedLevel: CapabilityLevel | null,
  revision: Pick<MatrixRevision, "status" | "conditions"> | null,
): string {
  // A customer's report (PRODUCT.md §7) arrives as words only: until an engineer sets what the
  // customer was told, there is nothing to compare with the matrix.
  if (assertedLevel === null) return NOT_STATED_CHECK;
  const said = `You said ${levelLabel(assertedLevel)}`;
  if (result === "NO_MATRIX_ROW" || revision === null) {
    return `${said}; the capability matrix had no row for this on the day of the claim, so an engineer will verify it.`;
  }
  const conditions = revision.conditions.trim();
  const engineering = conditions === "" ? levelLabel(revision.status) : `${levelLabel(revision.status)}: ${conditions}`;
  switch (result) {
    case "OVERSTATES":
      return `${said}; engineering says ${withFullStop(engineering)} That promises more than the matrix; if the customer was told too much, correct it with them and record the correction.`;
    case "UNDERSTATES":
      return `${said}; engineering says ${withFullStop(engineering)} That promises less than the product does.`;
    case "MATRIX_STALE":
      return `${said}; engineering last said ${withFullStop(engineering)} That row was overdue for review on the day of the claim, so an engineer will verify it.`;
    case "CONSISTENT":
      return `${said}; engineering says ${withFullStop(engineering)} That matches the matrix.`;
  }
}
