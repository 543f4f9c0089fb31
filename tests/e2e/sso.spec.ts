import { expect, test, type Page } from "@playwright/test";

// tests/e2e/server.ts starts a real OpenID Provider (oidc-provider) beside Candor and points
// OIDC_* at it; its development login form takes the account's login and any password.
async function signInWithCompanyAccount(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Candor Corp SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password the provider accepts");
  await page.locator('button[type="submit"]').click();
}

test("a demo user signs in with the company's identity provider and lands on their home", async ({ page }) => {
  await signInWithCompanyAccount(page, "sales@candor.test");
  await expect(page).toHaveURL("/home");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("an email Candor does not know is refused with a sentence on the sign-in page", async ({ page }) => {
  await signInWithCompanyAccount(page, "stranger@candor.test");
  await expect(page).toHaveURL(/\/login\?.*code=sso_unknown/);
  await expect(page.getByRole("alert")).toHaveText(
    "Your single sign-on account is not a Candor user. Ask your Candor admin to add you with the email address your company account uses.",
  );
  await expect(page.getByRole("button", { name: "Candor Corp SSO" })).toBeVisible();
});
