import { redirect } from "@remix-run/node";
import {
  permissionScope,
  userHasPermission,
  type Permission,
  type Scope,
  type ScopedPermission,
} from "../domain/permissions.ts";
import { audienceFor, type Audience } from "../models/audience.server.ts";
import { getActiveSessionUser, type SessionUser } from "../models/sessions.server.ts";
import { clearSessionCookies, getSessionIdFromCookie } from "./auth.server.ts";
import { getEnv } from "../lib/env.server.ts";
import { httpError } from "../lib/http-error.server.ts";

export type { SessionUser };

// Remix hands each loader of a page its own copy of the Request, so a cache keyed by the
// object alone would read the session once per loader (measured: twice per page). server.ts
// stamps every HTTP request with a fresh random X-Request-Id (overwriting any the client sent),
// so the id together with the cookie identifies one HTTP request across its loaders. Without
// that header (tests calling loaders directly) the Request object is the key.
const byObject = new WeakMap<Request, Promise<SessionUser | null>>();
const byRequestId = new Map<string, Promise<SessionUser | null>>();
const REQUEST_CACHE_MS = 30_000;

function readSessionUser(request: Request): Promise<SessionUser | null> {
  return (async () => {
    const sessionId = await getSessionIdFromCookie(request);
    if (!sessionId) return null;
    const env = getEnv();
    return getActiveSessionUser(sessionId, {
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    });
  })();
}

/** The signed-in user, checked against the database once per HTTP request. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const requestId = request.headers.get("x-request-id");
  if (!requestId) {
    let pending = byObject.get(request);
    if (!pending) byObject.set(request, (pending = readSessionUser(request)));
    return pending;
  }
  const key = `${requestId}\n${request.headers.get("cookie") ?? ""}`;
  let pending = byRequestId.get(key);
  if (!pending) {
    byRequestId.set(key, (pending = readSessionUser(request)));
    setTimeout(() => byRequestId.delete(key), REQUEST_CACHE_MS).unref();
  }
  return pending;
}

export function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const params = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  const headers = new Headers();
  // A cookie whose session has ended is of no further use; drop it.
  for (const cookie of clearSessionCookies(request)) headers.append("set-cookie", cookie);
  throw redirect(`/login${params}`, { headers });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) loginRedirect(request);
  return user;
}

// Thrown as Responses (not `data()`), so the CSV and other resource routes answer 403/404 with
// the sentence instead of a 500.
export function forbidden(message = "You do not have permission to do that."): never {
  throw httpError(403, message);
}

export function notFound(message = "We could not find that page."): never {
  throw httpError(404, message);
}

export async function requireUserWithPermission(
  request: Request,
  permission: Permission,
  message?: string,
): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!userHasPermission(user, permission)) forbidden(message);
  return user;
}

/** For scoped permissions: the user and the widest scope their role holds. */
export async function requireUserWithScope(
  request: Request,
  permission: ScopedPermission,
  message?: string,
): Promise<{ user: SessionUser; scope: Scope }> {
  const user = await requireUser(request);
  const scope = permissionScope(user, permission);
  if (!scope) forbidden(message);
  return { user, scope };
}

/**
 * For scoped reads: the user, their scope, and whose rows they read (ADR 011). The audience is
 * worked out once here, so a loader hands it to the model instead of deciding rows itself.
 */
export async function requireUserWithAudience(
  request: Request,
  permission: ScopedPermission,
  message?: string,
): Promise<{ user: SessionUser; scope: Scope; audience: Audience }> {
  const { user, scope } = await requireUserWithScope(request, permission, message);
  const audience = await audienceFor(user, permission);
  if (!audience) forbidden(message);
  return { user, scope, audience };
}
