// Which comp period the dashboard shows (PRODUCT.md §5): the one named in the URL, else the one
// in effect today, compared with the period just before it. Pure: the model loads the periods.

export interface PeriodRef {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  status: "OPEN" | "LOCKED";
}

export interface ChosenPeriods<P extends PeriodRef> {
  current: P;
  previous: P | null;
  /** A plain sentence when the URL named a period that does not exist. */
  note: string | null;
}

const byStartAsc = <P extends Pick<PeriodRef, "startsAt">>(periods: readonly P[]) =>
  [...periods].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

/**
 * The period in effect at `now`: the one that contains it, else the latest that had started by
 * then. Never one that has not started — an admin may create next quarter's period weeks early,
 * and an empty future period is not what anyone opening a page means. Null when none has started.
 */
export function periodInEffect<P extends Pick<PeriodRef, "startsAt" | "endsAt">>(
  periods: readonly P[],
  now: Date,
): P | null {
  const started = byStartAsc(periods).filter((period) => period.startsAt.getTime() <= now.getTime());
  return started.find((period) => period.endsAt.getTime() > now.getTime()) ?? started[started.length - 1] ?? null;
}

/**
 * The period to show and the one to compare it with. Without a (known) name: the period in
 * effect today (see periodInEffect), else — when every period lies ahead — the earliest.
 * "Previous" is the latest period that ends on or before the chosen one starts, so a gap in the
 * calendar never compares a period with itself. Null when there are no periods at all.
 */
export function choosePeriods<P extends PeriodRef>(
  periods: readonly P[],
  requested: string | null | undefined,
  now: Date = new Date(),
): ChosenPeriods<P> | null {
  const byStart = byStartAsc(periods);
  const earliest = byStart[0];
  if (!earliest) return null;
  const named = requested ? byStart.find((period) => period.name === requested) : undefined;
  const current = named ?? periodInEffect(byStart, now) ?? earliest;
  const earlier = byStart.filter((period) => period.endsAt.getTime() <= current.startsAt.getTime());
  return {
    current,
    previous: earlier[earlier.length - 1] ?? null,
    note:
      requested && !named ? `There is no period called “${requested.slice(0, 40)}”; showing ${current.name}.` : null,
  };
}

/**
 * The instant in `previous` that is as far into it as `now` is into `current` — the point at
 * which a backlog figure ("claims still waiting", time to verdict) of the previous period is
 * comparable with today's. A closed quarter's end state is not: its backlog has had months to
 * drain. Never later than `now`. Null when `current` has not started yet.
 */
export function samePointInPrevious(
  current: Pick<PeriodRef, "startsAt">,
  previous: Pick<PeriodRef, "startsAt">,
  now: Date,
): Date | null {
  const elapsed = now.getTime() - current.startsAt.getTime();
  if (elapsed < 0) return null;
  return new Date(Math.min(previous.startsAt.getTime() + elapsed, now.getTime()));
}

/** The first instant of the UTC calendar month `months` away from `date`'s month. */
export function startOfUtcMonth(date: Date, months = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/**
 * The window of the accuracy-vs-satisfaction chart: the twelve months that end where the period
 * ends. A quarter holds about one answered survey per salesperson, too few to tell a story.
 */
export function trailingYear(period: Pick<PeriodRef, "endsAt">): { from: Date; to: Date } {
  const to = period.endsAt;
  return { from: new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate())), to };
}

/** "YYYY-MM" of the UTC months from `from` (inclusive) to `to` (exclusive). */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  for (let month = startOfUtcMonth(from); month.getTime() < to.getTime(); month = startOfUtcMonth(month, 1)) {
    months.push(month.toISOString().slice(0, 7));
  }
  return months;
}

/** The YYYY-MM-DD of the first and last UTC day of [from, to), as the claims table's date filter takes them. */
export function dayRange(from: Date, to: Date): { from: string; to: string } {
  return { from: from.toISOString().slice(0, 10), to: new Date(to.getTime() - 1).toISOString().slice(0, 10) };
}
