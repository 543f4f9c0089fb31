import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

test("an admin creates a period, computes it and locks it after confirming; it can then never be computed again", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/comp");
  await expect(page.getByRole("heading", { name: "Compensation", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "New period" });
  await form.getByLabel("Name").fill("2025-Q3");
  await form.getByLabel("First day").fill("2025-07-01");
  await form.getByLabel("Last day").fill("2025-09-30");
  await form.getByRole("button", { name: "Create period" }).click();
  await expect(page).toHaveURL("/comp/2025-Q3");
  await expect(page.getByRole("status").filter({ hasText: "Created the period 2025-Q3." })).toBeVisible();

  await page.getByRole("button", { name: "Compute everyone" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Computed \d+ statements for 2025-Q3/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Statements for 2025-Q3/ }).getByRole("row")).not.toHaveCount(1);

  // Locking takes a second, deliberate step.
  await page.getByRole("link", { name: "Lock 2025-Q3…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Lock 2025-Q3?" });
  await expect(dialog).toContainText("there is no way back");
  await dialog.getByLabel("Type 2025-Q3 to confirm").fill("2025-q3");
  await dialog.getByRole("button", { name: "Lock 2025-Q3 for good" }).click();
  await expect(page.getByText("Type 2025-Q3 exactly to lock this period.")).toBeVisible();
  await page.getByLabel("Type 2025-Q3 to confirm").fill("2025-Q3");
  await page.getByRole("button", { name: "Lock 2025-Q3 for good" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Locked 2025-Q3: \d+ statements are now frozen/ }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /2025-Q3/, level: 1 })).toContainText("Locked");
  await expect(page.getByRole("button", { name: /Compute|Recompute/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Lock 2025-Q3/ })).toHaveCount(0);

  await page.goto("/comp");
  const row = page.getByRole("row", { name: /2025-Q3/ });
  await expect(row).toContainText("Locked");
  await expect(row).toContainText("Frozen");
});

test("a manager reads the overview: the multiplier chart, a table of figures to sort, and the statements behind it", async ({
  page,
}) => {
  await signInAs(page, "manager");
  await page.goto("/comp/2026-Q3");
  await expect(page.getByText("Multiplier distribution")).toBeVisible();
  await expect(page.locator('[data-chart="multiplier-distribution"] svg').first()).toBeVisible();
  await page.getByRole("link", { name: /^Multiplier \(M\)\s*, sort/ }).click();
  await expect(page).toHaveURL(/sort=multiplier&dir=desc/);
  await page.getByRole("link", { name: "Olivia Grant" }).click();
  await expect(page.getByRole("heading", { name: "Olivia Grant's statement for 2026-Q3" })).toBeVisible();
});

test("a salesperson reads their own statement, which explains the payout in words and numbers, and cannot read another's", async ({
  page,
}) => {
  await signInAs(page, "sales");
  await page.goto("/comp");
  await page.getByRole("link", { name: "2026-Q3" }).click();
  await expect(page.getByRole("heading", { name: "Your statement for 2026-Q3" })).toBeVisible();
  await expect(page.getByText("this statement is a frozen snapshot")).toBeVisible();
  const arithmetic = page.getByTestId("statement-arithmetic");
  await expect(arithmetic).toContainText("A = (");
  await expect(arithmetic).toContainText("C = 0.4 ×");
  await expect(arithmetic).toContainText(/Payout = round\(\d+ cents × 1\.\d{4}\) = round\([\d.]+\) = \d+ cents/);
  const multiplier = await page.locator('[data-figure="Multiplier M"]').innerText();
  expect(Number(multiplier)).toBeGreaterThan(1);
  await expect(page.getByRole("heading", { name: "Gates" })).toBeVisible();
  await expect(page.getByText("No gate fired")).toBeVisible();
  // The rules in words, read from the rules themselves (domain/verdicts.ts, survey-schedule.ts).
  await expect(
    page.getByText(
      "Credit: accurate 1, partially accurate 0.5, inaccurate 0. Weight by severity: low 1, medium 2, high 4.",
    ),
  ).toBeVisible();
  await expect(page.getByText("with delivered yes 1, partly 0.5, no 0;")).toBeVisible();

  const otherStatement = page.url().replace(/\/[^/]+$/, "/not-a-real-user");
  const response = await page.goto(otherStatement);
  expect(response?.status()).toBe(404);
});

test("an admin changes the plan: a wrong sum is refused beside the weights, a valid plan becomes version 2", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/plan");
  await expect(page.getByRole("heading", { name: "Current plan: version 1" })).toBeVisible();
  await page.getByLabel("Quiz weight wQ").fill("0.3");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByText(/The three weights must add up to 1; they add up to 1\.1/)).toBeVisible();
  await page.getByLabel("Quiz weight wQ").fill("0.2");
  await page.getByLabel("Point 4: C").fill("0.7");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByText("Each point's C must be greater than the previous point's.")).toBeVisible();
  await page.getByLabel("Point 4: C").fill("1");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved plan version 2" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Current plan: version 2" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^v2/ })).toContainText("2026-Q4");
});
