import { test } from "@playwright/test";
import { honestyFlow } from "./honesty-flow.ts";

test("log → matrix warning → verify → 409 for the late engineer → dispute → resolve, with the history on the claim page", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await honestyFlow(browser, [baseURL ?? ""]);
});
