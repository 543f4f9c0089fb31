import { describe, expect, it } from "vitest";
import { handleAuthRequest } from "../../app/services/auth.server.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { getSessionUser } from "../../app/services/session.server.ts";
import { loader as loginLoader } from "../../app/routes/login.tsx";
import { CookieJar } from "../support/cookie-jar.ts";
import { attemptSignIn, ORIGIN, settle, signIn } from "./support/sign-in.ts";

const sessionUserFor = (cookie: string) => getSessionUser(new Request(`${ORIGIN}/home`, { headers: { cookie } }));

/** What Auth.js's own GET /auth/session answers for a cookie. */
async function authSession(cookie: string) {
  const response = await handleAuthRequest(new Request(`${ORIGIN}/auth/session`, { headers: { cookie } }));
  const sessionCookies = response.headers.getSetCookie().filter((header) => header.startsWith("authjs.session-token"));
  return { body: (await response.json()) as { user?: { email?: string } } | null, sessionCookies };
}

async function sessionIdOf(cookie: string): Promise<string> {
  const user = await sessionUserFor(cookie);
  if (!user) throw new Error("expected a signed-in cookie");
  return user.sessionId;
}

describe("Auth.js's own sign-out ends the session everywhere", () => {
  it("ends the server-side session so the old cookie opens nothing, and audits the sign-out", async () => {
    const cookie = await signIn("sales@candor.test", "203.0.113.81");
    const sessionId = await sessionIdOf(cookie);

    // Auth.js refuses a sign-out without the csrf token paired with its cookie.
    const csrf = await handleAuthRequest(new Request(`${ORIGIN}/auth/csrf`, { headers: { cookie } }));
    const csrfCookie = new CookieJar().keep(csrf).header();
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await handleAuthRequest(
      new Request(`${ORIGIN}/auth/signout`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: [cookie, csrfCookie].filter(Boolean).join("; "),
          "x-candor-client-ip": "203.0.113.81",
        },
        body: new URLSearchParams({ csrfToken }),
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((header) => /^authjs\.session-token=;/.test(header))).toBe(true);

    // The cookie a thief copied before the sign-out no longer signs anyone in.
    expect(await sessionUserFor(cookie)).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: sessionId } })).toBeNull();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } });
    const events = await prisma.auditEvent.findMany({
      where: { action: "auth.signout", entityId: "sales@candor.test" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, ip: "203.0.113.81", entityType: "User" });
  });
});

describe("/auth/session answers from the server-side session", () => {
  it("reports a revoked session as signed out and clears its cookie", async () => {
    const cookie = await signIn("engineer@candor.test", "203.0.113.82");
    expect((await authSession(cookie)).body?.user?.email).toBe("engineer@candor.test");

    await prisma.session.deleteMany({ where: { id: await sessionIdOf(cookie) } });
    const { body, sessionCookies } = await authSession(cookie);
    expect(body).toBeNull();
    expect(sessionCookies.some((header) => /^authjs\.session-token=;/.test(header))).toBe(true);
  });

  it("reports the session of a deactivated user as signed out", async () => {
    const cookie = await signIn("overpromiser@candor.test", "203.0.113.83");
    expect((await authSession(cookie)).body?.user?.email).toBe("overpromiser@candor.test");

    await prisma.user.update({ where: { email: "overpromiser@candor.test" }, data: { active: false } });
    expect((await authSession(cookie)).body).toBeNull();
  });

  it("reports a session past its idle limit as signed out", async () => {
    const cookie = await signIn("manager@candor.test", "203.0.113.84");
    const sessionId = await sessionIdOf(cookie);
    await prisma.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - 24 * 3_600_000) },
    });
    expect((await authSession(cookie)).body).toBeNull();
  });
});

describe("a signed-in user's redirectTo on /login stays on Candor", () => {
  // As a browser sends them in the query string: %09 is a tab, %0A a newline, %5C a backslash.
  const hostile = [
    "/%09/evil.com",
    "/%0A/evil.com",
    "/%5Cevil.com",
    "/%20/evil.com",
    "/..//evil.com",
    "/claims%0D%0ASet-Cookie:%20stolen=1",
  ];

  it.each(hostile)(
    "sends a signed-in salesperson home instead of to %s, never off-site and never a 500",
    async (redirectTo) => {
      const cookie = await signIn("sales@candor.test", "203.0.113.85");
      const request = new Request(`${ORIGIN}/login?redirectTo=${redirectTo}`, { headers: { cookie } });
      const outcome = await settle(() => loginLoader({ request, params: {}, context: {} }));
      expect(outcome).toBeInstanceOf(Response);
      const response = outcome as Response;
      expect(response).toHaveRedirect("/home");
    },
  );
});

describe("the sign-in form's callbackUrl stays on Candor", () => {
  it.each(["/\r\nSet-Cookie: stolen=1", "/\t/evil.com", "/..//evil.com", "/login?redirectTo=/claims"])(
    "signs in and lands on Candor's front page instead of %j",
    async (callbackUrl) => {
      const { response, location, cookie } = await attemptSignIn("engineer@candor.test", "candor-demo", {
        clientIp: "203.0.113.86",
        callbackUrl,
      });
      expect(response.status).toBe(302);
      expect(location).toBe(`${ORIGIN}/`);
      expect(cookie).toMatch(/authjs\.session-token=/);
    },
  );
});
