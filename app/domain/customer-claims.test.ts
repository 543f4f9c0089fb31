import { describe, expect, it } from "vitest";
import { assertedLevelText, customerClaimProductId, needsMapping, untrueClaimAnswer } from "./customer-claims.ts";

describe("untrueClaimAnswer", () => {
  it("keeps the customer's words, trimmed, and treats a blank answer as no answer", () => {
    expect(untrueClaimAnswer("  They said .xls works.\n")).toBe("They said .xls works.");
    expect(untrueClaimAnswer("   ")).toBeNull();
    expect(untrueClaimAnswer(undefined)).toBeNull();
    expect(untrueClaimAnswer(null)).toBeNull();
  });
});

describe("customerClaimProductId", () => {
  it("files the report under the deal's product, else the product of the latest claim on the deal, else none", () => {
    expect(customerClaimProductId("ledgerline", "relay")).toBe("ledgerline");
    expect(customerClaimProductId(null, "relay")).toBe("relay");
    expect(customerClaimProductId(null, null)).toBeNull();
  });
});

describe("needsMapping", () => {
  it("holds a customer's report until an engineer sets what the customer was told", () => {
    expect(needsMapping({ source: "CUSTOMER", assertedLevel: null })).toBe(true);
    expect(needsMapping({ source: "CUSTOMER", assertedLevel: "PARTIAL" })).toBe(false);
    expect(needsMapping({ source: "SELF", assertedLevel: "SUPPORTED" })).toBe(false);
  });
});

describe("assertedLevelText", () => {
  it("shows “not stated yet” for a level nobody has set", () => {
    expect(assertedLevelText(null)).toBe("not stated yet");
    expect(assertedLevelText("ROADMAP")).toBe("On the roadmap");
  });
});
