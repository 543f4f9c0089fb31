import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { signInAs } from "./fixtures.ts";

const claimsTable = (page: Page) => page.getByRole("table", { name: /^Claims/ });
const filters = (page: Page) => page.getByRole("search", { name: "Filter claims" });

/** The view as a person sees it: the address, the sort, the columns, the first rows, the count. */
async function view(page: Page) {
  const table = claimsTable(page);
  return {
    url: page.url(),
    check: await filters(page).getByLabel("Matrix check").inputValue(),
    sortedBy: await table.locator("th[aria-sort]").textContent(),
    direction: await table.locator("th[aria-sort]").getAttribute("aria-sort"),
    headers: await table.locator("thead th").allTextContents(),
    firstRows: await table.locator("tbody tr").evaluateAll((rows) => rows.slice(0, 3).map((row) => row.textContent)),
    count: await page.getByRole("status").filter({ hasText: /Showing/ }).textContent(),
  };
}

test("a manager filters, sorts and hides a column; the address brings the same view back, and the export downloads it", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/claims");
  const table = claimsTable(page);
  await expect(table.getByRole("columnheader", { name: /Made/ })).toHaveAttribute("aria-sort", "descending");

  await filters(page).getByLabel("Matrix check").selectOption("OVERSTATES");
  await filters(page).getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]matrixCheck=OVERSTATES/);
  const checks = table.getByRole("cell", { name: /matrix/i });
  await expect(checks.first()).toHaveText("Overstates the matrix");
  expect(new Set(await checks.allTextContents())).toEqual(new Set(["Overstates the matrix"]));

  // Newest first is the default; one click on "Made" gives oldest first.
  await table.getByRole("link", { name: /^Made/ }).click();
  await expect(page).toHaveURL(/sort=madeAt&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /Made/ })).toHaveAttribute("aria-sort", "ascending");
  const dates = await table.locator("tbody th[scope=row] time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort()).toEqual(dates);

  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Team" }).uncheck();
  await expect(page).toHaveURL(/hide=team/);
  await expect(table.getByRole("columnheader", { name: "Team" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Account" })).toBeVisible();

  const before = await view(page);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Account" })).toBeVisible();
  expect(await view(page)).toEqual(before);
  expect(before.check).toBe("OVERSTATES");
  expect(before.headers).not.toContain("Team");

  const total = Number((before.count ?? "").match(/of ([\d,]+)/)?.[1]?.replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: `Export these ${total.toLocaleString("en-US")} claims as CSV` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^candor-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(await readFile(await download.path(), "utf8"));
  expect(header?.slice(0, 3)).toEqual(["Claim ID", "Made at (UTC)", "Salesperson"]);
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((row) => row[12]))).toEqual(new Set(["OVERSTATES"]));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters, sorting, paging and the Columns form are plain links and GET forms", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/claims?status=INACCURATE");
    const table = claimsTable(page);
    await table.getByRole("link", { name: /^Salesperson/ }).click();
    await expect(page).toHaveURL(/status=INACCURATE&sort=salesperson&dir=asc/);
    await expect(table.getByRole("columnheader", { name: /Salesperson/ })).toHaveAttribute("aria-sort", "ascending");

    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("Page 2 of")).toBeVisible();

    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Statement" }).uncheck();
    await page.getByRole("checkbox", { name: "Channel" }).uncheck();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/claims\?status=INACCURATE&sort=salesperson&dir=asc&page=2&hide=statement%2Cchannel$/);
    await expect(table.getByRole("columnheader", { name: "Statement" })).toHaveCount(0);

    await filters(page).getByLabel("Channel").selectOption("EMAIL");
    await filters(page).getByRole("button", { name: "Filter" }).click();
    // New filters start again at page 1 and keep the sort and the hidden columns.
    await expect(page).toHaveURL(/sort=salesperson&dir=asc&hide=statement%2Cchannel&status=INACCURATE/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(table.getByRole("columnheader", { name: /Salesperson/ })).toHaveAttribute("aria-sort", "ascending");

    await page.goto("/claims?matrixCheck=SOMETIMES");
    await expect(page.getByRole("note")).toContainText("Ignored the matrix check filter: “SOMETIMES” is not a value Candor knows.");
  });
});
