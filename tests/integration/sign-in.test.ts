import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { getSessionUser } from "../../app/services/session.server.ts";
import { attemptSignIn as attempt, ORIGIN } from "./support/sign-in.ts";

/** Signs in as the sign-in form does, from client address `ip`, heading for /claims. */
const attemptSignIn = (email: string, password: string, ip = "203.0.113.7") =>
  attempt(email, password, { clientIp: ip, callbackUrl: "/claims" });

const sessionUserFor = (cookie: string) => getSessionUser(new Request(`${ORIGIN}/`, { headers: { cookie } }));

describe("sign-in", () => {
  it("signs a demo account in, sends it where it was going, and audits the success", async () => {
    const { response, location, cookie } = await attemptSignIn("manager@candor.test", "candor-demo");
    expect(response.status).toBe(302);
    expect(location).toBe(`${ORIGIN}/claims`);
    expect(cookie).toMatch(/authjs\.session-token=/);
    const sessionCookie = response.headers.getSetCookie().find((header) => header.startsWith("authjs.session-token="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/Secure/i);
    const user = await sessionUserFor(cookie);
    expect(user?.email).toBe("manager@candor.test");
    const event = await prisma.auditEvent.findFirst({
      where: { action: "auth.signin.success", entityId: "manager@candor.test" },
    });
    expect(event?.actorId).toBe(user?.id);
  });

  it("gives a wrong password, an unknown email and a deactivated account the same answer", async () => {
    await prisma.user.update({ where: { email: "overpromiser@candor.test" }, data: { active: false } });
    const attempts = await Promise.all([
      attemptSignIn("engineer@candor.test", "wrong-password", "198.51.100.1"),
      attemptSignIn("nobody@candor.test", "candor-demo", "198.51.100.2"),
      attemptSignIn("overpromiser@candor.test", "candor-demo", "198.51.100.3"),
    ]);
    for (const attempt of attempts) {
      const url = new URL(attempt.location);
      expect(url.pathname).toBe("/login");
      expect(url.searchParams.get("error")).toBe("CredentialsSignin");
      expect(url.searchParams.get("code")).toBe("credentials");
      expect(url.searchParams.get("redirectTo")).toBe("/claims");
      expect(attempt.cookie).not.toMatch(/session-token/);
    }
    const reasons = await prisma.auditEvent.findMany({
      where: { action: "auth.signin.failure", ip: { startsWith: "198.51.100." } },
      select: { entityId: true, afterJson: true },
    });
    expect(reasons.map((r) => [r.entityId, JSON.parse(r.afterJson ?? "{}").reason]).sort()).toEqual([
      ["engineer@candor.test", "wrong-password"],
      ["nobody@candor.test", "unknown-email"],
      ["overpromiser@candor.test", "deactivated"],
    ]);
  });

  it("refuses the 6th rapid failure for one email with a try-again-in message code", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { location } = await attemptSignIn("sales@candor.test", `wrong-${attempt}`, `192.0.2.${attempt}`);
      expect(new URL(location).searchParams.get("code")).toBe("credentials");
    }
    // Even the right password is refused while the email is throttled.
    const sixth = await attemptSignIn("sales@candor.test", "candor-demo", "192.0.2.99");
    expect(new URL(sixth.location).searchParams.get("code")).toBe("throttled_15");
    expect(sixth.cookie).not.toMatch(/session-token/);
    // Another account from the same addresses is unaffected.
    const other = await attemptSignIn("engineer@candor.test", "candor-demo", "192.0.2.1");
    expect(other.cookie).toMatch(/session-token/);
  });

  it("throttles one address that fails across many emails", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      await attemptSignIn(`guess-${attempt}@candor.test`, "candor-demo", "203.0.113.250");
    }
    const next = await attemptSignIn("admin@candor.test", "candor-demo", "203.0.113.250");
    expect(new URL(next.location).searchParams.get("code")).toMatch(/^throttled_\d+$/);
  });
});

it("marks the session cookie Secure behind HTTPS", async () => {
  const { response } = await attempt("engineer@candor.test", "candor-demo", {
    clientIp: "10.9.9.9",
    origin: "https://candor.test",
  });
  const sessionCookie = response.headers
    .getSetCookie()
    .find((header) => header.startsWith("__Secure-authjs.session-token="));
  expect(sessionCookie).toMatch(/; Secure/i);
  expect(sessionCookie).toMatch(/HttpOnly/i);
});

describe("the session is checked against the database on every request", () => {
  it("ends at once when the user is deactivated or their sessions are removed", async () => {
    const first = await attemptSignIn("admin@candor.test", "candor-demo", "10.0.0.1");
    expect((await sessionUserFor(first.cookie))?.role).toBe("ADMIN");

    await prisma.session.deleteMany({ where: { user: { email: "admin@candor.test" } } });
    expect(await sessionUserFor(first.cookie)).toBeNull();

    const second = await attemptSignIn("admin@candor.test", "candor-demo", "10.0.0.1");
    expect(await sessionUserFor(second.cookie)).not.toBeNull();
    await prisma.user.update({ where: { email: "admin@candor.test" }, data: { active: false } });
    expect(await sessionUserFor(second.cookie)).toBeNull();
  });

  it("ends after the idle limit", async () => {
    const { cookie } = await attemptSignIn("engineer@candor.test", "candor-demo", "10.0.0.2");
    const user = await sessionUserFor(cookie);
    expect(user).not.toBeNull();
    await prisma.session.updateMany({
      where: { userId: user?.id },
      data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) },
    });
    expect(await sessionUserFor(cookie)).toBeNull();
  });

  it("ignores a forged or tampered cookie", async () => {
    const { cookie } = await attemptSignIn("engineer@candor.test", "candor-demo", "10.0.0.3");
    const tampered = cookie.replace(/(authjs\.session-token=)([^;]{10})/, "$1AAAAAAAAAA");
    expect(await sessionUserFor(tampered)).toBeNull();
  });

  it("is checked once per HTTP request, though each loader gets its own copy of the Request", async () => {
    const { cookie } = await attemptSignIn("engineer@candor.test", "candor-demo", "10.0.0.4");
    const copy = (requestId: string) =>
      new Request(`${ORIGIN}/claims`, { headers: { cookie, "x-request-id": requestId } });
    expect(await getSessionUser(copy("request-1"))).not.toBeNull();
    await prisma.session.deleteMany({ where: { user: { email: "engineer@candor.test" } } });
    // The layout's and the page's loaders of the same request share the first answer…
    expect(await getSessionUser(copy("request-1"))).not.toBeNull();
    // …and the next request reads the database again and finds the session gone.
    expect(await getSessionUser(copy("request-2"))).toBeNull();
  });
});

it("answers a sign-in posted without its csrf token with the sign-in page's error, logging nothing", async () => {
  const { handleAuthRequest } = await import("../../app/services/auth.server.ts");
  const response = await handleAuthRequest(
    new Request(`${ORIGIN}/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-candor-client-ip": "10.9.9.10" },
      body: new URLSearchParams({ email: "engineer@candor.test", password: "candor-demo" }),
    }),
  );
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "", ORIGIN);
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("error")).toBe("MissingCSRF");
  expect(response.headers.getSetCookie().some((cookie) => /session-token=[^;]/.test(cookie))).toBe(false);
});
