import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn, signInAs } from "./fixtures.ts";

for (const [role, account] of Object.entries(DEMO_ACCOUNTS)) {
  test(`${role} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(account.home);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
}

test("an anonymous visitor is sent to sign-in and brought back to the page they asked for", async ({ page }) => {
  await page.goto("/admin/users?role=SALES");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers%3Frole%3DSALES/);
  await page.getByLabel("Email").fill(DEMO_ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill("candor-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin/users?role=SALES");
});

test("a wrong password gets a plain message and keeps the page asked for", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.engineer.email, "not-the-password", "/login?redirectTo=%2Fengineering");
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/redirectTo=%2Fengineering/);
});

test("a salesperson is refused an admin page with a plain 403", async ({ page }) => {
  await signInAs(page, "sales");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("You do not have permission")).toBeVisible();
});

test("navigation shows only what the role may use", async ({ page }) => {
  await signInAs(page, "sales");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "engineer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/engineering");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fengineering/);
});

const SIGNED_IN_PAGES = [
  "/",
  "/home",
  "/engineering",
  "/dashboard",
  "/audit",
  "/admin/users",
  "/admin/teams",
  "/admin/products",
  "/admin/users/some-id",
];
const ADMIN_PAGES = ["/admin/users", "/admin/teams", "/admin/products"];

test("every page but sign-in sends an anonymous request to sign-in", async ({ request }) => {
  for (const path of SIGNED_IN_PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers()["location"], path).toMatch(/^\/login(\?redirectTo=|$)/);
  }
  expect((await request.get("/login")).status()).toBe(200);
  expect(await (await request.get("/healthz")).text()).toBe("ok");
});

test("a salesperson gets 403 from every admin page and every admin action", async ({ page }) => {
  await signInAs(page, "sales");
  for (const path of ADMIN_PAGES) {
    expect((await page.request.get(path)).status(), `GET ${path}`).toBe(403);
    const post = await page.request.post(path, { form: { intent: "create", name: "x" }, maxRedirects: 0 });
    expect(post.status(), `POST ${path}`).toBe(403);
    expect(await post.text()).toContain("You do not have permission");
  }
  const post = await page.request.post("/admin/users/any-user", { form: { intent: "deactivate" }, maxRedirects: 0 });
  expect(post.status()).toBe(403);
});
