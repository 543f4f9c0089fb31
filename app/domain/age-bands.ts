// Age bands: how a queue or backlog is split by how long its items have waited (the engineer's
// home counts the verification queue in working days, the manager dashboard its backlog in days).

/** Ages `from` to `to` days, both inclusive; `to` is null for the open-ended last band. */
export interface AgeBand {
  label: string;
  from: number;
  to: number | null;
}

/**
 * The bands that end at each of `upperEnds` (ascending), then one for everything older:
 * `ageBands([1, 3], "days")` is 0–1 days, 2–3 days, over 3 days. A band that starts past
 * `lateAfter` says "(late)".
 */
export function ageBands(upperEnds: readonly number[], unit: string, lateAfter = Infinity): AgeBand[] {
  const late = (from: number) => (from > lateAfter ? " (late)" : "");
  const bands = upperEnds.map((to, index): AgeBand => {
    const from = index === 0 ? 0 : (upperEnds[index - 1] ?? 0) + 1;
    return { label: `${from}–${to} ${unit}${late(from)}`, from, to };
  });
  const last = upperEnds.at(-1) ?? -1;
  return [...bands, { label: `Over ${last} ${unit}${late(last + 1)}`, from: last + 1, to: null }];
}
