import { formatScore4 } from "./comp-payroll.ts";
import { formatCents, formatDate, formatPercent, formatSignedCents } from "./format.ts";
import { claimStatusLabel, isClaimStatus, isSeverity, severityLabel } from "./levels.ts";

// Prior-period adjustments (PRODUCT.md §4, ADR 007). A locked statement holds the figures as
// they stood at the lock; when an open period is computed, every locked period is recomputed
// with today's data, and a payout that moved is paid, as a difference, in the open period.
// Pure: the model gathers the figures and what arrived after the lock; this decides and words
// the line so the person reads why in plain words: claims named by their customer and day,
// verdicts by their labels, scores as percentages, money in dollars (labels.ts, format.ts).

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
  /** How a person recognises the claim: its account and day. */
  account?: string;
  madeAt?: Date;
}

/** How a reason names a claim: by its customer and day ("the claim to Northwind of 29 Sep 2026"), never by its id. */
export const nameOfClaim = (account: string, madeAt: Date) => `the claim to ${account} of ${formatDate(madeAt)}`;

const claimName = (claim: ClaimVerdict) =>
  claim.account !== undefined && claim.madeAt !== undefined
    ? nameOfClaim(claim.account, claim.madeAt)
    : "a claim made in the period";

/**
 * The amount still owed for a locked period: what today's data pays, less what was paid when it
 * was locked and the adjustments already paid for it in later periods. Zero means nothing to do.
 */
export function outstandingAdjustmentCents(
  recomputedPayoutCents: number,
  frozenPayoutCents: number,
  alreadyAdjustedCents: number,
): number {
  return recomputedPayoutCents - frozenPayoutCents - alreadyAdjustedCents;
}

const FIGURES: Array<{ key: keyof Omit<PeriodFigures, "payoutCents">; label: string }> = [
  { key: "accuracy", label: "accuracy" },
  { key: "quiz", label: "quiz" },
  { key: "satisfaction", label: "satisfaction" },
  { key: "composite", label: "composite" },
  { key: "multiplier", label: "multiplier" },
];

const four = (value: number | null) => (value === null ? "dropped" : formatScore4(value));
// Scores read as percentages to two decimals: the four decimals a statement computes with.
const shown = (key: keyof PeriodFigures, value: number | null) =>
  value === null ? "dropped" : key === "multiplier" ? formatScore4(value) : formatPercent(value, 2);

/**
 * "accuracy 85.00% → 70.00%" for each figure that moved (compared at the 4 decimals a statement
 * shows); the multiplier, which is no score, keeps its 4 decimals: "multiplier 1.3113 → 1.0000".
 */
export function figureChanges(before: PeriodFigures, after: PeriodFigures): string[] {
  return FIGURES.flatMap(({ key, label }) =>
    four(before[key]) === four(after[key]) ? [] : [`${label} ${shown(key, before[key])} → ${shown(key, after[key])}`],
  );
}

const label = (status: string) => (isClaimStatus(status) ? claimStatusLabel(status).toLowerCase() : status);
const severityWord = (severity: string | null) =>
  severity !== null && isSeverity(severity) ? severityLabel(severity).toLowerCase() : "none";
const withSeverity = (status: string, severity: string | null) =>
  `${label(status)}${severity === null ? "" : ` (${severityWord(severity)} severity)`}`;

/**
 * In plain words, every claim whose verdict or severity differs from the frozen statement, and
 * the claims made in the period that were logged after the lock.
 */
export function verdictChanges(frozen: readonly ClaimVerdict[], current: readonly ClaimVerdict[]): string[] {
  const now = new Map(current.map((claim) => [claim.id, claim]));
  const lines: string[] = [];
  for (const claim of frozen) {
    const today = now.get(claim.id);
    if (today === undefined) continue;
    if (today.status === claim.status && today.severity === claim.severity) continue;
    if (claim.status === "PENDING")
      lines.push(
        `${claimName(today)} was judged ${withSeverity(today.status, today.severity)} after the period was locked`,
      );
    else if (today.status === claim.status) {
      lines.push(
        `the severity of ${claimName(today)} (${label(today.status)}) changed from ${severityWord(claim.severity)} to ${severityWord(today.severity)} after the period was locked`,
      );
    } else
      lines.push(
        `the verdict on ${claimName(today)} changed from ${withSeverity(claim.status, claim.severity)} to ${withSeverity(today.status, today.severity)} after the period was locked`,
      );
  }
  const known = new Set(frozen.map((claim) => claim.id));
  const added = current.filter((claim) => !known.has(claim.id)).length;
  if (added > 0)
    lines.push(
      `${added === 1 ? "a claim" : `${added} claims`} made in the period ${added === 1 ? "was" : "were"} logged after it was locked`,
    );
  return lines;
}

/** A survey answer the frozen statement did not hold: when it was answered and when Candor recorded it. */
export interface LateSurveyAnswer {
  respondedAt: Date;
  recordedAt: Date;
}

/**
 * "a survey answered on 11 Jan 2026, after the period was locked"; an answer dated before the
 * lock but recorded after it (an import) says both days.
 */
export function lateSurveyChanges(answers: readonly LateSurveyAnswer[], lockedAt: Date): string[] {
  return [...answers]
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
    .map((answer) =>
      answer.respondedAt.getTime() > lockedAt.getTime()
        ? `a survey answered on ${formatDate(answer.respondedAt)}, after the period was locked`
        : `a survey answered on ${formatDate(answer.respondedAt)} but recorded on ${formatDate(answer.recordedAt)}, after the period was locked`,
    );
}

// A reason stays readable: beyond this many changes the rest are counted, not listed.
const LISTED_CHANGES = 4;

function causesText(details: readonly string[]): string {
  if (details.length === 0) return "changes recorded after the period was locked";
  const listed = details.slice(0, LISTED_CHANGES);
  const rest = details.length - listed.length;
  if (rest > 0) listed.push(`${rest} more change${rest === 1 ? "" : "s"}`);
  if (listed.length === 1) return listed[0] ?? "";
  return `${listed.slice(0, -1).join("; ")} and ${listed.at(-1) ?? ""}`;
}

function multiplierText(before: number, after: number): string {
  const [from, to] = [before.toFixed(4), after.toFixed(4)];
  if (from === to) return `left the multiplier at ${from}`;
  return `${after > before ? "raised" : "lowered"} the multiplier from ${from} to ${to}`;
}

/**
 * The reason written on the adjustment line, in plain words: the period, what arrived after its
 * lock, how that moved the multiplier (and the scores behind it), and the payout difference —
 * e.g. "2025-Q4: a survey answered on 11 Jan 2026, after the period was locked, raised the
 * multiplier from 0.9500 to 1.0200 (satisfaction 71.00% → 75.00%, composite 74.00% → 75.60%);
 * payout $9,500.00 when locked, $10,200.00 now: +$700.00."
 */
export function adjustmentReason(input: {
  periodName: string;
  frozen: PeriodFigures;
  recomputed: PeriodFigures;
  alreadyAdjustedCents: number;
  deltaCents: number;
  details: readonly string[];
}): string {
  const scores = figureChanges(input.frozen, input.recomputed).filter((change) => !change.startsWith("multiplier "));
  const moved = `${multiplierText(input.frozen.multiplier, input.recomputed.multiplier)}${scores.length > 0 ? ` (${scores.join(", ")})` : ""}`;
  const earlier =
    input.alreadyAdjustedCents === 0 ? "" : ` less ${formatSignedCents(input.alreadyAdjustedCents)} already adjusted`;
  const payout =
    `payout ${formatCents(input.frozen.payoutCents)} when locked${earlier}, ` +
    `${formatCents(input.recomputed.payoutCents)} now: ${formatSignedCents(input.deltaCents)}`;
  return `${input.periodName}: ${causesText(input.details)}, ${moved}; ${payout}.`;
}

const SCORE_NAMES: Readonly<Record<string, string>> = { A: "accuracy", Q: "quiz", S: "satisfaction", C: "composite" };
const CUID = /\bc[a-z0-9]{24}\b/;

/**
 * A stored reason as a person reads it. Reasons are stored text, and locked statements' reasons
 * are never rewritten (ADR 007); those written before Candor worded them ("claim c… INACCURATE →
 * PARTIALLY_ACCURATE (HIGH)", "A 0.8500 → 0.7000", "payout 9,500.00") are read through the same
 * vocabulary here: a claim is named by its customer and day when `claimNames` knows its id (else
 * "a claim"), verdicts by their labels, scores as percentages. A reason already in words passes
 * through unchanged.
 */
export function readableAdjustmentReason(reason: string, claimNames: ReadonlyMap<string, string> = new Map()): string {
  const name = (id: string) => claimNames.get(id) ?? "a claim";
  return (
    reason
      // Only the old claim lines held codes; account names and other text are never touched.
      .replace(
        /\bclaim (\S+) ([A-Z][A-Z_]+) → ([A-Z][A-Z_]+)(?: \(([A-Z]+)\))?/g,
        (_match, id: string, from: string, to: string, severity: string | undefined) => {
          const judged = (status: string) => (isClaimStatus(status) ? claimStatusLabel(status).toLowerCase() : status);
          const how =
            severity !== undefined && isSeverity(severity)
              ? ` (${severityLabel(severity).toLowerCase()} severity)`
              : "";
          return `the verdict on ${name(id)} changed from ${judged(from)} to ${judged(to)}${how}`;
        },
      )
      .replace(/\bclaim (c[a-z0-9]{24})\b/g, (_match, id: string) => name(id))
      .replace(
        /\b([AQSC]) (\d\.\d{4}|dropped) → (\d\.\d{4}|dropped)/g,
        (_match, figure: string, from: string, to: string) => {
          const percent = (value: string) => (value === "dropped" ? value : formatPercent(Number(value), 2));
          return `${SCORE_NAMES[figure] ?? figure} ${percent(from)} → ${percent(to)}`;
        },
      )
      .replace(/\bM (\d\.\d{4}) → (\d\.\d{4})/g, "multiplier $1 → $2")
      .replace(
        /(payout |less |, |now: )([+-]?)(\d{1,3}(?:,\d{3})*\.\d{2})\b(?!%)/g,
        (_match, before: string, sign: string, amount: string) => `${before}${sign}$${amount}`,
      )
  );
}

/** The claim ids a stored reason names (old reasons only), so the model can look their names up. */
export function claimIdsInReason(reason: string): string[] {
  return [...reason.matchAll(new RegExp(CUID.source, "g"))].map((match) => match[0]);
}
