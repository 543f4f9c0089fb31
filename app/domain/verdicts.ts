import type { ClaimStatus, Severity } from "./levels.ts";

// Verdict credit and severity weight of PRODUCT.md §4 step 1. The same numbers feed the comp
// formula and the dashboard's team accuracy (§5: "weighted, as in A without the prior").

/** The verdicts that count towards accuracy; PENDING and UNVERIFIABLE are left out (§4.1). */
export const FINAL_VERDICTS = ["ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE"] as const;
export type FinalVerdict = (typeof FINAL_VERDICTS)[number];

export const VERDICT_CREDIT: Readonly<Record<FinalVerdict, number>> = {
  ACCURATE: 1,
  PARTIALLY_ACCURATE: 0.5,
  INACCURATE: 0,
};

// HIGH = material to the customer's decision (§1 Claim.severity), so it weighs most.
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  LOW: 1,
  MEDIUM: 2,
  HIGH: 4,
};

export function isFinalVerdict(status: ClaimStatus): status is FinalVerdict {
  return (FINAL_VERDICTS as readonly string[]).includes(status);
}

/**
 * Claim accuracy without the prior, for the dashboard (§5): Σ w·credit / Σ w over final
 * verdicts, null when there is none. A missing severity weighs as MEDIUM, as in the comp formula.
 */
export function weightedAccuracy(claims: Iterable<{ status: ClaimStatus; severity: Severity | null }>): number | null {
  let weighted = 0;
  let total = 0;
  for (const claim of claims) {
    if (!isFinalVerdict(claim.status)) continue;
    const weight = SEVERITY_WEIGHT[claim.severity ?? "MEDIUM"];
    weighted += weight * VERDICT_CREDIT[claim.status];
    total += weight;
  }
  return total === 0 ? null : weighted / total;
}
