import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { newSurveyLink, signInAs } from "./fixtures.ts";
import { surveyAnswer } from "./steps.ts";

// The customer's survey page on a phone (390 px) and a desktop (1440 px): says who is asking
// (the company, the product, the salesperson's first name), never scrolls sideways, has no
// serious or critical axe violation — target size (WCAG 2.2 AA) included — and is answered by
// tapping, with and without JavaScript. Screenshots at both widths are attached to the report.

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function expectNoSidewaysScroll(page: Page, width: number) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.inner).toBe(width);
  expect(widths.scroll, `the page is ${widths.scroll} px wide in a ${width} px window`).toBeLessThanOrEqual(width);
}

async function expectAxeClean(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(blocking, `${label}: axe violations`).toEqual([]);
  // The target-size rule is off unless WCAG 2.2 AA is asked for: make sure it really ran here.
  const ran = [...results.passes, ...results.violations, ...results.incomplete].some(
    (rule) => rule.id === "target-size",
  );
  expect(ran, "axe's target-size rule ran").toBe(true);
}

/** A full-page screenshot, kept in the test's output folder and attached to the report. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function openAs(
  browser: Browser,
  options: typeof PHONE | typeof DESKTOP,
  link: string,
  javaScriptEnabled = true,
) {
  const context = await browser.newContext({ ...options, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  return { context, page };
}

test("the survey page fits a 390 px phone and a 1440 px screen, passes axe with large tap targets, and is answered by tapping", async ({
  page,
  browser,
}, testInfo) => {
  // Three axe runs and four full-page screenshots on a shared machine.
  test.setTimeout(120_000);
  await signInAs(page, "manager");
  const link = await newSurveyLink(page);

  // A desktop first: the page is read before it is answered.
  const desktop = await openAs(browser, DESKTOP, link);
  await expect(desktop.page.getByRole("heading", { level: 1 })).toContainText("Six months with");
  await expectNoSidewaysScroll(desktop.page, 1440);
  await expectAxeClean(desktop.page, "1440 px");
  await attachScreenshot(desktop.page, testInfo, "survey at 1440 px");
  await desktop.context.close();

  const phone = await openAs(browser, PHONE, link);
  const customer = phone.page;
  // The page's script must load and run (errors clear as questions are answered, below).
  const scriptErrors: string[] = [];
  customer.on("pageerror", (error) => scriptErrors.push(error.message));
  await customer.reload();
  // Who is asking: the company's name (set in the demo), the salesperson's first name, the product.
  await expect(customer.getByRole("banner")).toContainText("Brightwater Software");
  await expect(customer.getByText(/as your salesperson at Brightwater Software/)).toBeVisible();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Six months with");
  await expectNoSidewaysScroll(customer, 390);

  // Every answer is a tap target of at least 44 × 44 px.
  const radios = customer.getByRole("radio");
  expect(await radios.count()).toBe(5 + 3 + 11);
  for (const box of await Promise.all((await radios.all()).map((radio) => radio.boundingBox()))) {
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await expectAxeClean(customer, "390 px");
  await attachScreenshot(customer, testInfo, "survey at 390 px");

  // Sending nothing shows the errors beside their questions; the page still fits and passes axe.
  await customer.getByRole("button", { name: "Send my answers" }).tap();
  await expect(customer.getByText("Choose how satisfied you are, from 1 to 5.")).toBeVisible();
  await expectNoSidewaysScroll(customer, 390);
  await expectAxeClean(customer, "390 px with errors");

  const answer = surveyAnswer(customer);
  // The radio covers its whole tile, so a tap anywhere on the tile lands on it.
  await answer.satisfaction("4").tap();
  await expect(answer.satisfaction("4")).toBeChecked();
  await expect(customer.getByText("Choose how satisfied you are, from 1 to 5.")).toHaveCount(0);
  await answer.delivered("No").tap();
  await answer.recommend("10").tap();
  await expect(answer.recommend("10")).toBeChecked();
  await customer.getByLabel("What do you like least? (optional)").fill("The promised xls export never worked.");
  await attachScreenshot(customer, testInfo, "survey at 390 px, answered");
  await customer.getByRole("button", { name: "Send my answers" }).tap();
  await expect(customer.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await expectNoSidewaysScroll(customer, 390);
  expect(scriptErrors).toEqual([]);
  await attachScreenshot(customer, testInfo, "thank-you page at 390 px");
  await phone.context.close();
});

test("without JavaScript, a phone answers the survey by tapping the same large tiles", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await signInAs(page, "manager");
  const link = await newSurveyLink(page);
  const phone = await openAs(browser, PHONE, link, false);
  const customer = phone.page;
  await expect(customer.getByRole("banner")).toContainText("Brightwater Software");
  const answer = surveyAnswer(customer);
  await answer.satisfaction("2").tap();
  await answer.delivered("Partly").tap();
  await customer.getByRole("button", { name: "Send my answers" }).tap();
  await expect(customer.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await phone.context.close();
});
