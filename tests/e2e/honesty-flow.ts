import { expect, type Browser } from "@playwright/test";
import { pageAs, pageUntilVisible, signIn } from "./fixtures.ts";
import { filterQueue, recordVerdict, sendClaim, startExcelExportClaim } from "./steps.ts";

// The heart of Candor end to end: a salesperson overstates a capability and sees it at once,
// an engineer judges the claim, the salesperson disputes the verdict, their manager resolves it.
// Every person and step names the Candor it talks to: with two addresses (two processes on one
// database, tests/e2e-postgres), consecutive steps alternate between them.

export async function honestyFlow(browser: Browser, servers: readonly string[]) {
  const server = (step: number) => servers[step % servers.length] ?? "";
  const account = `Honesty Flow ${Date.now()}`;

  // 1. The salesperson tells a customer a Partial capability is Supported.
  const sales = await pageAs(browser, "sales", server(0));
  await startExcelExportClaim(sales, "Supported");
  const preview = sales.getByRole("region", { name: "What the matrix says" });
  // The warning, with the conditions, shows before anything is submitted.
  await expect(preview).toContainText("Overstates the matrix");
  await expect(preview).toContainText(
    "You said Supported; engineering says Partial: xlsx for Excel 2007 and later; legacy .xls not supported",
  );
  await expect(sales).toHaveURL(/\/claims\/new$/);

  const claimPath = await sendClaim(sales, {
    words: "Our Excel export works with every version of Excel, including .xls.",
    account,
  });
  const check = sales.getByRole("region", { name: "Matrix check" });
  await expect(check).toContainText(
    "engineering says Partial: xlsx for Excel 2007 and later; legacy .xls not supported",
  );
  await expect(check.getByRole("button", { name: "I corrected this with the customer" })).toBeVisible();

  // 2. Two engineers open the claim from the queue; the first verdict wins.
  const engineer = await pageAs(browser, "engineer", server(1));
  await filterQueue(engineer, { product: "Ledgerline", check: "Overstates the matrix" });
  await expect(engineer).toHaveURL(/product=ledgerline&check=OVERSTATES/);
  const row = engineer.locator(`a[href^="${claimPath}?"]`);
  // Oldest first: the new claim is on the last page.
  await pageUntilVisible(engineer, row);
  await row.click();
  // Opened from the queue, the claim's address carries the queue's filter (for "Next claim").
  await expect(engineer).toHaveURL(new RegExp(`${claimPath}\\?queue=product%3Dledgerline%26check%3DOVERSTATES`));

  const lateEngineer = await (await browser.newContext({ baseURL: server(0) })).newPage();
  await signIn(lateEngineer, "jun.tanaka@candor.test");
  await expect(lateEngineer).toHaveURL("/engineering");
  await lateEngineer.goto(claimPath);
  await expect(lateEngineer.getByRole("button", { name: "Record verdict" })).toBeVisible();

  await recordVerdict(engineer, {
    verdict: "Inaccurate",
    severity: "High",
    note: "Only xlsx is supported; legacy .xls files cannot be exported.",
  });
  await expect(engineer.getByRole("region", { name: "Verdict" })).toContainText("Sam Keller");

  const lateForm = await recordVerdict(lateEngineer, { verdict: "Accurate", severity: "Low" });
  await expect(lateEngineer.getByRole("alert")).toContainText("Sam Keller recorded a verdict (Inaccurate, High) at");
  await expect(lateEngineer.getByRole("alert")).toContainText("Nothing was overwritten.");
  // Nothing of the late verdict was stored, and the page now shows the one that was.
  await expect(lateEngineer.getByRole("region", { name: "Verdict" })).toContainText("Inaccurate");
  await expect(lateForm).toHaveCount(0);

  // A plain form post with the stale version gets 409, with who decided and when.
  const stale = await lateEngineer.request.post(claimPath, {
    form: { intent: "verify", status: "ACCURATE", severity: "LOW", note: "", version: "1" },
    headers: { origin: new URL(lateEngineer.url()).origin },
  });
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain("Sam Keller recorded a verdict (Inaccurate, High) at");

  // 3. The salesperson sees the verdict on their home and disputes it.
  await sales.goto(`${server(1)}/home`);
  const homeRow = sales
    .getByRole("region", { name: "Your recent claims" })
    .getByRole("row")
    .filter({ hasText: account });
  await expect(homeRow).toContainText("Inaccurate");
  // An inaccurate claim with no correction recorded is also listed among the customers to correct.
  await expect(
    sales
      .getByRole("region", { name: /Customers to correct/ })
      .getByRole("row")
      .filter({ hasText: account }),
  ).toHaveCount(1);
  await sales.goto(`${server(1)}${claimPath}`);
  await sales
    .getByLabel("Why the verdict is wrong")
    .fill("The customer only ever exports to xlsx; .xls never came up.");
  await sales.getByRole("button", { name: "Dispute this verdict" }).click();
  const dispute = sales.getByRole("region", { name: "Dispute" });
  await expect(dispute).toContainText("Disputed by Maya Chen");
  await expect(dispute.getByRole("button", { name: "Dispute this verdict" })).toHaveCount(0);

  // 4. Their manager overturns it and sets the new verdict in the same step.
  const manager = await pageAs(browser, "manager", server(0));
  await manager.goto(claimPath);
  await manager.getByLabel("Decision").selectOption({ label: "Overturn: replace the verdict" });
  await manager.getByLabel("Note to the salesperson").fill("The deal is xlsx only, so the claim was mostly right.");
  await manager.getByLabel("New verdict", { exact: true }).selectOption({ label: "Partially accurate" });
  await manager.getByLabel("New severity").selectOption({ label: "Medium" });
  await manager.getByLabel("New verdict note").fill("True for xlsx; .xls was not part of the deal.");
  await manager.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(manager.getByRole("region", { name: "Dispute" })).toContainText("Overturned by");

  // 5. The claim page tells the whole story.
  await sales.goto(`${server(0)}${claimPath}`);
  await expect(sales.getByRole("region", { name: "Verdict" })).toContainText("Partially accurate");
  const history = sales.getByRole("region", { name: "Dispute" });
  await expect(history).toContainText("Overturned by Priya Raman");
  await expect(history).toContainText("the verdict changed from Inaccurate to Partially accurate (Medium)");
  // The history in plain words: who did what, never an event code or an id.
  const audit = sales.getByRole("region", { name: "History" });
  for (const line of [
    "logged this claim.",
    "judged the claim inaccurate",
    "disputed the verdict (inaccurate).",
    "overturned the verdict: the claim is now partially accurate (medium severity).",
  ]) {
    await expect(audit).toContainText(line);
  }
  expect(await audit.innerText()).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\bclaim\.[a-z]|\bc[a-z0-9]{24}\b/);
}
