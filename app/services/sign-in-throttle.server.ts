import { getEnv } from "../lib/env.server.ts";
import { signInThrottle } from "../models/sign-ins.server.ts";

/**
 * Whether a password or single sign-on attempt may go ahead: the recent failures for the email
 * (unless `byEmail` is false) and for the address, against the configured limits (LOGIN_* in
 * the environment).
 */
export function checkSignInThrottle(attempt: { email: string; ip: string; byEmail?: boolean }) {
  const env = getEnv();
  return signInThrottle(attempt, {
    maxPerEmail: env.LOGIN_MAX_FAILURES_PER_EMAIL,
    maxPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMinutes: env.LOGIN_THROTTLE_MINUTES,
  });
}
