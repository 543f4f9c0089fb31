import { randomUUID } from "node:crypto";

// server.ts overwrites this header on every request with the client's address as the socket
// and the trusted proxy hops tell it, so a client cannot forge it (server/guards.ts).
export const CLIENT_IP_HEADER = "x-candor-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

export function getClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

const requestIds = new WeakMap<Request, string>();

/** The id server.ts gave the request, or one made up for requests built in-process. */
export function getRequestId(request: Request): string {
  const fromServer = request.headers.get(REQUEST_ID_HEADER);
  if (fromServer) return fromServer;
  let id = requestIds.get(request);
  if (!id) {
    id = randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * server.ts builds the request's URL from the scheme it trusts (the socket, or the configured
 * proxy hops), so the URL alone decides; a client-written X-Forwarded-Proto never does.
 */
export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

// A made-up origin (".invalid" never resolves) to resolve a path against: a value
// that keeps this origin after resolving cannot lead a browser to another host.
const PATH_BASE = "http://candor.invalid";
// Longer than any path Candor makes; keeps a redirect header small.
const MAX_PATH_LENGTH = 2000;
// Going back to sign-in or sign-out pages after signing in would loop or sign the user out.
const REFUSED_TARGETS = ["/auth", "/login", "/logout"];

// Browsers drop tabs and newlines inside URLs, trim spaces and read "\\" as "/", so
// "/\t/evil.com" or "/\\evil.com" lead to another host; CR/LF would also break the
// Location header. A path Candor makes itself never holds any of them.
function hasUnsafeCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return /[\s\\]/.test(value);
}

/**
 * A same-origin path to go back to after sign-in, normalised (path, query and
 * fragment, percent-encoded, so safe in a header); anything else becomes null.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof value !== "string" || value.length > MAX_PATH_LENGTH) return null;
  if (!value.startsWith("/") || hasUnsafeCharacter(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PATH_BASE);
  } catch {
    return null;
  }
  if (url.origin !== PATH_BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // "/..//evil.com" resolves to the path "//evil.com", which a browser reads as a host.
  if (path.startsWith("//")) return null;
  let pathname: string;
  try {
    // The router matches decoded paths, so "/%6Cogin" is /login.
    pathname = decodeURIComponent(url.pathname).toLowerCase();
  } catch {
    return null;
  }
  if (REFUSED_TARGETS.some((target) => pathname.startsWith(target))) return null;
  return path;
}
