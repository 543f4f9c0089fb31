import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { utcDayOf } from "../domain/claim-rules.ts";
import { disputeSchema, newClaimSchema, resolveDisputeSchema, verdictSchema } from "./claims.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const errorsOf = (result: { reply(): { error?: Record<string, string[] | null> | null } }) =>
  result.reply().error ?? {};

describe("claim form schemas", () => {
  it("reports every problem of a claim on the first submit, cross-field rules included", () => {
    const result = parseWithZod(form({ capabilityId: "none", madeOn: "2099-01-01" }), { schema: newClaimSchema });
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
    const result = parseWithZod(
      form({
        capabilityId: "cap",
        assertedLevel: "PARTIAL",
        statement: "xlsx only",
        channel: "CALL",
        madeOn: utcDayOf(new Date()),
        dealId: "deal",
      }),
      { schema: newClaimSchema },
    );
    expect(result.status).toBe("success");
  });

  it("attaches the verdict rules to their fields", () => {
    expect(errorsOf(parseWithZod(form({ status: "INACCURATE", version: "1" }), { schema: verdictSchema }))).toEqual({
      severity: [expect.any(String)],
      note: [expect.any(String)],
    });
    expect(
      parseWithZod(form({ status: "ACCURATE", severity: "LOW", version: "1" }), { schema: verdictSchema }).status,
    ).toBe("success");
  });

  it("needs a dispute reason of at least 10 characters and a different verdict to overturn", () => {
    expect(errorsOf(parseWithZod(form({ reason: "wrong" }), { schema: disputeSchema }))).toHaveProperty("reason");
    const overturn = parseWithZod(
      form({ outcome: "OVERTURNED", resolutionNote: "Fair", status: "INACCURATE", severity: "HIGH", note: "x" }),
      {
        schema: resolveDisputeSchema("INACCURATE"),
      },
    );
    expect(errorsOf(overturn)).toEqual({ status: ["Choose a different verdict, or uphold the dispute instead."] });
    expect(
      parseWithZod(form({ outcome: "UPHELD", resolutionNote: "It stands." }), {
        schema: resolveDisputeSchema("INACCURATE"),
      }).status,
    ).toBe("success");
  });
});
