import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

test("an engineer changes a capability's status with a note and sees the new revision at the top of the history", async ({
  page,
}) => {
  await signInAs(page, "engineer");
  await page.goto("/capabilities/relay");
  await page.getByRole("link", { name: "SAP IDoc adapter", exact: true }).click();
  await expect(page).toHaveURL("/capabilities/relay/sap-idoc");

  const form = page.getByRole("region", { name: "Edit capability" });
  await form.getByLabel("Status").selectOption("SUPPORTED");
  await form
    .getByLabel("Conditions and limitations")
    .fill("Inbound and outbound IDocs over RFC (outbound restored in v5.2)");
  await form.getByRole("button", { name: "Save changes" }).click();
  // The note is required when the status changes, and nothing typed is lost.
  await expect(form.getByText(/Say why the status or conditions changed/)).toBeVisible();
  await expect(form.getByLabel("Status")).toHaveValue("SUPPORTED");

  await form.getByLabel("Why (note for the history)").fill("Outbound IDocs fixed in runtime v5.2.");
  await form.getByRole("button", { name: "Save changes" }).click();
  // The toast says what the change set in motion: quiz questions to re-approve, open claims affected.
  const saved = page.getByRole("status").filter({ hasText: "Saved as a new revision:" });
  await expect(saved).toContainText(/\d+ quiz questions? moved to review|no quiz question needed review/);
  await expect(saved).toContainText(
    /\d+ open claims? (was|were) made when the matrix said something else|no open claim is affected/,
  );
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Supported");

  const history = page.getByRole("region", { name: "History" });
  const newest = history.getByRole("row").nth(1);
  await expect(newest).toContainText("Sam Keller");
  await expect(newest).toContainText("Supported");
  await expect(newest).toContainText("outbound restored in v5.2");
  await expect(newest).toContainText("Outbound IDocs fixed in runtime v5.2.");
});

test("a salesperson reads the matrix, with stale rows marked, but gets no edit form", async ({ page }) => {
  await signInAs(page, "sales");
  await page.goto("/capabilities");
  await page.getByRole("link", { name: "Ledgerline", exact: true }).click();
  await expect(page).toHaveURL("/capabilities/ledgerline");
  const table = page.getByRole("table", { name: "Ledgerline capability matrix" });
  await expect(table.getByRole("row", { name: /Excel export/ })).toContainText("legacy .xls not supported");
  await expect(table.getByRole("row", { name: /SAP S\/4HANA connector/ })).toContainText("Stale — review overdue");
  await expect(page.getByRole("region", { name: "New capability" })).toHaveCount(0);

  await page.getByLabel("Review").selectOption("overdue");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/review=overdue/);
  for (const row of await table.getByRole("row").all()) {
    if ((await row.getByRole("columnheader").count()) > 0) continue;
    await expect(row).toContainText("Stale — review overdue");
  }

  await page.goto("/capabilities/ledgerline/excel-export");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Excel export");
  await expect(page.getByRole("region", { name: "History" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Edit capability" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark verified" })).toHaveCount(0);
});

test("the Markdown spec sheet downloads with the limitations and without internal notes", async ({ page }) => {
  await signInAs(page, "sales");
  await page.goto("/capabilities/ledgerline");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ledgerline-spec-sheet.md");
  const text = await readFile(await download.path(), "utf8");
  expect(text).toContain("# Ledgerline — spec sheet");
  expect(text).toContain("## What it does with limitations");
  expect(text).toContain("xlsx for Excel 2007 and later; legacy .xls not supported");
  expect(text).toContain("## On the roadmap");
  expect(text).not.toContain("formatting of merged headers is lost");
  expect(text).not.toContain("Sam Keller");
});
