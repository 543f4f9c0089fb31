import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

// What the production server promises on every response (docs/security.md), checked against
// the real build in Chromium.

function collectPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("every role's pages run under the Content-Security-Policy without a violation", async ({ page }) => {
  const violations = collectPolicyViolations(page);
  await signInAs(page, "manager");
  await page.goto("/dashboard");
  // The charts render only in the browser, so they prove the nonce-carrying scripts ran.
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  for (const path of ["/claims", "/comp", "/capabilities", "/quizzes"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("inline scripts carry the response's nonce and nothing else runs inline", async ({ request }) => {
  const response = await request.get("/login");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("the sign-in page, signed-in pages and exports are never cached", async ({ page }) => {
  const login = await page.request.get("/login");
  expect(login.headers()["cache-control"]).toMatch(/no-store/);
  await signInAs(page, "admin");
  for (const path of ["/dashboard", "/admin/users", "/comp", "/claims.csv", "/dashboard/scorecard.csv"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toMatch(/no-store/);
  }
});

test("an oversized sign-in body is refused with 413 before it is read", async ({ request }) => {
  const response = await request.post("/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(600 * 1024)}&password=x`,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/larger than Candor accepts here/);
  expect((await request.get("/healthz")).status()).toBe(200);
});

test("a forged X-Forwarded-Proto neither signs the user out nor changes the cookie", async ({ page }) => {
  await signInAs(page, "sales");
  const response = await page.request.get("/home", { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session-token=;/);
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

test("a sign-out posted from another site is refused and the session survives", async ({ page }) => {
  await signInAs(page, "engineer");
  const refused = await page.request.post("/logout", { headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toMatch(/did not come from a Candor page/);
  await page.goto("/engineering");
  await expect(page).toHaveURL("/engineering");
});
