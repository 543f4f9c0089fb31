import { expect, test } from "@playwright/test";
import { newSurveyLink, signInAs } from "./fixtures.ts";
import { surveyAnswer } from "./steps.ts";

test("a manager creates a survey link; the customer answers it without JavaScript, sees the thank-you page, and the link then says it was answered", async ({
  page,
  browser,
}) => {
  await signInAs(page, "manager");
  const link = await newSurveyLink(page);
  await expect(page.getByRole("heading", { level: 1, name: "Survey outbox" })).toBeVisible();

  const customer = await browser.newContext({ javaScriptEnabled: false });
  const customerPage = await customer.newPage();
  const opened = await customerPage.goto(link);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(customerPage.getByRole("heading", { level: 1 })).toContainText("Six months with");
  // No sign-in and none of the staff navigation.
  await expect(customerPage.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  // Submitting with nothing chosen shows field errors (server-side: no JavaScript here).
  await customerPage.getByRole("button", { name: "Send my answers" }).click();
  await expect(customerPage.getByText("Choose how satisfied you are, from 1 to 5.")).toBeVisible();

  const answer = surveyAnswer(customerPage);
  await answer.satisfaction("4").check();
  await answer.delivered("Partly").check();
  await answer.recommend("8").check();
  await customerPage.getByLabel("What do you like least? (optional)").fill("Reports take a minute to load.");
  await customerPage.getByRole("button", { name: "Send my answers" }).click();
  await expect(customerPage.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();

  const again = await customerPage.goto(link);
  expect(again?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(customerPage.getByRole("heading", { level: 1, name: "Already answered" })).toBeVisible();

  // A tampered link gets the plain 404 page, with the same policy.
  const last = link.at(-1) === "A" ? "B" : "A";
  const tampered = await customerPage.goto(`${link.slice(0, -1)}${last}`);
  expect(tampered?.status()).toBe(404);
  expect(tampered?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(customerPage.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await customer.close();
});
