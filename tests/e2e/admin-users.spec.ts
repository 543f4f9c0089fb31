import { expect, test } from "@playwright/test";
import { signIn, signInAs } from "./fixtures.ts";

test("an admin creates a salesperson, who signs in, and is thrown out on the next request once deactivated", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill("Dana Whitfield");
  await form.getByLabel("Email").fill("Dana.Whitfield@candor.test");
  await form.getByLabel("Role").selectOption("SALES");
  await form.getByLabel("Team").selectOption({ index: 1 });
  await form.getByLabel("Target bonus").fill("15000");
  await form.getByLabel("Initial password").fill("a-long-first-password");
  await form.getByRole("button", { name: "Create user" }).click();
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
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New user" });
  await form.getByLabel("Name").fill("Second Manager Account");
  await form.getByLabel("Email").fill("manager@candor.test");
  await form.getByLabel("Role").selectOption("MANAGER");
  await form.getByLabel("Initial password").fill("another-long-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText(/already/i)).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Second Manager Account");
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});
