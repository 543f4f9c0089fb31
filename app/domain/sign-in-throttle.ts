// Failed sign-ins are throttled per email and per client address: after `max`
// failures inside the window, further attempts are refused until the oldest of
// those failures leaves the window.

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * @param failures times of the failed attempts that count (newest first or any
 *   order), already limited to those after the last successful sign-in
 */
export function throttleDecision(
  failures: readonly Date[],
  now: Date,
  max: number,
  windowMinutes: number,
): ThrottleDecision {
  const windowMs = windowMinutes * 60_000;
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > now.getTime() - windowMs && at <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < max) return { allowed: true };
  // Attempts reopen when the max-th newest failure leaves the window.
  const reopensAt = (recent[max - 1] ?? now.getTime()) + windowMs;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 60_000)) };
}
