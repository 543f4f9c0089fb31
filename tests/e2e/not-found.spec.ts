import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

// An address no page has (PRODUCT.md §3, "Addresses"): a plain "Page not found" with the app's
// navigation and a way home for someone signed in; a sign-in for a visitor, as for every page,
// so nothing tells them which addresses exist; the JSON API and Auth.js keep their own answers.

test("a signed-in person at an unknown address reads 'Page not found' inside the app, with its navigation and a way home", async ({
  page,
}) => {
  await signInAs(page, "manager");
  for (const address of ["/no-such-page", "/claims/not-a-claim/extra", "/comp/2026-Q3/someone/else"]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("There is no page at this address.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Candor");
    expect(await page.content()).not.toContain("No route matches");
  }
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL("/dashboard");
});

test("following a link to an unknown address inside the app shows the same page, not a blank one", async ({ page }) => {
  await signInAs(page, "sales");
  // Once the home page has settled (a later render of <main> would drop a link put inside it),
  // a link of the page's own leads to an address no page has.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => {
    const link = document.createElement("a");
    link.href = "/not/a/real/page";
    link.textContent = "Somewhere";
    document.body.append(link);
  });
  await page.getByRole("link", { name: "Somewhere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("a visitor who is not signed in is sent to sign in, for an unknown address as for a real one", async ({
  page,
}) => {
  for (const address of ["/no-such-page", "/claims"]) {
    await page.goto(address);
    await expect(page).toHaveURL(
      new RegExp(`/login\\?redirectTo=${encodeURIComponent(address).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  }
});

test("the JSON API and Auth.js keep their own answers for addresses they do not have", async ({ request }) => {
  const api = await request.get("/api/v1/no-such-thing");
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toMatch(/application\/json/);
  expect(await api.text()).not.toContain("Page not found");
  const session = await request.get("/auth/session");
  expect(session.status()).toBe(200);
  expect(session.headers()["content-type"]).toMatch(/application\/json/);
});
