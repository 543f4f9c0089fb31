import { API_BODY_MAX_BYTES } from "../app/domain/api-tokens.ts";
import { IMPORT_MAX_BYTES } from "../app/domain/csv-import.ts";
import { CONVERSATION_IMPORT_MAX_BYTES } from "../app/schemas/conversation.ts";

// What the HTTP server accepts before any route sees a request (docs/security.md). Pure
// decisions, so each rule is tested on its own; server/guards.ts applies them.

/** Forms carry at most a few thousand characters per field; no form needs more than this. */
export const FORM_BODY_LIMIT = 256 * 1024;
/** Room for the multipart framing and the form's small fields around a file of the maximum size. */
const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES + 64 * 1024;
/** A conversation import carries several transcripts (or, in its second step, their texts) at once. */
export const CONVERSATION_IMPORT_BODY_LIMIT = CONVERSATION_IMPORT_MAX_BYTES + 64 * 1024;

/** The routes that take a file upload, matched exactly (a prefix would widen the limit for others). */
const UPLOAD_ROUTES = [/^\/deals\/import\/?$/, /^\/surveys\/import\/?$/];

/** The public survey page: its no-referrer policy makes browsers send `Origin: null` with its form. */
const PUBLIC_SURVEY_ROUTE = /^\/survey\/[A-Za-z0-9_-]+\/?$/;

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The conversation import, matched exactly like the other upload routes. */
const CONVERSATION_IMPORT_ROUTE = /^\/conversations\/import\/?$/;

/** The JSON API's two writes (PRODUCT.md §9): up to 10,000 deals or survey results in one JSON body. */
const API_WRITE_ROUTES = [/^\/api\/v1\/deals\/?$/, /^\/api\/v1\/survey-results\/?$/];
export const API_BODY_LIMIT = API_BODY_MAX_BYTES;

/** The JSON API's addresses, whose refusals are JSON `{ "error", "problems" }` like its own answers. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function bodyLimitFor(pathname: string): number {
  if (API_WRITE_ROUTES.some((route) => route.test(pathname))) return API_BODY_LIMIT;
  if (CONVERSATION_IMPORT_ROUTE.test(pathname)) return CONVERSATION_IMPORT_BODY_LIMIT;
  return UPLOAD_ROUTES.some((route) => route.test(pathname)) ? IMPORT_BODY_LIMIT : FORM_BODY_LIMIT;
}

export function tooLargeMessage(limit: number): string {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / 1024 / 1024)} MB` : `${Math.floor(limit / 1024)} KB`;
  return `This request is larger than Candor accepts here (${size}), so nothing was saved. For a large file, split it and import the parts one after another.`;
}

export const CROSS_SITE_MESSAGE =
  "Candor refused this request because it did not come from a Candor page. Reload the page and try again.";
export const METHOD_MESSAGE = "Candor pages accept only GET and POST requests.";

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method);
}

export interface OriginInput {
  method: string;
  pathname: string;
  /** The Origin header as sent, or null when absent. */
  origin: string | null;
  /** The Sec-Fetch-Site header as sent, or null when absent. */
  fetchSite: string | null;
  /** This server's own origin as the client addressed it, e.g. "https://candor.example.com". */
  ownOrigin: string;
}

function parsedOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    // An Origin is scheme, host and port only; anything more is not a browser's Origin header.
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * True when a request that may change something (any method but GET and HEAD) comes from one of
 * Candor's own pages. Browsers send `Origin` with every POST and `Sec-Fetch-Site` with every
 * request; a request with neither comes from a script (curl, the CRM), which cannot carry a
 * signed-in user's cookie without having it.
 */
export function isSameOriginRequest(input: OriginInput): boolean {
  if (input.method === "GET" || input.method === "HEAD") return true;
  if (input.fetchSite !== null && input.fetchSite !== "same-origin") return false;
  if (input.origin === null) return true;
  if (input.origin === "null") return PUBLIC_SURVEY_ROUTE.test(input.pathname);
  const origin = parsedOrigin(input.origin);
  return origin !== null && origin === parsedOrigin(input.ownOrigin);
}

/**
 * The scheme the client used. Each trusted proxy appends what it saw to X-Forwarded-Proto (or
 * replaces it), so the entry `hops` from the right is the outermost trusted proxy's view;
 * anything left of it was written by the client and is ignored.
 */
export function trustedProtocol(
  hops: number,
  socketEncrypted: boolean,
  forwardedProto: string | undefined,
): "http" | "https" {
  if (hops === 0 || !forwardedProto) return socketEncrypted ? "https" : "http";
  const entries = forwardedProto.split(",").map((entry) => entry.trim().toLowerCase());
  const seen = entries[Math.max(0, entries.length - hops)];
  return seen === "https" ? "https" : "http";
}
