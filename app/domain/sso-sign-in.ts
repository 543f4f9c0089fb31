// Who single sign-on lets in (PRODUCT.md §9): the identity provider proves who the person is;
// Candor decides whether that person may use Candor. Admins create users and roles stay
// Candor's, so only an email the provider has verified, matching an active user, signs in.

export type SsoRefusal = "no-email" | "unverified-email" | "unknown-email" | "deactivated";

/** The email the provider vouches for, as Candor stores emails (trimmed, lower-case), or null. */
export function ssoEmail(claims: { email?: unknown }): string | null {
  if (typeof claims.email !== "string") return null;
  const email = claims.email.trim().toLowerCase();
  return email.length > 0 && email.length <= 254 ? email : null;
}

/**
 * Whether the provider says it verified the address: the standard `email_verified`, or Entra
 * ID's `xms_edov` (the address's domain is verified by the tenant), which Entra sends instead.
 * Either must be exactly true: an unverified address can be anyone's, and a provider that
 * sends neither has not said it checked.
 */
export function ssoEmailVerified(claims: { email_verified?: unknown; xms_edov?: unknown }): boolean {
  return claims.email_verified === true || claims.xms_edov === true;
}

/** Why a person the provider signed in may not use Candor, or null when they may. */
export function ssoRefusal(
  claims: { email?: unknown; email_verified?: unknown; xms_edov?: unknown },
  user: { active: boolean } | null,
): SsoRefusal | null {
  if (ssoEmail(claims) === null) return "no-email";
  if (!ssoEmailVerified(claims)) return "unverified-email";
  if (!user) return "unknown-email";
  if (!user.active) return "deactivated";
  return null;
}

/** The code /login?code=… carries for each refusal (login.tsx turns it into a sentence). */
export const SSO_REFUSAL_CODES: Record<SsoRefusal, string> = {
  "no-email": "sso_no_email",
  "unverified-email": "sso_unverified",
  "unknown-email": "sso_unknown",
  deactivated: "sso_deactivated",
};

/** What Auth.js reported when an answer from the identity provider could not be used. */
export interface SsoFailureFacts {
  /** Auth.js's error type ("InvalidCheck", "OAuthCallbackError", "CallbackRouteError", …). */
  type?: string;
  /** oauth4webapi's code for what failed ("OAUTH_JWT_CLAIM_COMPARISON_FAILED", …). */
  code?: string;
  /** The OAuth error the provider answered with ("invalid_grant", "access_denied", …). */
  error?: string;
}

export interface SsoFailure {
  /** The code /login?code=… carries. */
  code: "sso_expired" | "sso_invalid" | "sso_denied" | "sso_unavailable";
  /** The audit row's reason. */
  reason: string;
  /** Whether an operator must look: the provider or Candor's settings are wrong, not the person's attempt. */
  misconfigured: boolean;
}

// oauth4webapi's codes for an ID token or response that does not check out: another issuer,
// another client (audience), a stale token, a mismatched state.
const UNTRUSTED_ANSWER = new Set([
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_KEY_SELECTION_FAILED",
]);

/** Sorts a failed single sign-on callback into what the person is told and what the audit log keeps. */
export function ssoFailure(facts: SsoFailureFacts): SsoFailure {
  // The state and PKCE cookies last 15 minutes and are used once: a sign-in finished in
  // another browser, a reload of the callback, or a flow left too long.
  if (facts.type === "InvalidCheck") return { code: "sso_expired", reason: "stale-sign-in", misconfigured: false };
  // The sign-in button's csrf token is missing or from an old page: anyone can send that.
  if (facts.type === "MissingCSRF") return { code: "sso_expired", reason: "missing-csrf", misconfigured: false };
  // A code is used once and lives briefly: a replayed or expired code.
  if (facts.error === "invalid_grant") return { code: "sso_expired", reason: "code-rejected", misconfigured: false };
  if (facts.type === "OAuthCallbackError")
    return { code: "sso_denied", reason: `provider-error:${facts.error ?? "unknown"}`, misconfigured: false };
  if (facts.code && UNTRUSTED_ANSWER.has(facts.code))
    return { code: "sso_invalid", reason: "token-rejected", misconfigured: false };
  return {
    code: "sso_unavailable",
    reason: facts.error ? `provider-error:${facts.error}` : "provider-unreachable",
    misconfigured: true,
  };
}
