import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

// The survey outbox's show-once link gets a Copy button once JavaScript runs (the link stays in
// its box to copy by hand without it), and "Replace link" asks before the old link stops working,
// with or without JavaScript. The deals list sorts on the server and shows labels, not codes.

/** Makes a link for the first survey without one; returns the link and the row's contact email. */
async function createLink(page: Page): Promise<{ link: string; email: string }> {
  await page.goto("/surveys/outbox");
  await page
    .getByRole("button", { name: /^Create link for / })
    .first()
    .click();
  const heading = page.getByRole("heading", { name: /^Survey link for / });
  const email = /\(([^)]+)\)\s*$/.exec((await heading.textContent()) ?? "")?.[1] ?? "";
  expect(email).toContain("@");
  return { link: await page.getByRole("textbox", { name: "Survey link" }).inputValue(), email };
}

test("the outbox copies the new link with one click, and asks before replacing it — also without JavaScript", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "manager");
  const { link, email } = await createLink(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Copied. Paste it into your email to the customer.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Without JavaScript (the same manager's session): no Copy button, the link box is still
  // there, and Replace asks first.
  const plain = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const manager = await plain.newPage();
  await manager.goto("/surveys/outbox");
  await expect(manager.getByRole("heading", { level: 1, name: "Survey outbox" })).toBeVisible();
  const row = manager.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: /^Replace link for / }).click();
  await expect(manager.getByRole("heading", { name: /^Replace the survey link for / })).toBeVisible();
  await expect(manager.getByText(/A new link makes it stop working at once/)).toBeVisible();

  // Nothing has changed yet: the customer's link still opens the survey.
  const customer = await browser.newPage();
  await customer.goto(link);
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Six months with");

  // Keeping it changes nothing; replacing it shows a new link, and the old one stops working.
  await manager.getByRole("link", { name: "Keep the current link" }).click();
  await expect(manager.getByRole("heading", { name: /^Replace the survey link for / })).toHaveCount(0);
  await manager
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("button", { name: /^Replace link for / })
    .click();
  await manager.getByRole("button", { name: "Replace the link" }).click();
  const replacement = await manager.getByRole("textbox", { name: "Survey link" }).inputValue();
  expect(replacement).not.toBe(link);
  await expect(manager.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await customer.goto(link);
  await expect(customer.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await customer.goto(replacement);
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Six months with");
  await customer.close();

  // Sent by hand: the survey moves below the unsent ones, where the outbox keeps sent surveys.
  await manager
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("button", { name: /^Mark as sent: / })
    .click();
  await expect(manager.getByText("Marked as sent.")).toBeVisible();
  await plain.close();
});

test("the deals list shows statuses as words and sorts by a column on the server", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, "manager");
  await page.goto("/deals?status=WON");
  const table = page.getByRole("table", { name: /Deals/ });
  await expect(table.getByRole("cell", { name: "Won", exact: true }).first()).toBeVisible();
  await expect(table.getByText("WON", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("WON");

  await table.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(page).toHaveURL(/status=WON/);
  const amounts = async () =>
    (await table.locator("tbody tr td.num").allTextContents()).map((text) => Number(text.replace(/[^0-9.]/g, "")));
  // The address changes as the navigation starts; the rows are read once the new page shows them.
  const sortedBy = (order: (a: number, b: number) => number) => async () => {
    const shown = await amounts();
    return shown.length > 1 && shown.every((value, index) => index === 0 || order(shown[index - 1] ?? 0, value) <= 0);
  };
  await expect.poll(sortedBy((a, b) => b - a)).toBe(true);
  const down = await amounts();

  await table.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=asc/);
  await expect.poll(sortedBy((a, b) => a - b)).toBe(true);
  const up = await amounts();
  expect(up[0]).toBeLessThanOrEqual(down.at(-1) ?? 0);
  expect(up[0]).toBeLessThan(down[0] ?? 0);
});
