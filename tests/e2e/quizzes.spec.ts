import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

/** The salesperson opens the quiz called `title`, reads its rules and starts it; resolves to the attempt's address. */
async function startQuiz(page: Page, title: string): Promise<string> {
  await signInAs(page, "sales");
  await page.goto("/quizzes");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quizzes\/[^/]+\/attempts\/[^/]+$/);
  return page.url();
}

test("a salesperson starts a quiz, answers, reloads with the answers kept, submits and reads the explanations", async ({
  page,
}) => {
  // A long flow on a shared, busy machine: three times the default timeout.
  test.slow();
  const attemptUrl = await startQuiz(page, "Fieldbook field guide");
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
  const explanations = (await review.locator("li p.muted").allTextContents())
    .map((text) => text.trim())
    .filter((text) => text.length > 15);
  expect(explanations.length).toBeGreaterThan(0);
  // None of the explanations (the marker of the answers) was in the page before submission.
  for (const explanation of explanations) {
    expect(renderedBefore).not.toContain(explanation);
    expect(documentBefore).not.toContain(explanation);
  }
});

test("the review step lists unanswered questions before submitting; the timer and the answered count stay in view", async ({
  page,
}) => {
  test.slow();
  const attemptUrl = await startQuiz(page, "Relay integration essentials");

  const questions = page.locator("fieldset");
  const count = await questions.count();
  expect(count).toBeGreaterThan(3);
  const progress = page.locator("#attempt-progress");
  await expect(progress).toHaveText(`Answered 0 of ${count}`);
  // Answer all but the last two.
  for (let i = 0; i < count - 2; i++) {
    await questions.nth(i).locator("input").first().check();
    await expect(questions.nth(i).getByText("Saved")).toBeVisible();
  }
  await expect(progress).toHaveText(`Answered ${count - 2} of ${count}`);

  // Scrolled to the end, the timer and the counter are still on screen.
  await page.getByRole("button", { name: "Submit my answers" }).scrollIntoViewIfNeeded();
  const viewport = page.viewportSize();
  const timer = page.getByRole("timer", { name: "Time left" });
  for (const locator of [timer, progress]) {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    if (box && viewport) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
  }
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(200);

  // Submit with two blanks: not submitted; the two are listed with links to them.
  await page.getByRole("button", { name: "Submit my answers" }).click();
  const review = page.getByRole("region", { name: `2 of ${count} questions not answered yet` });
  await expect(review).toBeVisible();
  // The focus moves to the review, so a keyboard or screen-reader user lands on it.
  await expect(review.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(page).toHaveURL(attemptUrl);
  const links = review.getByRole("link");
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveAttribute("href", `#question-${count - 2}`);
  await expect(page.getByRole("timer", { name: "Time left" })).toBeVisible();

  // Follow the first link and answer it: the list follows.
  await links.first().click();
  await questions
    .nth(count - 2)
    .locator("input")
    .first()
    .check();
  await expect(questions.nth(count - 2).getByText("Saved")).toBeVisible();
  await expect(page.getByRole("region", { name: `1 of ${count} questions not answered yet` })).toBeVisible();
  await expect(progress).toHaveText(`Answered ${count - 1} of ${count}`);

  // Confirmed: submitted with one blank.
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Submitted:" })).toBeVisible();
  await expect(page.getByText("Score", { exact: true })).toBeVisible();
});

test("without JavaScript, a submission with blanks comes back with the answers kept and the blanks listed, and “Submit anyway” submits", async ({
  browser,
}) => {
  test.slow();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "engineer");
  await page.goto("/quizzes");
  await page.getByRole("link", { name: "Ledgerline certification" }).first().click();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/quizzes\/[^/]+\/attempts\/[^/]+$/);
  const questions = page.locator("fieldset");
  const count = await questions.count();
  await questions.nth(0).locator("input").first().check();
  await questions.nth(2).locator("input").first().check();
  await page.getByRole("button", { name: "Submit my answers" }).click();

  const review = page.getByRole("region", { name: `${count - 2} of ${count} questions not answered yet` });
  await expect(review).toBeVisible();
  await expect(review.getByRole("link")).toHaveCount(count - 2);
  await expect(review.getByRole("link").first()).toHaveText(/^Question 2: /);
  // The answers given are still there, as the server saved them.
  await expect(questions.nth(0).locator("input").first()).toBeChecked();
  await expect(questions.nth(2).locator("input").first()).toBeChecked();
  await expect(page.locator("#attempt-progress")).toHaveText(`Answered 2 of ${count}`);

  await review.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByText("Score", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Questions with the right answers" })).toBeVisible();
  await context.close();
});

test("an engineer reviews the bank, reads item statistics and creates a quiz; a manager sees their teams' figures", async ({
  page,
  browser,
}) => {
  // A long flow on a shared, busy machine: three times the default timeout.
  test.slow();
  await signInAs(page, "engineer");
  await page.goto("/question-bank?state=NEEDS_REVIEW");
  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await page.locator("table a[href^='/question-bank/']").first().click();
  await expect(page.getByRole("heading", { name: "Needs review", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-approve" })).toBeVisible();

  await page.goto("/quizzes");
  await page
    .getByRole("row", { name: /Ledgerline certification/ })
    .getByRole("link", { name: "Statistics" })
    .click();
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
