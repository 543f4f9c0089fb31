import type { Locator, Page } from "@playwright/test";

// Steps several flows take through the same pages, the way a person takes them: logging a
// claim, filtering the verification queue, recording a verdict, answering a survey.

/** On /claims/new: Ledgerline's "Excel export" chosen, and what the customer was told (its label). */
export async function startExcelExportClaim(page: Page, told: string) {
  await page.goto("/claims/new");
  await page.getByLabel("Product").selectOption({ label: "Ledgerline" });
  await page.getByLabel("Find a capability").fill("excel");
  await page.getByLabel("Capability", { exact: true }).selectOption({ label: "Excel export" });
  await page.getByLabel("What the customer was told").selectOption({ label: told });
}

/** The rest of the claim form sent (the words, said on a call to `account`); resolves to the new claim's path. */
export async function sendClaim(page: Page, claim: { words: string; account: string }): Promise<string> {
  await page.getByLabel("The words").fill(claim.words);
  await page.getByLabel("Channel").selectOption({ label: "Call" });
  await page.getByLabel("Account name").fill(claim.account);
  await page.getByRole("button", { name: "Log the claim" }).click();
  await page.waitForURL((url) => /^\/claims\/(?!new$)[^/]+$/.test(url.pathname));
  return new URL(page.url()).pathname;
}

/** The verification queue with the filters chosen by their labels and applied. */
export async function filterQueue(page: Page, filters: { product?: string; check?: string; source?: string }) {
  await page.goto("/verify");
  if (filters.product) await page.getByLabel("Product").selectOption({ label: filters.product });
  if (filters.check) await page.getByLabel("Matrix check").selectOption({ label: filters.check });
  if (filters.source) await page.getByLabel("Source").selectOption({ label: filters.source });
  await page.getByRole("button", { name: "Filter" }).click();
}

/** On a claim page: the engineer's verdict form filled in (labels) and sent; resolves to the form. */
export async function recordVerdict(
  page: Page,
  verdict: { verdict: string; severity: string; note?: string },
): Promise<Locator> {
  const form = page.getByRole("form", { name: "Record your verdict" });
  await form.getByLabel("Verdict").selectOption({ label: verdict.verdict });
  await form.getByLabel("Severity").selectOption({ label: verdict.severity });
  if (verdict.note !== undefined) await form.getByLabel("Note").fill(verdict.note);
  await form.getByRole("button", { name: "Record verdict" }).click();
  return form;
}

/** The customer's survey page: the tile of each question's answer, found by its words. */
export function surveyAnswer(page: Page) {
  const question = (name: string | RegExp) => (answer: string) =>
    page.getByRole("group", { name }).getByLabel(answer, { exact: true });
  return {
    satisfaction: question(/How satisfied are you with/),
    delivered: question("Did the product do what our salesperson told you it would?"),
    recommend: question(/How likely are you to recommend/),
  };
}
