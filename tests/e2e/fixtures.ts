import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "candor-demo";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@candor.test", home: "/dashboard" },
  manager: { email: "manager@candor.test", home: "/dashboard" },
  engineer: { email: "engineer@candor.test", home: "/engineering" },
  sales: { email: "sales@candor.test", home: "/home" },
  overpromiser: { email: "overpromiser@candor.test", home: "/home" },
} as const;

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, startAt = "/login") {
  await page.goto(startAt);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs a demo account in by cookie: Auth.js's own endpoints, called through the page's request
 * context (which shares the browser's cookies), then the account's home. The sign-in page itself
 * is tested in sign-in.spec.ts with `signIn`; everything else starts signed in, fast.
 */
export async function signInAs(page: Page, role: keyof typeof DEMO_ACCOUNTS) {
  const account = DEMO_ACCOUNTS[role];
  const csrf = await page.request.get("/auth/csrf");
  expect(csrf.ok(), "Auth.js answers /auth/csrf").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await page.request.post("/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: DEMO_PASSWORD, callbackUrl: account.home },
    maxRedirects: 0,
  });
  expect(answer.status(), `signing in ${account.email} redirects`).toBe(302);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((cookie) => cookie.name.endsWith("session-token")),
    `${account.email} has a session cookie`,
  ).toBe(true);
  await page.goto(account.home);
  await expect(page).toHaveURL(account.home);
}

/** A page in a browser context of its own (on `baseURL`, or the configured Candor) with `role` signed in. */
export async function pageAs(browser: Browser, role: keyof typeof DEMO_ACCOUNTS, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL === undefined ? {} : { baseURL });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** Pages forward through a paginated list (its "Next" link) until `target` is on screen. */
export async function pageUntilVisible(page: Page, target: Locator, timeout = 30_000) {
  const next = page.getByRole("link", { name: "Next" });
  await expect(async () => {
    if (await target.isVisible()) return;
    await next.click({ timeout: 2_000 });
    await expect(target).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout });
}

/**
 * A fresh survey link from the outbox of the signed-in manager: the first survey without a link,
 * or else the first one's link replaced (after the confirmation). The link is shown once.
 */
export async function newSurveyLink(page: Page): Promise<string> {
  await page.goto("/surveys/outbox");
  const create = page.getByRole("button", { name: /^Create link for / });
  if ((await create.count()) > 0) {
    await create.first().click();
  } else {
    await page
      .getByRole("button", { name: /^Replace link for / })
      .first()
      .click();
    await page.getByRole("button", { name: "Replace the link" }).click();
  }
  await expect(page.getByRole("status").filter({ hasText: "Copy it now" })).toBeVisible();
  const link = await page.getByRole("textbox", { name: "Survey link" }).inputValue();
  expect(link).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);
  return link;
}
