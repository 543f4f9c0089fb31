import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

test("a salesperson asks, an engineer answers and updates the capability, the salesperson reads the answer", async ({
  page,
  browser,
}) => {
  // The NetSuite connector, which no other spec relies on, so the change made here cannot leak into them.
  const question = "Does the NetSuite connector work with a SuiteCloud sandbox account?";
  const answer = "Yes: sandbox accounts use the same token-based authentication as production.";
  const conditions =
    "Token-based authentication (tested with SuiteCloud sandbox accounts); custom segments mapped once at setup";

  await signInAs(page, "sales");
  await page.goto("/ask");
  const form = page.getByRole("region", { name: "New question" });
  await form.getByLabel("Product").selectOption({ label: "Ledgerline" });
  await form.getByLabel("Find a capability").fill("netsuite");
  await form.getByLabel("Capability (optional)").selectOption({ label: "NetSuite connector (Supported)" });
  await form.getByLabel("Your question").fill(question);
  await form.getByLabel("Context").fill("Acme Corp finance team, testing in a sandbox first.");
  await form.getByRole("button", { name: "Send the question" }).click();
  await expect(page).toHaveURL(/\/ask\/[^/]+$/);
  const questionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("status").filter({ hasText: "Your question is with engineering" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Question about NetSuite connector");
  await expect(page.getByText("Waiting for an engineer's answer.")).toBeVisible();

  // The engineer finds it among the open questions and answers, updating the matrix row too.
  const engineerContext = await browser.newContext();
  const engineerPage = await engineerContext.newPage();
  await signInAs(engineerPage, "engineer");
  await engineerPage.goto("/ask?product=ledgerline&status=OPEN");
  await engineerPage.getByRole("link", { name: question }).click();
  await expect(engineerPage).toHaveURL(questionUrl);
  await engineerPage.getByLabel("Your answer").fill(answer);
  await expect(engineerPage.getByLabel("Conditions and limitations")).toBeHidden();
  await engineerPage.getByLabel("Update the capability too").check();
  await engineerPage.getByLabel("Conditions and limitations").fill(conditions);
  await engineerPage.getByLabel("Why the matrix changes").fill("Confirmed sandbox accounts while answering sales.");
  await engineerPage.getByRole("button", { name: "Send the answer" }).click();
  await expect(
    engineerPage.getByRole("status").filter({ hasText: "the capability updated in the same step (new conditions)" }),
  ).toBeVisible();
  await expect(engineerPage.getByRole("heading", { name: "This answer updated the capability matrix" })).toBeVisible();
  await engineerContext.close();

  // The salesperson sees the answer on their home and, following it, on the question's page.
  await page.goto("/home");
  const answers = page.getByRole("region", { name: "Answers from engineers" });
  await expect(answers.getByText(answer)).toBeVisible();
  await answers.getByRole("link", { name: question }).click();
  await expect(page).toHaveURL(questionUrl);
  await expect(page.getByRole("region", { name: "The answer" })).toContainText(answer);
  await expect(page.getByRole("region", { name: "The answer" })).toContainText("Sam Keller");
  await expect(page.getByRole("region", { name: /NetSuite connector/ })).toContainText(
    "tested with SuiteCloud sandbox accounts",
  );
});

test("another salesperson gets 404 for someone else's question", async ({ page }) => {
  await signInAs(page, "sales");
  await page.goto("/ask");
  const first = page.locator("table a[href^='/ask/']").first();
  const href = await first.getAttribute("href");
  expect(href).toBeTruthy();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "overpromiser");
  const response = await page.goto(href ?? "/ask/none");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("We could not find that question.")).toBeVisible();
});
