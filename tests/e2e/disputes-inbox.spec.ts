import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { pageAs } from "./fixtures.ts";
import { recordVerdict, sendClaim, startExcelExportClaim } from "./steps.ts";

// PRODUCT.md §8 end to end: a salesperson disputes a verdict; her manager sees the unread count
// in the navigation and the notification in /inbox, follows it to /disputes and resolves the
// dispute there; the salesperson's inbox then tells her the outcome.

/** The inbox's own list (the navigation is a list too). */
function notices(page: Page) {
  return page.getByRole("list", { name: "Notifications, newest first" }).getByRole("listitem");
}

function inboxLink(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox\b/ });
}

/** The unread count the navigation shows beside "Inbox" (0 when it shows none). */
async function unreadInNavigation(page: Page): Promise<number> {
  const name = (await inboxLink(page).textContent()) ?? "";
  const match = /Inbox\s+(\d+)/.exec(name);
  return match ? Number(match[1]) : 0;
}

/** /inbox at a phone's and a desktop's width: no sideways scrolling, no serious accessibility problem in the page's own content, a screenshot of each in the report. */
async function attachInboxAtBothWidths(page: Page, testInfo: TestInfo, who: string) {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/inbox");
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll, `/inbox is wider than the window at ${width} px`).toBeLessThanOrEqual(widths.inner);
    const axe = await new AxeBuilder({ page })
      .include("#main")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const serious = axe.violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(
      serious.map(
        (violation) =>
          `${violation.id} at ${width} px: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      ),
    ).toEqual([]);
    const file = testInfo.outputPath(`inbox-${who}-${width}px.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`inbox-${who}-${width}px.png`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a dispute reaches the manager's inbox, is resolved from /disputes, and the outcome reaches the salesperson's inbox", async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const account = `Inbox Flow ${Date.now()}`;

  // A claim of Maya's, judged Inaccurate by an engineer.
  const sales = await pageAs(browser, "sales");
  await startExcelExportClaim(sales, "Supported");
  const claimPath = await sendClaim(sales, {
    words: "Our Excel export writes every Excel format your finance team uses.",
    account,
  });

  const engineer = await pageAs(browser, "engineer");
  await engineer.goto(claimPath);
  await recordVerdict(engineer, {
    verdict: "Inaccurate",
    severity: "High",
    note: "Only xlsx is supported; legacy .xls files cannot be exported.",
  });
  await expect(engineer.getByRole("region", { name: "Verdict" })).toContainText("Inaccurate");

  // The salesperson hears of the verdict in her inbox, follows it, and disputes it.
  await sales.goto("/inbox");
  const verdictNotice = notices(sales).filter({ hasText: `judged your claim to ${account}` });
  await expect(verdictNotice).toContainText("Inaccurate (high severity)");
  await expect(verdictNotice).toContainText("Unread");
  await verdictNotice.getByRole("link").click();
  await expect(sales).toHaveURL(claimPath);
  await sales
    .getByLabel("Why the verdict is wrong")
    .fill("The customer only ever exports to xlsx; .xls never came up.");
  await sales.getByRole("button", { name: "Dispute this verdict" }).click();
  await expect(sales.getByRole("region", { name: "Dispute" })).toContainText("Disputed by Maya Chen");

  // The manager: the count in the navigation, the notification in the inbox.
  const manager = await pageAs(browser, "manager");
  const managersUnread = await unreadInNavigation(manager);
  expect(managersUnread).toBeGreaterThan(0);
  await expect(inboxLink(manager)).toContainText(`${managersUnread} unread`);
  await inboxLink(manager).click();
  await expect(manager).toHaveURL("/inbox");
  await expect(manager.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const disputeNotice = notices(manager).filter({ hasText: `Maya Chen disputes the verdict on a claim to ${account}` });
  await expect(disputeNotice).toHaveCount(1);
  await expect(disputeNotice).toContainText("Unread");
  await expect(disputeNotice).toContainText("Dispute opened");
  // Newest first: it heads the list.
  await expect(notices(manager).first()).toContainText(account);
  await attachInboxAtBothWidths(manager, testInfo, "manager");

  // Marking it read lowers the count by one and keeps it listed, marked read in words.
  await notices(manager)
    .filter({ hasText: account })
    .getByRole("button", { name: /^Mark read/ })
    .click();
  await expect(inboxLink(manager)).toContainText(managersUnread - 1 > 0 ? `${managersUnread - 1} unread` : "Inbox");
  const readNotice = notices(manager).filter({ hasText: `Maya Chen disputes the verdict on a claim to ${account}` });
  await expect(readNotice).toContainText("Read");
  await expect(readNotice).not.toContainText("Unread");

  // It leads to /disputes, where the manager resolves it.
  await readNotice.getByRole("link").click();
  await expect(manager).toHaveURL("/disputes");
  const queued = manager.locator("li.panel").filter({ hasText: `Claim to ${account}` });
  await queued.getByLabel("Decision").selectOption({ label: "Uphold: the verdict stands" });
  await queued
    .getByLabel("Note to the salesperson")
    .fill(".xls was part of the customer's question, so the verdict stands.");
  await queued.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(manager.getByRole("status").or(manager.getByRole("alert")).first()).toContainText("Dispute resolved");
  await expect(manager.locator("li.panel").filter({ hasText: `Claim to ${account}` })).toHaveCount(0);

  // The salesperson's inbox says how it ended, and "mark all read" empties the count.
  await sales.goto("/inbox");
  const outcome = notices(sales).filter({ hasText: `upheld the verdict: it stands on your claim to ${account}` });
  await expect(outcome).toContainText("Priya Raman");
  await expect(outcome).toContainText("Unread");
  await expect(outcome.getByRole("link")).toHaveAttribute("href", claimPath);
  expect(await unreadInNavigation(sales)).toBeGreaterThan(0);
  await attachInboxAtBothWidths(sales, testInfo, "salesperson");
  await sales.getByRole("button", { name: "Mark all read" }).click();
  await expect(sales.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  await expect(inboxLink(sales)).toHaveText("Inbox");
  await expect(notices(sales).filter({ hasText: "Unread" })).toHaveCount(0);
});
