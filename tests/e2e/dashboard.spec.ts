import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

const figure = (page: Page, id: string) =>
  page.locator(`figure:has([data-chart="${id}"]), figure[aria-labelledby="${id}-caption"]`).first();
const drawing = (page: Page, id: string) =>
  page.locator(`[data-chart="${id}"] .recharts-wrapper > svg.recharts-surface`);

/** The number of drawn shapes (paths, circles, rects) inside a chart's SVG. */
async function shapeCount(svg: Locator): Promise<number> {
  return svg.evaluate(
    (element) =>
      [...element.querySelectorAll("path, circle, rect")].filter((shape) => {
        const box = (shape as SVGGraphicsElement).getBBox();
        return box.width > 0 || box.height > 0;
      }).length,
  );
}

test("a manager changes the period, sees drawn charts, and drills from the over-promiser's point into their claims", async ({
  page,
}, testInfo) => {
  await signInAs(page, "manager");
  await expect(page.getByRole("heading", { name: /^Key figures for \d{4}-Q\d$/ })).toBeVisible();
  const tiles = page.getByRole("list", { name: "Key figures" });
  await expect(tiles.getByText("Claim accuracy (weighted by severity)")).toBeVisible();

  // Change the period: the address and the figures follow.
  await page.getByLabel("Period", { exact: true }).selectOption("2026-Q3");
  await expect(page).toHaveURL(/[?&]period=2026-Q3/);
  await expect(page.getByRole("heading", { name: "Key figures for 2026-Q3" })).toBeVisible();
  await expect(tiles.getByText(/against 2026-Q2/).first()).toBeVisible();

  // Every chart is drawn: its SVG holds real shapes, and it has a caption and a table.
  for (const id of [
    "accuracy-vs-satisfaction",
    "accuracy-by-month",
    "misrepresented-capabilities",
    "quiz-scores",
    "verification-backlog",
  ]) {
    const svg = drawing(page, id);
    await expect(svg).toBeVisible();
    await expect.poll(() => shapeCount(svg), { message: `${id} draws shapes` }).toBeGreaterThan(3);
    await expect(figure(page, id).locator("figcaption")).not.toBeEmpty();
    await expect(figure(page, id).locator("details table")).toHaveCount(1);
  }
  await expect(drawing(page, "accuracy-vs-satisfaction").locator(".recharts-scatter-symbol")).not.toHaveCount(0);
  await expect(drawing(page, "verification-backlog").locator(".recharts-bar-rectangle")).not.toHaveCount(0);
  await expect(drawing(page, "accuracy-by-month").locator("circle")).not.toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("dashboard-charts.png"), fullPage: true });

  // The table fallback lists lowest accuracy first: that row is the over-promiser, and its link
  // is where a click on their point must lead.
  const scatter = figure(page, "accuracy-vs-satisfaction");
  const firstRow = scatter.locator("details table tbody tr").first();
  const name = (await firstRow.locator("th").textContent())?.trim() ?? "";
  expect(name).toBe("Brad Kessler");
  const href = (await firstRow.locator("td a").first().getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/claims\?salesperson=[^&]+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);

  // Click the leftmost point of the scatter (lowest accuracy), a real SVG shape.
  const points = drawing(page, "accuracy-vs-satisfaction").locator(
    ".recharts-scatter-symbol path, .recharts-scatter-symbol .recharts-symbols",
  );
  const boxes = await points.evaluateAll((shapes) => shapes.map((shape) => shape.getBoundingClientRect().x));
  const leftmost = boxes.indexOf(Math.min(...boxes));
  await points.nth(leftmost).click();
  await expect(page).toHaveURL(href);

  // The claims table shows that salesperson's claims only.
  const claims = page.getByRole("table", { name: /^Claims/ });
  await expect(claims.locator("tbody tr").first()).toBeVisible();
  const people = await claims
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td")[0]?.textContent ?? ""));
  expect(people.length).toBeGreaterThan(0);
  expect(new Set(people)).toEqual(new Set([name]));
  await expect(page.getByRole("status").filter({ hasText: /Showing/ })).toBeVisible();
});

test("a bar of the verification backlog leads to the pending claims of that age", async ({ page }) => {
  await signInAs(page, "manager");
  const svg = drawing(page, "verification-backlog");
  await expect(svg.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const link = figure(page, "verification-backlog").locator("details table tbody a").first();
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/claims\?status=PENDING/);
  // Keyboard users open the table and follow its link.
  await figure(page, "verification-backlog").locator("summary").click();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(href);
  const verdicts = page.getByRole("table", { name: /^Claims/ }).locator("tbody tr");
  await expect(verdicts.first()).toContainText("Pending");
});

test("the team scorecard sorts, links each row to the person's page, and exports CSV", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("link", { name: /^Team scorecard/ }).click();
  await expect(page.getByRole("heading", { name: /^Team scorecard/ })).toBeVisible();
  const table = page.getByRole("table", { name: /^Team scorecard/ });
  await expect(table.getByRole("columnheader", { name: /Accuracy/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr").first().locator("th")).toContainText("Brad Kessler");
  await table.getByRole("link", { name: /^Claims logged/ }).click();
  await expect(page).toHaveURL(/sort=claims&dir=desc/);
  await page.getByLabel("Name contains").fill("kessler");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^candor-scorecard-.*\.csv$/);
  await table.getByRole("link", { name: "Brad Kessler" }).click();
  await expect(page).toHaveURL(/\/people\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Brad Kessler/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Compensation statements" })).toBeVisible();
});
