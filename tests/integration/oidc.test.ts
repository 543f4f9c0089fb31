import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAuthRequest } from "../../app/services/auth.server.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { getSessionUser } from "../../app/services/session.server.ts";
import { loader as loginLoader } from "../../app/routes/login.tsx";
import { CookieJar } from "../support/cookie-jar.ts";
import {
  CANDOR_CLIENT,
  OTHER_CLIENT,
  startIdentityProvider,
  type IdentityProvider,
} from "../support/identity-provider.ts";
import { attemptSignIn, ORIGIN } from "./support/sign-in.ts";

// Single sign-on against a real OpenID Provider on a loopback port: the browser's part is played
// by fetch with a cookie jar, Candor's part by its Auth.js handler in-process. This file runs
// Candor as a company that turned password sign-in off.
let idp: IdentityProvider;
let otherIdp: IdentityProvider;

beforeAll(async () => {
  idp = await startIdentityProvider(ORIGIN);
  otherIdp = await startIdentityProvider(ORIGIN);
  Object.assign(process.env, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CANDOR_CLIENT.id,
    OIDC_CLIENT_SECRET: CANDOR_CLIENT.secret,
    OIDC_NAME: "Candor Corp SSO",
    PASSWORD_SIGNIN: "off",
  });
});

afterAll(async () => {
  await idp.close();
  await otherIdp.close();
});

/** Signs `login` in at a provider's own pages: its login form, then back to the application. */
async function signInAtProvider(provider: IdentityProvider, authorizeUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.keep(response);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== new URL(provider.issuer).origin) return next.toString();
      url = next.toString();
      continue;
    }
    const page = await response.text();
    const action = page.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action || !page.includes('name="login"'))
      throw new Error(`the provider showed no login form at ${url}: ${response.status}`);
    const submitted = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any password the provider accepts" }),
    });
    jar.keep(submitted);
    url = new URL(submitted.headers.get("location") ?? "", url).toString();
  }
  throw new Error("the provider never sent the browser back");
}

interface SsoAttempt {
  /** Where Candor sends the browser after its callback. */
  location: URL;
  cookie: string;
  /** The provider's redirect back to Candor, and Candor's cookies just before it. */
  callbackUrl: string;
  cookieBeforeCallback: string;
}

const headersFrom = (clientIp: string, cookie: string) => ({
  "x-candor-client-ip": clientIp,
  "user-agent": "SSO test browser",
  cookie,
});

/** Presses "Sign in with …" on /login, signs `login` in at the provider, and follows it back to Candor. */
async function signInWithSso(
  login: string,
  { clientIp = "203.0.113.90", callbackUrl = "/claims" } = {},
): Promise<SsoAttempt> {
  const jar = new CookieJar();
  const csrf = await handleAuthRequest(new Request(`${ORIGIN}/auth/csrf`, { headers: headersFrom(clientIp, "") }));
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await handleAuthRequest(
    new Request(`${ORIGIN}/auth/signin/oidc`, {
      method: "POST",
      headers: { ...headersFrom(clientIp, jar.header()), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl }),
    }),
  );
  jar.keep(start);
  const authorizeUrl = start.headers.get("location") ?? "";
  expect(authorizeUrl.startsWith(`${idp.issuer}/auth?`), `Candor sent the browser to ${authorizeUrl}`).toBe(true);
  const back = await signInAtProvider(idp, authorizeUrl, login);
  const cookieBeforeCallback = jar.header();
  const callback = await handleAuthRequest(new Request(back, { headers: headersFrom(clientIp, cookieBeforeCallback) }));
  jar.keep(callback);
  return {
    location: new URL(callback.headers.get("location") ?? "", ORIGIN),
    cookie: jar.header(),
    callbackUrl: back,
    cookieBeforeCallback,
  };
}

/** An ID token the provider issued through the ordinary code flow, for `client` at `provider`. */
async function idTokenFrom(
  provider: IdentityProvider,
  client: { id: string; secret: string; redirectUri: string },
  login: string,
): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(`${provider.issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: client.id,
    redirect_uri: client.redirectUri,
    response_type: "code",
    scope: "openid email profile",
    state: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  const code = new URL(await signInAtProvider(provider, authorize.toString(), login)).searchParams.get("code") ?? "";
  const response = await fetch(`${provider.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${client.id}:${client.secret}`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    }),
  });
  const { id_token } = (await response.json()) as { id_token?: string };
  if (!id_token) throw new Error("the provider issued no ID token");
  return id_token;
}

/** The sentence /login shows for the URL Candor redirected to. */
async function loginMessage(location: URL): Promise<string | null> {
  const result = await loginLoader({ request: new Request(location), params: {}, context: {} });
  const body = (result as { data: { message: string | null } }).data;
  return body.message;
}

async function latestFailure(ip: string) {
  const event = await prisma.auditEvent.findFirst({
    where: { action: "auth.signin.failure", ip },
    orderBy: { id: "desc" },
  });
  return {
    entityId: event?.entityId,
    ...(JSON.parse(event?.afterJson ?? "{}") as { reason?: string; method?: string }),
  };
}

describe("single sign-on with the company's identity provider", () => {
  it("signs a demo user in with a server-side session like a password sign-in, and audits it", async () => {
    const { location, cookie } = await signInWithSso("sales@candor.test", { clientIp: "203.0.113.91" });
    expect(location.toString()).toBe(`${ORIGIN}/claims`);
    const user = await getSessionUser(new Request(`${ORIGIN}/claims`, { headers: { cookie } }));
    expect(user?.email).toBe("sales@candor.test");

    const session = await prisma.session.findUnique({ where: { id: user?.sessionId ?? "" } });
    expect(session).toMatchObject({ userId: user?.id, ip: "203.0.113.91", userAgent: "SSO test browser" });
    const success = await prisma.auditEvent.findFirst({ where: { action: "auth.signin.success", ip: "203.0.113.91" } });
    expect(success).toMatchObject({ actorId: user?.id, entityId: "sales@candor.test" });
    expect(JSON.parse(success?.afterJson ?? "{}")).toEqual({
      sessionId: user?.sessionId,
      method: "oidc",
      issuer: idp.issuer,
    });

    // Ending the session row ends the sign-in at once, as for passwords.
    await prisma.session.delete({ where: { id: user?.sessionId ?? "" } });
    expect(await getSessionUser(new Request(`${ORIGIN}/claims`, { headers: { cookie } }))).toBeNull();
  });

  it("lets the idle limit end a single sign-on session", async () => {
    const { cookie } = await signInWithSso("engineer@candor.test", { clientIp: "203.0.113.92" });
    const user = await getSessionUser(new Request(`${ORIGIN}/home`, { headers: { cookie } }));
    await prisma.session.update({
      where: { id: user?.sessionId ?? "" },
      data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) },
    });
    expect(await getSessionUser(new Request(`${ORIGIN}/home`, { headers: { cookie } }))).toBeNull();
  });

  it("refuses an email Candor does not know, with a sentence and an audit row", async () => {
    const { location, cookie } = await signInWithSso("stranger@candor.test", { clientIp: "203.0.113.93" });
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("code")).toBe("sso_unknown");
    expect(cookie).not.toMatch(/session-token/);
    expect(await loginMessage(location)).toMatch(/^Your single sign-on account is not a Candor user\./);
    expect(await latestFailure("203.0.113.93")).toEqual({
      entityId: "stranger@candor.test",
      reason: "unknown-email",
      method: "oidc",
      issuer: idp.issuer,
    });
  });

  it("refuses a deactivated user", async () => {
    await prisma.user.update({ where: { email: "overpromiser@candor.test" }, data: { active: false } });
    const { location, cookie } = await signInWithSso("overpromiser@candor.test", { clientIp: "203.0.113.94" });
    expect(location.searchParams.get("code")).toBe("sso_deactivated");
    expect(cookie).not.toMatch(/session-token/);
    expect(await loginMessage(location)).toMatch(/deactivated/);
    expect(await latestFailure("203.0.113.94")).toMatchObject({
      entityId: "overpromiser@candor.test",
      reason: "deactivated",
    });
  });

  it("refuses an email address the provider has not verified, even one of an active user", async () => {
    const { location, cookie } = await signInWithSso("unverified", { clientIp: "203.0.113.95" });
    expect(location.searchParams.get("code")).toBe("sso_unverified");
    expect(cookie).not.toMatch(/session-token/);
    expect(await loginMessage(location)).toMatch(/has not verified your email address/);
    expect(await latestFailure("203.0.113.95")).toMatchObject({
      entityId: "manager@candor.test",
      reason: "unverified-email",
    });
  });

  it("refuses an ID token issued for another application (wrong audience)", async () => {
    idp.replaceIdToken(await idTokenFrom(idp, OTHER_CLIENT, "manager@candor.test"));
    try {
      const { location, cookie } = await signInWithSso("manager@candor.test", { clientIp: "203.0.113.96" });
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("code")).toBe("sso_invalid");
      expect(cookie).not.toMatch(/session-token/);
      expect(await loginMessage(location)).toMatch(/could not trust the identity provider's answer/);
      expect(await latestFailure("203.0.113.96")).toMatchObject({ entityId: idp.issuer, reason: "token-rejected" });
    } finally {
      idp.replaceIdToken(null);
    }
  });

  it("refuses an ID token from another provider (wrong issuer)", async () => {
    const candorAtOther = {
      id: CANDOR_CLIENT.id,
      secret: CANDOR_CLIENT.secret,
      redirectUri: `${ORIGIN}/auth/callback/oidc`,
    };
    idp.replaceIdToken(await idTokenFrom(otherIdp, candorAtOther, "manager@candor.test"));
    try {
      const { location, cookie } = await signInWithSso("manager@candor.test", { clientIp: "203.0.113.97" });
      expect(location.searchParams.get("code")).toBe("sso_invalid");
      expect(cookie).not.toMatch(/session-token/);
      expect(await latestFailure("203.0.113.97")).toMatchObject({ reason: "token-rejected" });
    } finally {
      idp.replaceIdToken(null);
    }
  });

  it("refuses a replayed authorization code", async () => {
    const first = await signInWithSso("admin@candor.test", { clientIp: "203.0.113.98" });
    expect(first.cookie).toMatch(/session-token/);
    const replay = await handleAuthRequest(
      new Request(first.callbackUrl, { headers: headersFrom("203.0.113.99", first.cookieBeforeCallback) }),
    );
    const location = new URL(replay.headers.get("location") ?? "", ORIGIN);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("code")).toBe("sso_expired");
    expect(replay.headers.getSetCookie().some((header) => /^authjs\.session-token=[^;]/.test(header))).toBe(false);
    expect(await loginMessage(location)).toBe(
      "That single sign-on answer had expired or was already used. Please sign in again.",
    );
    expect(await latestFailure("203.0.113.99")).toMatchObject({ reason: "code-rejected", method: "oidc" });
  });

  it("refuses a provider's answer that arrives in a browser that did not start the sign-in", async () => {
    const { callbackUrl } = await signInWithSso("admin@candor.test", { clientIp: "203.0.113.100" });
    const elsewhere = await handleAuthRequest(new Request(callbackUrl, { headers: headersFrom("203.0.113.101", "") }));
    const location = new URL(elsewhere.headers.get("location") ?? "", ORIGIN);
    expect(location.searchParams.get("code")).toBe("sso_expired");
    expect(await latestFailure("203.0.113.101")).toMatchObject({ reason: "stale-sign-in" });
  });

  it("answers a sign-in button pressed on a stale page with a sentence, not an error", async () => {
    const response = await handleAuthRequest(
      new Request(`${ORIGIN}/auth/signin/oidc`, {
        method: "POST",
        headers: { ...headersFrom("203.0.113.104", ""), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: "from-an-old-page", callbackUrl: "/claims" }),
      }),
    );
    const location = new URL(response.headers.get("location") ?? "", ORIGIN);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("code")).toBe("sso_expired");
    expect(location.searchParams.get("redirectTo")).toBe("/claims");
  });

  it("refuses single sign-on from an address with too many failed sign-ins", async () => {
    for (let attempt = 1; attempt <= 20; attempt++)
      await attemptSignIn(`guess-${attempt}@candor.test`, "candor-demo", { clientIp: "203.0.113.102" });
    const { location, cookie } = await signInWithSso("manager@candor.test", { clientIp: "203.0.113.102" });
    expect(location.searchParams.get("code")).toMatch(/^throttled_\d+$/);
    expect(cookie).not.toMatch(/session-token/);
    expect(await loginMessage(location)).toMatch(/^Too many failed sign-in attempts\./);
  });
});

describe("with password sign-in turned off", () => {
  it("shows only the single sign-on button on /login", async () => {
    const result = await loginLoader({ request: new Request(`${ORIGIN}/login`), params: {}, context: {} });
    expect((result as { data: { ssoName: string | null; passwordSignIn: boolean } }).data).toMatchObject({
      ssoName: "Candor Corp SSO",
      passwordSignIn: false,
    });
  });

  it("refuses the right password with a sentence and an audit row", async () => {
    const { location, cookie } = await attemptSignIn("manager@candor.test", "candor-demo", {
      clientIp: "203.0.113.103",
    });
    const url = new URL(location);
    expect(url.searchParams.get("code")).toBe("password_off");
    expect(cookie).not.toMatch(/session-token/);
    expect(await loginMessage(url)).toBe(
      "Password sign-in is turned off for Candor. Sign in with your company account instead.",
    );
    expect(await latestFailure("203.0.113.103")).toMatchObject({
      entityId: "manager@candor.test",
      reason: "password-sign-in-off",
      method: "password",
    });
  });
});
