import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";
import { filterQueue, recordVerdict } from "./steps.ts";

// The engineer's flow through the verification queue (PRODUCT.md §3): a verdict, then the next
// claim of the same filtered queue, and back to the queue with the filter still set.

test("after a verdict, “Next claim” opens the next claim of the filtered queue, and the way back keeps the filter", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "engineer");
  await filterQueue(page, { product: "Ledgerline", check: "Consistent with the matrix" });
  await expect(page).toHaveURL(/\/verify\?product=ledgerline&check=CONSISTENT(&source=)?$/);

  // The oldest claim this engineer may judge (not one they logged themselves).
  const rows = page.locator("tbody tr").filter({ hasNotText: "You logged this claim" });
  const first = rows.first().getByRole("link").first();
  const firstHref = (await first.getAttribute("href")) ?? "";
  expect(firstHref).toMatch(/^\/claims\/[^?]+\?queue=product%3Dledgerline%26check%3DCONSISTENT$/);
  await first.click();
  await expect(page).toHaveURL(firstHref);
  const firstClaim = new URL(page.url()).pathname;

  await recordVerdict(page, { verdict: "Accurate", severity: "Low" });
  await expect(page.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Verdict" })).toContainText("Accurate");

  const next = page.getByRole("region", { name: "Next in the queue" });
  await expect(next).toContainText("still waiting with the queue’s filter");
  const nextLink = next.getByRole("link", { name: "Next claim" });
  const nextHref = (await nextLink.getAttribute("href")) ?? "";
  expect(nextHref).toMatch(/^\/claims\/[^?]+\?queue=product%3Dledgerline%26check%3DCONSISTENT$/);
  expect(nextHref.startsWith(`${firstClaim}?`)).toBe(false);
  await nextLink.click();
  await expect(page).toHaveURL(nextHref);
  // Still the filter's kind of claim, still waiting for a verdict.
  await expect(page.getByRole("button", { name: "Record verdict" })).toBeVisible();
  await expect(page.getByText("Ledgerline").first()).toBeVisible();

  await page.getByRole("link", { name: "← Verification queue" }).click();
  await expect(page).toHaveURL(/\/verify\?product=ledgerline&check=CONSISTENT$/);
  await expect(page.getByLabel("Product")).toHaveValue("ledgerline");
  await expect(page.getByLabel("Matrix check")).toHaveValue("CONSISTENT");
  // The judged claim has left the queue.
  await expect(page.locator(`a[href^="${firstClaim}?"]`)).toHaveCount(0);
});
