// Date arithmetic shared by the rules. Dates are stored and computed in UTC (ENGINEERING.md §2);
// a UTC day is always 24 hours, so adding days is adding milliseconds.

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isWeekday(utcDayIndex: number): boolean {
  // 1970-01-01 (day 0) was a Thursday; Sunday is 0 in getUTCDay().
  const weekday = (((utcDayIndex + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days (Mon–Fri, UTC) elapsed from `from` to `to`: the weekdays after `from`'s day up to
 * and including `to`'s day. The verification target is 3 working days (PRODUCT.md §3, the
 * queue shows age/SLA), so a claim logged on Monday is at 3 on Thursday and late on Friday; one
 * logged on Friday is at 1 on Monday. Time of day is ignored; public holidays are not known here.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const fromDay = Math.floor(startOfUtcDay(from).getTime() / MS_PER_DAY);
  const toDay = Math.floor(startOfUtcDay(to).getTime() / MS_PER_DAY);
  if (toDay < fromDay) return -workingDaysBetween(to, from);
  const days = toDay - fromDay;
  // Whole weeks contribute five working days each whatever the starting weekday, so only the
  // remainder (< 7 days) is walked: O(1) even for the scale data set.
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  for (let day = fromDay + fullWeeks * 7 + 1; day <= toDay; day++) {
    if (isWeekday(day)) count++;
  }
  return count;
}

/** The date `n` working days after `date` (same time of day), e.g. a verification due date. */
export function addWorkingDays(date: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number >= 0, got ${n}`);
  let result = date;
  let remaining = n;
  while (remaining > 0) {
    result = addDays(result, 1);
    if (isWeekday(Math.floor(result.getTime() / MS_PER_DAY))) remaining--;
  }
  return result;
}
