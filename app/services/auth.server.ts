import { Auth, type AuthConfig } from "@auth/core";
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { getToken } from "@auth/core/jwt";
import Credentials from "@auth/core/providers/credentials";
import { z } from "zod";
import { auditContextFrom } from "../models/audit.server.ts";
import { endSession, getActiveSessionUser } from "../models/sessions.server.ts";
import {
  findUserForSignIn,
  recordSignInFailure,
  recordThrottledSignIn,
  startSignedInSession,
} from "../models/sign-ins.server.ts";
import { getEnv } from "../lib/env.server.ts";
import { OidcAttempt, oidcProvider } from "./oidc.server.ts";
import { checkSignInThrottle } from "./sign-in-throttle.server.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../lib/password.server.ts";
import { getClientIp, isSecureRequest, safeRedirectPath } from "../lib/request.server.ts";

declare module "@auth/core/types" {
  interface User {
    sessionId?: string;
    /** What the identity provider said about the person's email (single sign-on only). */
    ssoClaims?: { email?: unknown; email_verified?: unknown; xms_edov?: unknown };
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
/** PASSWORD_SIGNIN=off: the company's identity provider is the only way in. */
class PasswordSignInOff extends CredentialsSignin {
  code = "password_off";
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

async function authorize(input: Partial<Record<string, unknown>>, request: Request) {
  const ip = getClientIp(request);
  const context = auditContextFrom(request, null);
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success
    ? parsed.data.email
    : String(input.email ?? "")
        .trim()
        .toLowerCase()
        .slice(0, 254);
  const env = getEnv();

  if (env.PASSWORD_SIGNIN === "off") {
    await recordSignInFailure(context, { email: email || null, reason: "password-sign-in-off", method: "password" });
    throw new PasswordSignInOff();
  }

  const throttle = await checkSignInThrottle({ email, ip });
  if (!throttle.allowed) {
    await recordThrottledSignIn(context, email, "password");
    throw new ThrottledSignIn(throttle.retryAfterMinutes);
  }

  const user = parsed.success ? await findUserForSignIn(email) : null;
  // Always hash, so an unknown email takes as long as a wrong password.
  const passwordMatches = await verifyPassword(
    parsed.success ? parsed.data.password : "",
    user?.passwordHash ?? DUMMY_PASSWORD_HASH,
  );
  if (!user || !user.active || !passwordMatches) {
    const reason = !parsed.success
      ? "malformed"
      : !user
        ? "unknown-email"
        : !user.active
          ? "deactivated"
          : "wrong-password";
    await recordSignInFailure(context, { email, user, reason, method: "password" });
    throw new InvalidCredentials();
  }

  const session = await startSignedInSession(user, { ip, userAgent: request.headers.get("user-agent") }, context, {
    method: "password",
  });
  return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
}

/**
 * Auth.js for one request: the request gives sign-out's and sign-in's audit rows their address
 * and request id; `oidc` follows a single sign-on request through to its answer.
 */
export function getAuthConfig(request: Request, oidc: OidcAttempt | null = null): AuthConfig {
  const env = getEnv();
  const sso = oidcProvider();
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
      ...(sso ? [sso] : []),
    ],
    callbacks: {
      // Password sign-ins are decided in authorize(); single sign-on here, after Auth.js has
      // checked state, PKCE and the ID token's issuer and audience.
      signIn({ user, account }) {
        return oidc ? oidc.admit(user, account ?? null) : account?.provider !== "oidc";
      },
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
        // A single sign-on failure gets its sentence, audit row and (for a settings problem)
        // log line once the answer is known (OidcAttempt.finish).
        if (oidc) return oidc.noteFailure(error);
        if (
          error instanceof CredentialsSignin ||
          (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin
        )
          return;
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
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    redirectTo = safeRedirectPath(form?.get("callbackUrl") ?? null);
  }
  const oidc = OidcAttempt.isOidcRequest(request) ? new OidcAttempt(request) : null;
  const answer = await Auth(request, getAuthConfig(request, oidc));
  const response = oidc ? await oidc.finish(answer) : answer;
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
  const token = await getToken({
    req: request,
    secret: getEnv().SESSION_SECRET,
    secureCookie: isSecureRequest(request),
  });
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
