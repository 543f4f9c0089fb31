import { describe, expect, it } from "vitest";
import { utcDayOf } from "../domain/claim-rules.ts";
import { disputeSchema, newClaimSchema, resolveDisputeSchema, verdictSchema } from "./claims.ts";
import { parseForm } from "./test-support.ts";

const errorsOf = (result: { reply(): { error?: Record<string, string[] | null> | null } }) =>
  result.reply().error ?? {};

describe("claim form schemas", () => {
  it("reports every problem of a claim on the first submit, cross-field rules included", () => {
    const result = parseForm(newClaimSchema, { capabilityId: "none", madeOn: "2099-01-01" });
    expect(errorsOf(result)).toEqual({
      assertedLevel: ["Choose what the customer was told."],
      statement: ["Write down what was said."],
      channel: ["Choose how it was said."],
      madeOn: ["The date cannot be in the future."],
      productId: ["Choose the product the claim was about."],
      accountName: ["Name the customer's account, or choose a deal."],
    });
  });

  it("takes the account from the deal when one is chosen", () => {
    const result = parseForm(newClaimSchema, {
      capabilityId: "cap",
      assertedLevel: "PARTIAL",
      statement: "xlsx only",
      channel: "CALL",
      madeOn: utcDayOf(new Date()),
      dealId: "deal",
    });
    expect(result.status).toBe("success");
  });

  it("attaches the verdict rules to their fields", () => {
    expect(errorsOf(parseForm(verdictSchema, { status: "INACCURATE", version: "1" }))).toEqual({
      severity: [expect.any(String)],
      note: [expect.any(String)],
    });
    expect(parseForm(verdictSchema, { status: "ACCURATE", severity: "LOW", version: "1" }).status).toBe("success");
  });

  it("needs a dispute reason of at least 10 characters and a different verdict to overturn", () => {
    expect(errorsOf(parseForm(disputeSchema, { reason: "wrong" }))).toHaveProperty("reason");
    const overturn = parseForm(resolveDisputeSchema("INACCURATE"), {
      outcome: "OVERTURNED",
      resolutionNote: "Fair",
      status: "INACCURATE",
      severity: "HIGH",
      note: "x",
    });
    expect(errorsOf(overturn)).toEqual({ status: ["Choose a different verdict, or uphold the dispute instead."] });
    expect(
      parseForm(resolveDisputeSchema("INACCURATE"), { outcome: "UPHELD", resolutionNote: "It stands." }).status,
    ).toBe("success");
  });
});
