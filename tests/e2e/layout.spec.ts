// The signed-in layout fits the screen: the navigation is one row at 1440 px for every role
// (less-used pages under disclosure menus that work without JavaScript), a skip link is the
// first Tab stop, toasts never cover the header, and the charts keep every axis label.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DEMO_ACCOUNTS, signInAs } from "./fixtures.ts";

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** The distinct tops of the navigation's entries: one value means one row. */
async function navRowTops(page: Page): Promise<number[]> {
  return mainNav(page)
    .locator(":scope > ul > li")
    .evaluateAll((items) => [
      ...new Set(items.map((item) => Math.round((item as HTMLElement).getBoundingClientRect().top))),
    ]);
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

for (const role of ["sales", "engineer", "manager", "admin"] as const) {
  test(`the navigation of a ${role} is one row at 1440 px and wraps without overflow at 390 px`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(WIDE);
    await signInAs(page, role);
    await expect(mainNav(page).getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    const tops = await navRowTops(page);
    expect(tops, `entries of the ${role}'s navigation start at ${tops.join(", ")} px`).toHaveLength(1);
    // The whole header is one row too: the name and "Sign out" sit beside the navigation.
    const header = await page.locator("header.shell-header").boundingBox();
    expect(header?.height ?? 0).toBeLessThan(64);
    await attachScreenshot(page, testInfo, `${role}-nav-1440.png`);

    await page.setViewportSize(PHONE);
    await page.goto(DEMO_ACCOUNTS[role].home);
    expect(await pageWidth(page)).toEqual({ scrollWidth: PHONE.width, innerWidth: PHONE.width });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await attachScreenshot(page, testInfo, `${role}-nav-390.png`);
  });
}

test("an admin reaches the grouped pages through the menus, and the menu holding the current page is marked", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signInAs(page, "admin");
  const nav = mainNav(page);
  const adminMenu = nav.locator("details", { has: page.locator("summary", { hasText: "Admin" }) });
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  await adminMenu.locator("summary").click();
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Following the link closed the menu; its summary says the current page is inside.
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  await expect(adminMenu).toHaveClass(/\bactive\b/);
  await expect(adminMenu.locator("summary")).toContainText("current page is here");
  await adminMenu.locator("summary").click();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");

  // Escape closes an open menu and gives focus back to its summary.
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  await expect(adminMenu.locator("summary")).toBeFocused();

  // A click anywhere else closes it too.
  const customers = nav.locator("details", { has: page.locator("summary", { hasText: "Customers" }) });
  await customers.locator("summary").click();
  await expect(nav.getByRole("link", { name: "Deals" })).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(nav.getByRole("link", { name: "Deals" })).toBeHidden();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the navigation menus open and their pages load", async ({ page }) => {
    await page.setViewportSize(WIDE);
    await signInAs(page, "manager");
    const nav = mainNav(page);
    await nav.locator("summary", { hasText: "Reports" }).click();
    await nav.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await nav.locator("summary", { hasText: "Customers" }).click();
    await nav.getByRole("link", { name: "Surveys" }).click();
    await expect(page).toHaveURL(/\/surveys$/);
  });
});

test("the first Tab stop is the skip link, shown on focus, and Enter moves focus to the page's main content", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signInAs(page, "engineer");
  await page.goto("/claims");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const box = await skip.boundingBox();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab goes into the page, past the navigation.
  await page.keyboard.press("Tab");
  const inHeader = await page.evaluate(() => Boolean(document.activeElement?.closest("header")));
  expect(inHeader).toBe(false);
});

for (const viewport of [WIDE, PHONE]) {
  test(`a toast at ${viewport.width} px does not cover the header or "Sign out", and can be dismissed`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await signInAs(page, "admin");
    await page.goto("/admin/products");
    await page.locator("main table tbody a").first().click();
    await expect(page).toHaveURL(/\/admin\/products\/[^/]+$/);
    await page.getByRole("button", { name: "Save product" }).click();
    const toast = page.locator(".toast");
    await expect(page.getByRole("status").filter({ hasText: "Product saved." })).toBeVisible();
    await attachScreenshot(page, testInfo, `toast-${viewport.width}.png`);

    const toastBox = await toast.boundingBox();
    const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
    const header = await page.locator("header.shell-header").boundingBox();
    expect(toastBox && signOut && header).toBeTruthy();
    if (!toastBox || !signOut || !header) return;
    const overlaps = (a: typeof toastBox, b: typeof toastBox) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(toastBox, signOut)).toBe(false);
    expect(overlaps(toastBox, header)).toBe(false);
    // "Sign out" is still the element under its own centre, so it can be clicked.
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? null,
      { x: signOut.x + signOut.width / 2, y: signOut.y + signOut.height / 2 },
    );
    expect(onTop).toBe("Sign out");

    await page.getByRole("button", { name: "Dismiss message" }).click();
    await expect(toast).toHaveCount(0);
  });
}

test("the charts keep every axis label, and the scatter's tooltip names the salesperson", async ({
  page,
}, testInfo) => {
  for (const viewport of [WIDE, PHONE]) {
    await page.setViewportSize(viewport);
    if (viewport === WIDE) await signInAs(page, "manager");
    else await page.reload();
    const backlog = page.locator('[data-chart="verification-backlog"]');
    await expect(backlog.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // One label per age bucket, every bucket of the figure's table named under its bar.
    const buckets = await page
      .locator('figure[aria-labelledby="verification-backlog-caption"] details table tbody th')
      .allTextContents();
    const labels = await backlog.locator(".recharts-xAxis-tick-labels text").allTextContents();
    expect(labels).toHaveLength(buckets.length);
    expect(labels.map((label) => label.replace(/\s+/g, ""))).toEqual(
      buckets.map((bucket) => bucket.replace(/ ago$/, "").replace(/\s+/g, "")),
    );

    const histogram = page.locator('[data-chart="quiz-scores"]');
    const bins = await page
      .locator('figure[aria-labelledby="quiz-scores-caption"] details table tbody th')
      .allTextContents();
    await expect(histogram.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label")).toHaveCount(
      bins.length,
    );
    const months = await page
      .locator('figure[aria-labelledby="accuracy-by-month-caption"] details table tbody th')
      .count();
    await expect(
      page.locator('[data-chart="accuracy-by-month"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label'),
    ).toHaveCount(months);
    // No tick label overlaps its neighbour.
    for (const chart of ["verification-backlog", "quiz-scores", "accuracy-by-month"]) {
      const boxes = await page
        .locator(`[data-chart="${chart}"] .recharts-xAxis-tick-labels text`)
        .evaluateAll((texts) =>
          texts.map((text) => text.getBoundingClientRect()).map(({ left, right }) => ({ left, right })),
        );
      const slanted = await page
        .locator(`[data-chart="${chart}"] .recharts-xAxis-tick-labels text[transform*="rotate"]`)
        .count();
      if (slanted === 0) {
        for (let index = 1; index < boxes.length; index++) {
          expect(boxes[index]?.left ?? 0, `${chart} label ${index} at ${viewport.width} px`).toBeGreaterThanOrEqual(
            (boxes[index - 1]?.right ?? 0) - 1,
          );
        }
      }
    }
    await attachScreenshot(page, testInfo, `dashboard-charts-${viewport.width}.png`);
  }

  await page.setViewportSize(WIDE);
  await page.reload();
  const scatter = page.locator('[data-chart="accuracy-vs-satisfaction"]');
  const names = await page
    .locator('figure[aria-labelledby="accuracy-vs-satisfaction-caption"] details table tbody th')
    .allTextContents();
  const point = scatter.locator(".recharts-scatter-symbol").first();
  await point.hover();
  const tooltip = scatter.locator(".chart-tooltip");
  await expect(tooltip).toBeVisible();
  const named = (await tooltip.locator(".chart-tooltip-title").textContent())?.trim() ?? "";
  expect(names.map((name) => name.trim())).toContain(named);
  await expect(tooltip).toContainText("Claim accuracy:");
  await expect(tooltip).toContainText("Six-month satisfaction:");
});
