import { expect, test } from "@playwright/test";
import { newSurveyLink, pageAs, pageUntilVisible } from "./fixtures.ts";
import { filterQueue, recordVerdict, surveyAnswer } from "./steps.ts";

// Claims that do not depend on the salesperson's own log (PRODUCT.md §7), end to end: a call
// transcript reveals claims the salesperson confirms or dismisses, an engineer judges the
// confirmed one, and the statement counts it with its source; a customer's "you told us
// something untrue" puts a claim in the verification queue.

const marker = `Zephyr${Date.now().toString(36)}`;

// A Teams-style export: cue ids, cue settings, <v> speaker tags, a multi-line cue.
const transcript = `WEBVTT

1
00:00:01.000 --> 00:00:05.000 align:start
<v Dana Whitfield>We still run Excel 2003 on the finance floor. Will the export open there?</v>

2
00:00:05.500 --> 00:00:12.000
<v Maya Chen>Yes, the Excel export works with Excel 2003 for ${marker}, every legacy .xls file included.</v>

3
00:00:12.500 --> 00:00:18.000
<v Dana Whitfield>And the board pack?</v>

4
00:00:18.500 --> 00:00:25.000
<v Maya Chen>The board pack PDF is generated for ${marker}
every month without anyone touching it.</v>
`;

test("a transcript's claims are confirmed or dismissed, judged in /verify, and counted on the statement as found in a conversation", async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // 1. The salesperson imports a call for one of her Ledgerline deals.
  const sales = await pageAs(browser, "sales");
  await sales.goto("/conversations/import");
  const deal = sales.getByLabel("Deal", { exact: true });
  const ledgerline = await deal.locator("option", { hasText: "Ledgerline" }).first().getAttribute("value");
  expect(ledgerline).toBeTruthy();
  await deal.selectOption(ledgerline ?? "");
  await sales.getByLabel("Day of the conversation").fill(new Date().toISOString().slice(0, 10));
  await sales
    .getByLabel(/^Files/)
    .setInputFiles({ name: "zephyr-call.vtt", mimeType: "text/vtt", buffer: Buffer.from(transcript) });
  await sales.getByRole("button", { name: "Read the files and preview" }).click();
  // Candor suggests the deal owner as the salesperson speaker.
  await expect(sales.getByRole("radio", { name: "Maya Chen" })).toBeChecked();
  await sales.getByRole("button", { name: "Import this conversation" }).click();
  await sales.waitForURL(/\/conversations\/(?!import)[^/]+$/);

  // 2. Each candidate shows the capability, the phrase that matched, the cue and the matrix check.
  const excel = sales.getByRole("article").filter({ has: sales.getByRole("heading", { name: /Excel export/ }) });
  await expect(excel).toContainText(marker);
  await expect(excel).toContainText("Matched phrase");
  await expect(excel).toContainText(/“(Excel export|Excel 2003|Excel|xls)”/);
  await expect(excel).toContainText("What the words assert");
  await expect(excel).toContainText(/Overstates the matrix/);
  await excel.getByRole("button", { name: "Confirm as a claim" }).click();
  await expect(excel).toContainText("the claim");
  const claimPath = await excel.getByRole("link", { name: "the claim" }).getAttribute("href");
  expect(claimPath).toMatch(/^\/claims\/[^/]+$/);

  const pdf = sales.getByRole("article").filter({ has: sales.getByRole("heading", { name: /Board pack PDF/ }) });
  await pdf.getByText("Dismiss…").click();
  await pdf.getByRole("radio").first().check();
  await pdf.getByRole("button", { name: "Dismiss", exact: true }).click();
  await expect(pdf.getByRole("button", { name: "Confirm as a claim" })).toHaveCount(0);
  await expect(pdf).toContainText(/[Dd]ismissed/);

  // 3. The engineer finds the confirmed claim in the queue and judges it.
  const engineer = await pageAs(browser, "engineer");
  await filterQueue(engineer, { product: "Ledgerline", check: "Overstates the matrix" });
  const row = engineer.locator(`a[href^="${claimPath}?"]`);
  await pageUntilVisible(engineer, row, 60_000);
  await row.click();
  await expect(engineer.getByText("Found in a conversation").first()).toBeVisible();
  await recordVerdict(engineer, {
    verdict: "Inaccurate",
    severity: "High",
    note: "Only xlsx for Excel 2007 and later; .xls is not supported.",
  });
  await expect(engineer.getByRole("region", { name: "Verdict" })).toContainText("Inaccurate");

  // 4. The open period is computed; the salesperson's statement lists the claim with its source.
  const manager = await pageAs(browser, "manager");
  await manager.goto("/comp");
  const open = await manager
    .getByRole("link", { name: /^\d{4}-Q\d$/ })
    .first()
    .textContent();
  await manager.goto(`/comp/${open}`);
  await manager.getByRole("button", { name: /^(Compute|Recompute) / }).click();
  await expect(manager.getByRole("status").filter({ hasText: /Computed \d+ statement/ })).toBeVisible();
  await sales.goto(`/comp/${open}`);
  const row2 = sales.getByRole("row").filter({ hasText: marker });
  await expect(row2).toContainText("Found in a conversation");
  await expect(row2).toContainText("Inaccurate");
});

test("a survey answer that says the salesperson told something untrue puts a customer-reported claim in /verify", async ({
  browser,
}) => {
  const manager = await pageAs(browser, "manager");
  const link = await newSurveyLink(manager);

  const customer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await customer.goto(link);
  const answer = surveyAnswer(customer);
  await answer.satisfaction("2").check();
  await answer.delivered("No").check();
  const words = `We were told the NetSuite connector synced every hour (${marker}); it runs once a night.`;
  await customer
    .getByLabel(/Was there anything our salesperson told you that turned out not to be true\? What\?/)
    .fill(words);
  await customer.getByRole("button", { name: "Send my answers" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();

  const engineer = await pageAs(browser, "engineer");
  await filterQueue(engineer, { source: "Reported by the customer" });
  await expect(engineer).toHaveURL(/source=CUSTOMER/);
  const row = engineer.getByRole("row").filter({ hasText: marker });
  await pageUntilVisible(engineer, row, 60_000);
  await expect(row).toContainText("Reported by the customer");
  await row.getByRole("link").first().click();
  await expect(engineer.getByText(words)).toBeVisible();
});
