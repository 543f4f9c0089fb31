import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./fixtures.ts";

/** The admin's "New user" form on /admin/users, filled in and sent; resolves to the form. */
async function createUserAsAdmin(
  page: Page,
  user: { name: string; email: string; role: string; password: string; team?: { index: number }; targetBonus?: string },
) {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Role").selectOption(user.role);
  if (user.team) await form.getByLabel("Team").selectOption(user.team);
  if (user.targetBonus) await form.getByLabel("Target bonus").fill(user.targetBonus);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  return form;
}

test("an admin creates a salesperson, who signs in, and is thrown out on the next request once deactivated", async ({
  page,
  browser,
}) => {
  await createUserAsAdmin(page, {
    name: "Dana Whitfield",
    email: "Dana.Whitfield@candor.test",
    role: "SALES",
    team: { index: 1 },
    targetBonus: "15000",
    password: "a-long-first-password",
  });
  await expect(page.getByRole("status").filter({ hasText: /created/i })).toBeVisible();

  // The new salesperson signs in in a browser of their own (the email is stored lower-cased).
  const theirContext = await browser.newContext();
  const theirPage = await theirContext.newPage();
  await signIn(theirPage, "dana.whitfield@candor.test", "a-long-first-password");
  await expect(theirPage).toHaveURL("/home");

  await page.goto("/admin/users?q=dana");
  await page.getByRole("link", { name: "Dana Whitfield" }).click();
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();

  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login\?redirectTo=%2Fhome/);
  await signIn(theirPage, "dana.whitfield@candor.test", "a-long-first-password");
  await expect(theirPage.getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await theirContext.close();
});

test("a duplicate email is refused next to the email field, and nothing typed is lost", async ({ page }) => {
  const form = await createUserAsAdmin(page, {
    name: "Second Manager Account",
    email: "manager@candor.test",
    role: "MANAGER",
    password: "another-long-password",
  });
  await expect(form.getByText(/already/i)).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Second Manager Account");
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});
