import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

test("a salesperson starts a quiz, answers, reloads with the answers kept, submits and reads the explanations", async ({ page }) => {
  await signInAs(page, "sales");
  await page.goto("/quizzes");
  await page.getByRole("link", { name: "Fieldbook field guide" }).click();
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quizzes\/[^/]+\/attempts\/[^/]+$/);
  const attemptUrl = page.url();
  await expect(page.getByRole("timer", { name: "Time left" })).toBeVisible();

  // What reached the browser before submission: the rendered page and the raw document.
  const renderedBefore = await page.content();
  const documentBefore = await (await page.request.get(attemptUrl)).text();
  for (const html of [renderedBefore, documentBefore]) {
    expect(html).not.toContain('"correct"');
    expect(html).not.toContain('"explanation"');
  }

  const questions = page.locator("fieldset");
  const count = await questions.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i);
    await question.locator("input").first().check();
    await expect(question.getByText("Saved")).toBeVisible();
  }

  await page.reload();
  for (let i = 0; i < count; i++) await expect(questions.nth(i).locator("input").first()).toBeChecked();

  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted:" })).toBeVisible();
  await expect(page.getByText("Score", { exact: true })).toBeVisible();
  const review = page.getByRole("list", { name: "Questions with the right answers" });
  await expect(review.getByText("Right answer:").first()).toBeVisible();
  const explanations = (await review.locator("li p.muted").allTextContents()).map((text) => text.trim()).filter((text) => text.length > 15);
  expect(explanations.length).toBeGreaterThan(0);
  // None of the explanations (the marker of the answers) was in the page before submission.
  for (const explanation of explanations) {
    expect(renderedBefore).not.toContain(explanation);
    expect(documentBefore).not.toContain(explanation);
  }
});

test("an engineer reviews the bank, reads item statistics and creates a quiz; a manager sees their teams' figures", async ({ page, browser }) => {
  await signInAs(page, "engineer");
  await page.goto("/question-bank?state=NEEDS_REVIEW");
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await page.locator("table a[href^='/question-bank/']").first().click();
  await expect(page.getByRole("heading", { name: "Needs review", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-approve" })).toBeVisible();

  await page.goto("/quizzes");
  await page.getByRole("row", { name: /Ledgerline certification/ }).getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("heading", { name: "Questions reps fail most" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Matrix questions, by capability" })).toBeVisible();
  await expect(page.locator("table").first().locator("tbody tr").first()).toBeVisible();

  await page.goto("/quizzes/new");
  await page.getByLabel("Title").fill("Relay basics");
  await page.getByLabel("Pass mark (%)").fill("150");
  await page.getByRole("button", { name: "Create the quiz" }).click();
  await expect(page.getByText("The pass mark can be at most 100 %.")).toBeVisible();
  await page.getByLabel("Pass mark (%)").fill("80");
  await page.getByLabel("Product").selectOption({ label: "Relay" });
  await page.getByRole("button", { name: "Create the quiz" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Relay basics");
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();

  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signInAs(managerPage, "manager");
  await managerPage.goto("/quizzes");
  await expect(managerPage.getByRole("heading", { name: "Your teams' scores and pass rates" })).toBeVisible();
  await expect(managerPage.getByRole("cell", { name: "Enterprise East" }).first()).toBeVisible();
  await managerContext.close();
});
