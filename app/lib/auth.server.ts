import { Auth, type AuthConfig } from "@auth/core";
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { getToken } from "@auth/core/jwt";
import Credentials from "@auth/core/providers/credentials";
import { z } from "zod";
import { throttleDecision } from "../domain/sign-in-throttle.ts";
import { recordAudit, auditContextFrom } from "../models/audit.server.ts";
import { createSession, endSession, getActiveSessionUser } from "../models/sessions.server.ts";
import { prisma } from "./db.server.ts";
import { getEnv } from "./env.server.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password.server.ts";
import { getClientIp, isSecureRequest, safeRedirectPath } from "./request.server.ts";

declare module "@auth/core/types" {
  interface User {
    sessionId?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

export const AUTH_BASE_PATH = "/auth";

/** Auth.js errors caused by what a client sent, which Auth.js answers with an error redirect. */
const CLIENT_MISTAKES = new Set<string>(["MissingCSRF", "AccessDenied", "Verification", "UnknownAction"]);

/** The same code for a wrong password, an unknown email and a deactivated account. */
class InvalidCredentials extends CredentialsSignin {
  code = "credentials";
}
class ThrottledSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled_${minutes}`;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

async function recentFailures(where: { entityId: string } | { ip: string }, since: Date) {
  const rows = await prisma.auditEvent.findMany({
    where: { action: "auth.signin.failure", at: { gt: since }, ...where },
    select: { at: true },
    orderBy: { at: "desc" },
    take: 100,
  });
  return rows.map((row) => row.at);
}

async function refusalFor(email: string, ip: string, now: Date): Promise<ThrottleDecision | null> {
  const env = getEnv();
  const windowStart = new Date(now.getTime() - env.LOGIN_THROTTLE_MINUTES * 60_000);
  const lastSuccess = await prisma.auditEvent.findFirst({
    where: { action: "auth.signin.success", entityId: email, at: { gt: windowStart } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const since = lastSuccess?.at ?? windowStart;
  const byEmail = throttleDecision(await recentFailures({ entityId: email }, since), now, env.LOGIN_MAX_FAILURES_PER_EMAIL, env.LOGIN_THROTTLE_MINUTES);
  if (!byEmail.allowed) return byEmail;
  const byAddress = throttleDecision(await recentFailures({ ip }, windowStart), now, env.LOGIN_MAX_FAILURES_PER_ADDRESS, env.LOGIN_THROTTLE_MINUTES);
  return byAddress.allowed ? null : byAddress;
}
type ThrottleDecision = ReturnType<typeof throttleDecision>;

async function authorize(input: Partial<Record<string, unknown>>, request: Request) {
  const ip = getClientIp(request);
  const context = auditContextFrom(request, null);
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : String(input.email ?? "").trim().toLowerCase().slice(0, 254);
  const now = new Date();

  const refusal = await refusalFor(email, ip, now);
  if (refusal && !refusal.allowed) {
    await recordAudit(prisma, context, { action: "auth.signin.throttled", entityType: "User", entityId: email });
    throw new ThrottledSignIn(refusal.retryAfterMinutes);
  }

  const user = parsed.success ? await prisma.user.findUnique({ where: { email } }) : null;
  // Always hash, so an unknown email takes as long as a wrong password.
  const passwordMatches = await verifyPassword(parsed.success ? parsed.data.password : "", user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !user.active || !passwordMatches) {
    const reason = !parsed.success ? "malformed" : !user ? "unknown-email" : !user.active ? "deactivated" : "wrong-password";
    await recordAudit(prisma, { ...context, actorId: user?.id ?? null }, {
      action: "auth.signin.failure",
      entityType: "User",
      entityId: email,
      teamId: user?.teamId ?? null,
      after: { reason },
    });
    throw new InvalidCredentials();
  }

  const session = await createSession(user.id, { ip, userAgent: request.headers.get("user-agent") });
  await recordAudit(prisma, { ...context, actorId: user.id }, {
    action: "auth.signin.success",
    entityType: "User",
    entityId: email,
    teamId: user.teamId,
    after: { sessionId: session.id },
  });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}

/** Auth.js for one request: the request gives sign-out's audit row its address and request id. */
export function getAuthConfig(request: Request): AuthConfig {
  const env = getEnv();
  return {
    // Outside Next.js, @auth/core reads none of AUTH_SECRET / AUTH_TRUST_HOST.
    secret: env.SESSION_SECRET,
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    // Credentials sign-in requires JWT sessions; the JWT only carries the id of a
    // Session row, which every request checks (session.server.ts).
    session: { strategy: "jwt", maxAge: env.SESSION_ABSOLUTE_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize,
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.sessionId) {
          token.sid = user.sessionId;
          return token;
        }
        // Reading /auth/session: a JWT stays valid after its session was revoked, ran out
        // or its user was deactivated; the Session row knows. null is Auth.js's
        // signed-out answer, and it clears the cookie.
        const limits = { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS };
        const active = typeof token.sid === "string" ? await getActiveSessionUser(token.sid, limits) : null;
        return active ? token : null;
      },
      // callbackUrl comes from the sign-in form, so anyone can write it: only a same-origin
      // path Candor would send a user to is kept, decided as for /login's redirectTo.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(path) ?? "/"}`;
      },
    },
    events: {
      async signOut(message) {
        const sessionId = "token" in message ? message.token?.sid : undefined;
        if (typeof sessionId === "string") await endSession(sessionId, auditContextFrom(request, null));
      },
    },
    logger: {
      // A failed sign-in is an expected event, already in the audit log; a client's own mistake
      // (a missing csrf token, a refused callback) is answered to the client, and anyone could
      // otherwise fill the log with them.
      error(error) {
        if (error instanceof CredentialsSignin || (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin) return;
        if (error instanceof AuthError && CLIENT_MISTAKES.has(error.type)) return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
      warn() {},
      debug() {},
    },
  };
}

/**
 * Runs an /auth/* request through Auth.js. A failed sign-in redirects to
 * /login?error=…; we add the page the user was going to, which Auth.js drops.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  let redirectTo: string | null = null;
  if (request.method === "POST") {
    const form = await request.clone().formData().catch(() => null);
    redirectTo = safeRedirectPath(form?.get("callbackUrl") ?? null);
  }
  const response = await Auth(request, getAuthConfig(request));
  const location = response.headers.get("location");
  if (redirectTo && location) {
    const url = new URL(location, request.url);
    if (url.pathname === "/login" && url.searchParams.has("error")) {
      url.searchParams.set("redirectTo", redirectTo);
      const headers = new Headers(response.headers);
      headers.set("location", url.toString());
      return new Response(null, { status: response.status, headers });
    }
  }
  return response;
}

/** The session id in the request's Auth.js cookie, if the cookie is valid. */
export async function getSessionIdFromCookie(request: Request): Promise<string | null> {
  const token = await getToken({ req: request, secret: getEnv().SESSION_SECRET, secureCookie: isSecureRequest(request) });
  return typeof token?.sid === "string" ? token.sid : null;
}

/** A csrf token for the sign-in form, with the cookie Auth.js pairs it with. */
export async function getCsrfToken(request: Request): Promise<{ csrfToken: string; setCookies: string[] }> {
  const url = new URL(`${AUTH_BASE_PATH}/csrf`, request.url);
  const response = await Auth(new Request(url, { headers: request.headers }), getAuthConfig(request));
  const body = (await response.json()) as { csrfToken?: string };
  return { csrfToken: body.csrfToken ?? "", setCookies: response.headers.getSetCookie() };
}

/** Ends the request's session, if any, and returns the Set-Cookie values that drop its cookie. */
export async function signOut(request: Request): Promise<string[]> {
  const sessionId = await getSessionIdFromCookie(request);
  if (sessionId) await endSession(sessionId, auditContextFrom(request, null));
  return clearSessionCookies(request);
}

/** Set-Cookie values that remove the session cookie (plain and __Secure- names). */
export function clearSessionCookies(request: Request): string[] {
  const secure = isSecureRequest(request);
  const name = secure ? "__Secure-authjs.session-token" : "authjs.session-token";
  const attributes = `Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return [name, `${name}.0`, `${name}.1`].map((cookie) => `${cookie}=; ${attributes}`);
}
