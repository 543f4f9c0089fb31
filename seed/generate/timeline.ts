import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import type { Rng } from "../random.ts";

// Every seeded date is relative to the reference date, so the demo always looks current and the
// same reference date gives the same data.

export interface Quarter {
  name: string;
  startsAt: Date;
  /**
   * The first instant of the next quarter: periods are half-open [startsAt, endsAt), so a claim
   * made at 23:59:59.999 on the last day belongs to the quarter and one at 00:00 the next day
   * does not. (We store the exclusive end rather than the last millisecond.)
   */
  endsAt: Date;
}

export interface Timeline {
  /** The reference date at 00:00 UTC; nothing seeded happens at or after it. */
  now: Date;
  /** The four full quarters before the current one, oldest first: the LOCKED periods. */
  lockedPeriods: Quarter[];
  currentPeriod: Quarter;
  /** First claim: the start of the oldest locked period, or a year ago if that is earlier. */
  historyStart: Date;
  /** First capability revision (~14 months ago) and first quiz attempt shortly after. */
  matrixStart: Date;
  /**
   * First deal close: six months before the oldest locked period, so that surveys (due six
   * months after the close) fall due in every locked period.
   */
  dealsStart: Date;
}

export function quarterContaining(date: Date): Quarter {
  const year = date.getUTCFullYear();
  const quarter = Math.floor(date.getUTCMonth() / 3);
  return {
    name: `${year}-Q${quarter + 1}`,
    startsAt: new Date(Date.UTC(year, quarter * 3, 1)),
    endsAt: new Date(Date.UTC(year, quarter * 3 + 3, 1)),
  };
}

export function parseReferenceDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`--today must be a date written YYYY-MM-DD, got "${text}"`);
  }
  return date;
}

export function buildTimeline(referenceDate: Date): Timeline {
  const now = new Date(
    Date.UTC(referenceDate.getUTCFullYear(), referenceDate.getUTCMonth(), referenceDate.getUTCDate()),
  );
  const currentPeriod = quarterContaining(now);
  const lockedPeriods: Quarter[] = [];
  let cursor = currentPeriod.startsAt;
  for (let i = 0; i < 4; i++) {
    const previous = quarterContaining(addDays(cursor, -1));
    lockedPeriods.unshift(previous);
    cursor = previous.startsAt;
  }
  const oldest = lockedPeriods[0] ?? currentPeriod;
  const yearAgo = addDays(now, -365);
  const historyStart = oldest.startsAt < yearAgo ? oldest.startsAt : yearAgo;
  const sixMonthsBefore = new Date(Date.UTC(oldest.startsAt.getUTCFullYear(), oldest.startsAt.getUTCMonth() - 6, 1));
  return {
    now,
    lockedPeriods,
    currentPeriod,
    historyStart,
    matrixStart: addDays(historyStart, -30),
    dealsStart: addDays(sixMonthsBefore, -10),
  };
}

/** A moment in [from, to) during office hours (08:00–18:00 UTC); `to` is exclusive. */
export function instantBetween(rng: Rng, from: Date, to: Date): Date {
  const span = to.getTime() - from.getTime();
  if (span <= 0) return new Date(from.getTime());
  const day = Math.floor(rng.float(0, span / MS_PER_DAY));
  const dayStart = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + day * MS_PER_DAY;
  const minute = rng.int(8 * 60, 18 * 60 - 1);
  const at = dayStart + minute * 60_000 + rng.int(0, 59) * 1000;
  return new Date(Math.min(Math.max(at, from.getTime()), to.getTime() - 1000));
}

/** `date` plus a random delay in days, never at or after `limit`. */
export function laterBy(rng: Rng, date: Date, minDays: number, maxDays: number, limit: Date): Date {
  const at = date.getTime() + rng.float(minDays, maxDays) * MS_PER_DAY;
  return new Date(Math.min(Math.round(at / 1000) * 1000, limit.getTime() - 60_000));
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
