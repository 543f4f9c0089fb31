import { AuthError } from "@auth/core/errors";
import type { Account, Profile, User } from "@auth/core/types";
import type { OIDCConfig } from "@auth/core/providers";
import { SSO_REFUSAL_CODES, ssoEmail, ssoFailure, ssoRefusal, type SsoFailureFacts } from "../domain/sso-sign-in.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  findUserForSignIn,
  recordSignInFailure,
  recordThrottledSignIn,
  startSignedInSession,
} from "../models/sign-ins.server.ts";
import { getOidcSettings } from "../lib/env.server.ts";
import { getClientIp } from "../lib/request.server.ts";
import { checkSignInThrottle } from "./sign-in-throttle.server.ts";

export const OIDC_PROVIDER_ID = "oidc";

/**
 * Auth.js's generic OpenID Connect provider: discovery from the issuer, the authorization
 * code flow with PKCE and state. The profile is read from the userinfo endpoint, where
 * every provider returns the `email` scope's claims (OIDC Core §5.4); the ID token is still
 * required and its issuer and audience checked.
 */
export function oidcProvider(): OIDCConfig<Profile> | null {
  const settings = getOidcSettings();
  if (!settings) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    idToken: false,
    // Auth.js hands this user to the signIn callback; Candor decides there from these claims.
    profile(userinfo, tokens) {
      const claims: Record<string, unknown> = { ...idTokenClaims(tokens.id_token), ...userinfo };
      return {
        id: typeof claims.sub === "string" ? claims.sub : undefined,
        email: typeof claims.email === "string" ? claims.email : null,
        name: typeof claims.name === "string" ? claims.name : null,
        ssoClaims: { email: claims.email, email_verified: claims.email_verified, xms_edov: claims.xms_edov },
      };
    },
  };
}

/**
 * The claims of the ID token oauth4webapi has already checked (issuer, audience, expiry). Some
 * providers put a claim only there (Entra ID's optional `xms_edov`), others only in userinfo
 * (oidc-provider, Okta's thin tokens), so Candor reads both, userinfo winning.
 */
function idTokenClaims(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== "string") return {};
  try {
    const payload: unknown = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The parts of an Auth.js error that say why a single sign-on callback failed. */
function factsOf(error: unknown): SsoFailureFacts {
  const type = error instanceof AuthError ? error.type : undefined;
  const inner =
    error instanceof AuthError ? ((error.cause as { err?: unknown } | undefined)?.err ?? error.cause) : error;
  const field = (value: unknown, name: string) => {
    const found = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
    return typeof found === "string" ? found : undefined;
  };
  return {
    type,
    code: field(inner, "code"),
    error: field(inner, "error") ?? field(error instanceof AuthError ? error.cause : undefined, "error"),
  };
}

/**
 * One single sign-on request (/auth/signin/oidc or /auth/callback/oidc): decides whether the
 * person the provider signed in may use Candor, and turns any failure into a sentence code on
 * /login and an audit row.
 */
export class OidcAttempt {
  private refusal: string | null = null;
  private failure: unknown = null;

  constructor(private readonly request: Request) {}

  static isOidcRequest(request: Request): boolean {
    const { pathname } = new URL(request.url);
    return pathname === `/auth/signin/${OIDC_PROVIDER_ID}` || pathname === `/auth/callback/${OIDC_PROVIDER_ID}`;
  }

  /** Auth.js's logger hands every failure here first. */
  noteFailure(error: unknown) {
    this.failure ??= error;
  }

  /**
   * The signIn callback: a verified email of an active user opens the same server-side session
   * a password sign-in does; anything else is refused (false makes Auth.js redirect to /login).
   */
  async admit(user: User, account: Account | null): Promise<boolean> {
    if (account?.provider !== OIDC_PROVIDER_ID) return true;
    const issuer = getOidcSettings()?.issuer;
    const context = auditContextFrom(this.request, null);
    const ip = getClientIp(this.request);
    const claims = user.ssoClaims ?? {};
    const email = ssoEmail(claims);

    // The provider checked the password, so per-email counting would only let someone lock a
    // colleague out of single sign-on; the address count still stops one client hammering.
    const throttle = await checkSignInThrottle({ email: email ?? "", ip, byEmail: false });
    if (!throttle.allowed) {
      await recordThrottledSignIn(context, email ?? issuer ?? "unknown", "oidc");
      this.refusal = `throttled_${throttle.retryAfterMinutes}`;
      return false;
    }

    const candorUser = email ? await findUserForSignIn(email) : null;
    const refusal = ssoRefusal(claims, candorUser);
    if (refusal || !candorUser) {
      const reason = refusal ?? "unknown-email";
      await recordSignInFailure(context, { email, issuer, user: candorUser, reason, method: "oidc" });
      this.refusal = SSO_REFUSAL_CODES[reason];
      return false;
    }

    const session = await startSignedInSession(
      candorUser,
      { ip, userAgent: this.request.headers.get("user-agent") },
      context,
      { method: "oidc", issuer },
    );
    // The cookie then holds what a password sign-in's does: Candor's user and the session id.
    Object.assign(user, {
      id: candorUser.id,
      email: candorUser.email,
      name: candorUser.name,
      image: undefined,
      ssoClaims: undefined,
      sessionId: session.id,
    });
    return true;
  }

  /**
   * Auth.js answered with a redirect to /login?error=…: name the reason in `code`, and audit
   * a failure that happened before the signIn callback (which audits its own refusals).
   */
  async finish(response: Response): Promise<Response> {
    const location = response.headers.get("location");
    if (!location) return response;
    const url = new URL(location, this.request.url);
    if (url.pathname !== "/login" || !url.searchParams.has("error")) return response;

    let code = this.refusal;
    if (!code) {
      const failure = ssoFailure(factsOf(this.failure));
      code = failure.code;
      const issuer = getOidcSettings()?.issuer;
      const error = this.failure instanceof Error ? this.failure : new Error(String(this.failure));
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      // What oauth4webapi found wrong ('unexpected JWT "aud" (audience) claim value') tells an admin reading the log which check failed.
      const detail = (cause instanceof Error ? cause.message : error.message).slice(0, 200);
      await recordSignInFailure(auditContextFrom(this.request, null), {
        email: null,
        issuer,
        reason: failure.reason,
        detail,
        method: "oidc",
      });
      if (failure.misconfigured)
        console.error(
          `[auth] single sign-on with ${issuer ?? "the identity provider"} failed: ${error.name}: ${detail}`,
        );
    }
    url.searchParams.set("error", "OidcSignin");
    url.searchParams.set("code", code);
    const headers = new Headers(response.headers);
    headers.set("location", url.toString());
    return new Response(null, { status: response.status, headers });
  }
}
