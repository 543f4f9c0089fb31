// The dashboard's rollups as pure rules (ADR 019): the UTC month a row counts in, how a window
// of time splits into whole months (read from the rollups) and the partial months at its ends
// (read from the rows themselves), the bins of time to verdict, and where the median lies in a
// histogram of those bins. app/models/rollups.server.ts turns these into SQL.

/** A UTC calendar month, "YYYY-MM": the key of a rollup row. */
export type MonthKey = string;

export interface TimeRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** The UTC month `date` falls in — the same as SQL's substr(<stored ISO text>, 1, 7). */
export function monthKeyOf(date: Date): MonthKey {
  return date.toISOString().slice(0, 7);
}

/** The first instant of the month `key`, and of the month `months` after it. */
export function monthStart(key: MonthKey, months = 0): Date {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new RangeError(`Not a month key: ${key}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + months, 1));
}

function isMonthStart(date: Date): boolean {
  return date.getTime() === monthStart(monthKeyOf(date)).getTime();
}

export interface WindowSplit {
  /** The whole months inside the window (inclusive), read from the rollups; null when none. */
  months: { first: MonthKey; last: MonthKey } | null;
  /** The rest of the window — at most one partial month at each end — read from the rows. */
  edges: TimeRange[];
}

/**
 * Splits [from, to) into the whole UTC months it contains and what is left at either end.
 * A quarter or a trailing year that starts on the first of a month has no edges; an odd period
 * (periods are whole days, PRODUCT.md §4) or "up to now" leaves at most a month at each end, so
 * the rows read directly never grow with the history kept.
 */
export function splitByMonths(from: Date, to: Date): WindowSplit {
  if (!(from.getTime() < to.getTime())) return { months: null, edges: [] };
  const firstWhole = isMonthStart(from) ? from : monthStart(monthKeyOf(from), 1);
  const endOfWhole = monthStart(monthKeyOf(to));
  if (firstWhole.getTime() >= endOfWhole.getTime()) return { months: null, edges: [{ from, to }] };
  const edges: TimeRange[] = [];
  if (from.getTime() < firstWhole.getTime()) edges.push({ from, to: firstWhole });
  if (endOfWhole.getTime() < to.getTime()) edges.push({ from: endOfWhole, to });
  return { months: { first: monthKeyOf(firstWhole), last: monthKeyOf(monthStart(monthKeyOf(endOfWhole), -1)) }, edges };
}

// ---------------------------------------------------------------- time to verdict

const HOUR = 1 / 24;

/**
 * Upper edges (exclusive, in days) of the time-to-verdict bins: fine where verdicts usually fall
 * (the target is 3 working days), coarse beyond. A median is found in the histogram, then read
 * from the claims of that one bin, so finer bins mean fewer claims read. 19 edges, 20 bins:
 * MonthlyRollup has one column per bin (verdictTime0 … verdictTime19).
 */
export const VERDICT_TIME_EDGES_DAYS: readonly number[] = [
  1 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  1,
  1.5,
  2,
  2.5,
  3,
  3.5,
  4,
  5,
  6,
  7,
  10,
  14,
  21,
  30,
  60,
];

export const VERDICT_TIME_BINS = VERDICT_TIME_EDGES_DAYS.length + 1;

/** The bin of a time to verdict in days: the first whose upper edge lies above it. */
export function verdictTimeBin(days: number): number {
  const index = VERDICT_TIME_EDGES_DAYS.findIndex((edge) => days < edge);
  return index === -1 ? VERDICT_TIME_EDGES_DAYS.length : index;
}

export interface BinPlace {
  bin: number;
  /** 0-based position within the bin's values in ascending order. */
  offset: number;
}

/**
 * Where the middle value(s) of a histogram lie: one place for an odd count, two for an even one
 * (the median is their mean), none when empty. The same ranks as the SQL median it replaces,
 * `rn IN ((n + 1) / 2, (n + 2) / 2)` with integer division.
 */
export function medianPlaces(counts: readonly number[]): BinPlace[] {
  const n = counts.reduce((sum, count) => sum + count, 0);
  if (n === 0) return [];
  const ranks = n % 2 === 1 ? [(n + 1) / 2] : [n / 2, n / 2 + 1];
  return ranks.map((rank) => {
    let before = 0;
    for (let bin = 0; bin < counts.length; bin++) {
      const count = counts[bin] ?? 0;
      if (rank <= before + count) return { bin, offset: rank - before - 1 };
      before += count;
    }
    throw new RangeError("rank beyond the histogram");
  });
}

/** The median from the values found at medianPlaces; null when there are none. */
export function medianFromPlaces(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** counts − minus, bin by bin (the verdicts given after an instant, taken out of a histogram). */
export function subtractCounts(counts: readonly number[], minus: readonly number[]): number[] {
  return counts.map((count, bin) => count - (minus[bin] ?? 0));
}
