// What an admin should know before locking a comp period (PRODUCT.md §4: locking is for good).
// None of these stops the lock — a period may be closed early on purpose — but each is said
// before the period's name is typed, so no one locks a quarter by mistake.

export interface LockFacts {
  periodName: string;
  endsAt: Date;
  /** Claims made in the period that have no verdict yet. */
  pendingClaims: number;
  /** Disputes still open on claims made in the period. */
  openDisputes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** How long until `endsAt`, in whole weeks (or days, under a week); null once it has passed. */
export function timeLeft(endsAt: Date, now: Date): string | null {
  const ms = endsAt.getTime() - now.getTime();
  if (ms <= 0) return null;
  const days = Math.ceil(ms / DAY_MS);
  return days >= 7 ? plural(Math.floor(days / 7), "week", "weeks") : plural(days, "day", "days");
}

/** The warnings of the lock confirmation, in the order they matter; empty when there is nothing to warn of. */
export function lockWarnings(facts: LockFacts, now: Date): string[] {
  const warnings: string[] = [];
  const left = timeLeft(facts.endsAt, now);
  if (left)
    warnings.push(
      `${facts.periodName} has not ended yet: it has ${left} left. Claims, quiz attempts and surveys still to come in it will not count towards its statements.`,
    );
  if (facts.pendingClaims > 0) {
    warnings.push(
      `${plural(facts.pendingClaims, "claim", "claims")} made in ${facts.periodName} ${facts.pendingClaims === 1 ? "is" : "are"} still waiting for a verdict.`,
    );
  }
  if (facts.openDisputes > 0) {
    warnings.push(
      `${plural(facts.openDisputes, "dispute", "disputes")} about its claims ${facts.openDisputes === 1 ? "is" : "are"} still open; ${facts.openDisputes === 1 ? "its verdict counts as it stands" : "their verdicts count as they stand"} today.`,
    );
  }
  return warnings;
}
