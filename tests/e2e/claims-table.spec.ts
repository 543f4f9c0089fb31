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
    count: await page
      .getByRole("status")
      .filter({ hasText: /Showing/ })
      .textContent(),
  };
}

test("a manager filters, sorts and hides a column; the address brings the same view back, and the export downloads it", async ({
  page,
}) => {
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
  const dates = await table
    .locator("tbody th[scope=row] time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
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
  // The export uses the screen's words (labels, not codes).
  expect(header?.slice(0, 3)).toEqual(["Claim ID", "Made on", "Salesperson"]);
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((row) => row[12]))).toEqual(new Set(["Overstates the matrix"]));
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
    await expect(page).toHaveURL(
      /\/claims\?status=INACCURATE&sort=salesperson&dir=asc&page=2&hide=statement%2Cchannel$/,
    );
    await expect(table.getByRole("columnheader", { name: "Statement" })).toHaveCount(0);

    await filters(page).getByLabel("Channel").selectOption("EMAIL");
    await filters(page).getByRole("button", { name: "Filter" }).click();
    // New filters start again at page 1 and keep the sort and the hidden columns.
    await expect(page).toHaveURL(/sort=salesperson&dir=asc&hide=statement%2Cchannel&status=INACCURATE/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(table.getByRole("columnheader", { name: /Salesperson/ })).toHaveAttribute("aria-sort", "ascending");

    await page.goto("/claims?matrixCheck=SOMETIMES");
    await expect(page.getByRole("note")).toContainText(
      "Ignored the matrix check filter: “SOMETIMES” is not a value Candor knows.",
    );
  });
});

test.describe("fitting the screen", () => {
  const headerRight = (page: Page, name: string) =>
    claimsTable(page)
      .locator("thead th")
      .filter({ hasText: new RegExp(`^${name}`) })
      .evaluate((th) => th.getBoundingClientRect().right);
  const pageWidth = (page: Page) =>
    page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  /** The claims list as `role` sees it in a window of `width` × `height` px. */
  const openClaimsAt = async (page: Page, role: Parameters<typeof signInAs>[1], width: number, height: number) => {
    await page.setViewportSize({ width, height });
    await signInAs(page, role);
    await page.goto("/claims");
  };

  test("at 1440 px every column of a manager's table is on screen; a long statement is clamped and opens on demand", async ({
    page,
  }, testInfo) => {
    await openClaimsAt(page, "manager", 1440, 900);
    const table = claimsTable(page);
    await expect(table.getByRole("columnheader", { name: /Salesperson/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Team" })).toBeVisible();
    for (const name of ["Verdict", "Severity", "Verified"])
      expect(await headerRight(page, name), name).toBeLessThanOrEqual(1440);
    expect(await pageWidth(page)).toEqual({ scrollWidth: 1440, innerWidth: 1440 });
    // Nothing left to scroll, so the table's box is no Tab stop.
    const scroller = page.getByRole("region", { name: "Claims" });
    await expect(scroller).not.toHaveAttribute("tabindex", "0");
    await testInfo.attach("claims-1440.png", { body: await page.screenshot(), contentType: "image/png" });

    const cell = table
      .locator("tbody td")
      .filter({ has: page.locator("summary", { hasText: "Show all" }) })
      .first();
    const text = cell.locator(".clamp-text");
    const clamped = await text.evaluate((element) => ({ height: element.clientHeight, full: element.scrollHeight }));
    expect(clamped.full).toBeGreaterThan(clamped.height);
    const lineHeight = await text.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect(Math.round(clamped.height / lineHeight)).toBeLessThanOrEqual(3);
    await cell.getByText("Show all").click();
    await expect(cell.getByText("Show less")).toBeVisible();
    expect(await text.evaluate((element) => element.clientHeight)).toBeGreaterThan(clamped.height);
    await cell.getByText("Show less").click();
    await expect(cell.getByText("Show all")).toBeVisible();
    expect(await text.evaluate((element) => element.clientHeight)).toBe(clamped.height);
  });

  test("where the table must scroll sideways, its box is a named region a keyboard can scroll; the page never scrolls", async ({
    page,
  }) => {
    await openClaimsAt(page, "engineer", 900, 900);
    const scroller = page.getByRole("region", { name: "Claims" });
    await expect(scroller).toHaveAttribute("tabindex", "0");
    expect(await pageWidth(page)).toEqual({ scrollWidth: 900, innerWidth: 900 });
    await scroller.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  test("at 390 px each claim is a card of labelled fields, the sort controls stay, and the page is no wider than the phone", async ({
    page,
  }, testInfo) => {
    await openClaimsAt(page, "manager", 390, 844);
    const table = claimsTable(page);
    expect(await pageWidth(page)).toEqual({ scrollWidth: 390, innerWidth: 390 });
    const firstRow = table.locator("tbody tr").first();
    expect(await firstRow.evaluate((row) => getComputedStyle(row).display)).toBe("block");
    const rowBox = await firstRow.boundingBox();
    expect((rowBox?.x ?? -1) >= 0 && (rowBox?.x ?? 0) + (rowBox?.width ?? 999) <= 390).toBe(true);
    // Every field carries its column's name, drawn beside the value.
    const labels = await firstRow
      .locator("td, th")
      .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
    expect(labels).toEqual(expect.arrayContaining(['"Verdict"', '"Severity"', '"Salesperson"', '"Matrix check"']));
    // The fields stack: the verdict sits below the made date, not beside it.
    const made = await firstRow.locator("th[scope=row]").boundingBox();
    const verdict = await firstRow.locator("td[data-label=Verdict]").boundingBox();
    expect((verdict?.y ?? 0) > (made?.y ?? 0)).toBe(true);
    await expect(table.getByRole("link", { name: /^Verdict\s*, sort/ })).toBeVisible();
    await testInfo.attach("claims-390.png", {
      body: await page.screenshot({ fullPage: false }),
      contentType: "image/png",
    });
    await firstRow.scrollIntoViewIfNeeded();
    await testInfo.attach("claims-390-card.png", { body: await page.screenshot(), contentType: "image/png" });

    await table.getByRole("link", { name: /^Verdict\s*, sort/ }).click();
    await expect(page).toHaveURL(/sort=status/);
  });

  test("a salesperson's table leaves out the salesperson and team columns, which would only repeat them", async ({
    page,
  }) => {
    await openClaimsAt(page, "sales", 1440, 900);
    // A salesperson's table is captioned "Your claims".
    const headers = await page
      .getByRole("table", { name: /^Your claims/ })
      .locator("thead th")
      .allTextContents();
    expect(headers.some((header) => header.startsWith("Salesperson"))).toBe(false);
    expect(headers).not.toContain("Team");
    expect(headers.some((header) => header.startsWith("Verdict"))).toBe(true);
    await page.getByText("Columns", { exact: true }).click();
    await expect(page.getByRole("checkbox", { name: "Team" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Salesperson" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Account" })).toBeVisible();
  });
});
