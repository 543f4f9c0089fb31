import type { StatementScores } from "./comp-figures.ts";
import { roundHalfAwayFromZero } from "./rounding.ts";

// The payroll export of a period (PRODUCT.md §3, §4): exactly these columns, in this order.
// Scores carry 4 decimals (the precision of the paid M); money stays in integer cents.

export const PAYROLL_CSV_HEADER = [
  "email",
  "name",
  "team",
  "period",
  "accuracy",
  "quiz",
  "satisfaction",
  "composite",
  "multiplier",
  "target_bonus_cents",
  "payout_cents",
  "adjustment_cents",
] as const;

/** A statement as payroll reads it; a quiz dropped by the plan (null) leaves its cell empty. */
export interface PayrollStatement extends StatementScores {
  email: string;
  name: string;
  team: string | null;
  period: string;
  targetBonusCents: number;
  /** What is paid for the period: the statement's totalPayoutCents, its own payout plus its adjustments (ADR 007). */
  payoutCents: number;
  /** The part of payoutCents that corrects earlier, locked periods. */
  adjustmentCents: number;
}

/** A score to 4 decimals, half away from zero, exactly as the statement page shows it. */
export function formatScore4(value: number): string {
  return roundHalfAwayFromZero(value, 4).toFixed(4);
}

/** Cents stay numbers, so toCsv writes a negative adjustment as a number, not as neutralised text. */
export function payrollRow(statement: PayrollStatement): Array<string | number> {
  return [
    statement.email,
    statement.name,
    statement.team ?? "",
    statement.period,
    formatScore4(statement.accuracy),
    statement.quiz === null ? "" : formatScore4(statement.quiz),
    formatScore4(statement.satisfaction),
    formatScore4(statement.composite),
    formatScore4(statement.multiplier),
    statement.targetBonusCents,
    statement.payoutCents,
    statement.adjustmentCents,
  ];
}

/** Cents as plain text with a sign and two decimals, locale-free: -1234 → "-12.34". */
export function formatCentsPlain(cents: number): string {
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100).toLocaleString("en-US");
  const fraction = String(magnitude % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}${whole}.${fraction}`;
}
