// API tokens and the JSON API's limits (PRODUCT.md §9). A token is shown once; Candor keeps only
// its sha256 and a short prefix so an admin can tell tokens apart. Pure: the model hashes and
// stores, the routes ask these rules.

export const API_SCOPES = ["deals:write", "surveys:write", "claims:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
  "deals:write": "Push deals (POST /api/v1/deals)",
  "surveys:write": "Push survey results (POST /api/v1/survey-results)",
  "claims:read": "Read claims (GET /api/v1/claims)",
};

/** Every token starts with this, so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = "cnd_";
/** "cnd_" and the first 8 characters of the secret: enough to tell tokens apart, far too few to guess the rest. */
export const API_TOKEN_SHOWN_LENGTH = API_TOKEN_PREFIX.length + 8;

/** Requests a token may make per minute, counted across every Candor process from the audit log. */
export const API_REQUESTS_PER_MINUTE = 120;

/**
 * The largest body /api/v1/deals and /api/v1/survey-results accept: 10,000 deals of a CRM take
 * about 3 MB of JSON, so 8 MB leaves room for long names and extra fields a CRM sends along.
 */
export const API_BODY_MAX_BYTES = 8 * 1024 * 1024;
/** The most deals or survey results one request may carry; more are refused (413), not cut. */
export const API_MAX_ITEMS = 10_000;

/** Scopes as stored: space-separated, in the order of API_SCOPES, each once. */
export function formatScopes(scopes: readonly ApiScope[]): string {
  return API_SCOPES.filter((scope) => scopes.includes(scope)).join(" ");
}

/** The stored scopes; a word Candor no longer knows grants nothing. */
export function parseScopes(stored: string): ApiScope[] {
  const words = stored.split(/\s+/);
  return API_SCOPES.filter((scope) => words.includes(scope));
}

/** What an admin sees of a token after creating it. */
export function tokenPrefixOf(token: string): string {
  return token.slice(0, API_TOKEN_SHOWN_LENGTH);
}

/**
 * The token of an `Authorization: Bearer <token>` header, or null for any other header. The
 * scheme is case-insensitive (RFC 9110 §11.1); the token itself is taken as sent.
 */
export function bearerTokenOf(header: string | null): string | null {
  if (header === null) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  return match?.[1] ?? null;
}

/** True while the token may make another request this minute. */
export function withinRateLimit(requestsInLastMinute: number, limit = API_REQUESTS_PER_MINUTE): boolean {
  return requestsInLastMinute < limit;
}
