import { formatCentsPlain, formatScore4 } from "./comp-payroll.ts";

// Prior-period adjustments (PRODUCT.md §4, ADR 007). When an open period is computed, every
// locked period is recomputed with today's data; a payout that moved is paid, as a difference,
// in the open period. Pure: the model gathers the figures, this decides and words the line.

/** The figures of one person in one period that an adjustment line compares. */
export interface PeriodFigures {
  accuracy: number;
  quiz: number | null;
  satisfaction: number;
  composite: number;
  multiplier: number;
  /** The payout the period's figures give, without any adjustment paid in it. */
  payoutCents: number;
}

export interface ClaimVerdict {
  id: string;
  status: string;
  severity: string | null;
}

/**
 * The amount still owed for a locked period: what today's data pays, less what was paid when it
 * was locked and the adjustments already paid for it in later periods. Zero means nothing to do.
 */
export function outstandingAdjustmentCents(recomputedPayoutCents: number, frozenPayoutCents: number, alreadyAdjustedCents: number): number {
  return recomputedPayoutCents - frozenPayoutCents - alreadyAdjustedCents;
}

const FIGURES: Array<{ key: keyof Omit<PeriodFigures, "payoutCents">; label: string }> = [
  { key: "accuracy", label: "A" },
  { key: "quiz", label: "Q" },
  { key: "satisfaction", label: "S" },
  { key: "composite", label: "C" },
  { key: "multiplier", label: "M" },
];

const four = (value: number | null) => (value === null ? "dropped" : formatScore4(value));

/** "A 0.8500 → 0.7000" for each figure that moved (compared at the 4 decimals a statement shows). */
export function figureChanges(before: PeriodFigures, after: PeriodFigures): string[] {
  return FIGURES.flatMap(({ key, label }) => (four(before[key]) === four(after[key]) ? [] : [`${label} ${four(before[key])} → ${four(after[key])}`]));
}

/** "claim c1 ACCURATE → INACCURATE (HIGH)" for every claim whose verdict or severity differs. */
export function verdictChanges(frozen: readonly ClaimVerdict[], current: readonly ClaimVerdict[]): string[] {
  const now = new Map(current.map((claim) => [claim.id, claim]));
  const lines: string[] = [];
  for (const claim of frozen) {
    const today = now.get(claim.id);
    if (today === undefined) continue;
    if (today.status === claim.status && today.severity === claim.severity) continue;
    const severity = today.severity === null ? "" : ` (${today.severity})`;
    lines.push(`claim ${claim.id} ${claim.status} → ${today.status}${severity}`);
  }
  const known = new Set(frozen.map((claim) => claim.id));
  const added = current.filter((claim) => !known.has(claim.id)).length;
  if (added > 0) lines.push(`${added} claim${added === 1 ? "" : "s"} made in the period recorded after the lock`);
  return lines;
}

/** The reason written on the adjustment line: the period, what moved, and the payout difference. */
export function adjustmentReason(input: {
  periodName: string;
  frozen: PeriodFigures;
  recomputed: PeriodFigures;
  alreadyAdjustedCents: number;
  deltaCents: number;
  details: readonly string[];
}): string {
  const moved = figureChanges(input.frozen, input.recomputed);
  const parts = [
    `${input.periodName} recomputed with today's data`,
    moved.length > 0 ? moved.join(", ") : "the scores are unchanged at 4 decimals",
  ];
  if (input.details.length > 0) parts.push(input.details.join("; "));
  const earlier = input.alreadyAdjustedCents === 0 ? "" : ` less ${formatCentsPlain(input.alreadyAdjustedCents)} already adjusted`;
  parts.push(
    `payout ${formatCentsPlain(input.frozen.payoutCents)} when locked${earlier}, ` +
      `${formatCentsPlain(input.recomputed.payoutCents)} now: ${input.deltaCents > 0 ? "+" : ""}${formatCentsPlain(input.deltaCents)}`,
  );
  return `${parts.join("; ")}.`;
}
