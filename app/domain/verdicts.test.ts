import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES } from "./levels.ts";
import { FINAL_VERDICTS, SEVERITY_WEIGHT, VERDICT_CREDIT, isFinalVerdict, weightedAccuracy } from "./verdicts.ts";

describe("verdict credit and severity weight (PRODUCT.md §4.1)", () => {
  it("credits ACCURATE 1, PARTIALLY_ACCURATE 0.5, INACCURATE 0", () => {
    expect(VERDICT_CREDIT).toEqual({ ACCURATE: 1, PARTIALLY_ACCURATE: 0.5, INACCURATE: 0 });
  });

  it("weighs LOW 1, MEDIUM 2, HIGH 4", () => {
    expect(SEVERITY_WEIGHT).toEqual({ LOW: 1, MEDIUM: 2, HIGH: 4 });
  });

  it("treats exactly the three judged outcomes as final", () => {
    expect(CLAIM_STATUSES.filter(isFinalVerdict)).toEqual(["ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE"]);
    expect([...FINAL_VERDICTS]).toEqual(["ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE"]);
    expect(isFinalVerdict("PENDING")).toBe(false);
    expect(isFinalVerdict("UNVERIFIABLE")).toBe(false);
  });
});

describe("weightedAccuracy (dashboard: A without the prior)", () => {
  it("weights final verdicts by severity and leaves the rest out", () => {
    // HIGH accurate 4 × 1, MEDIUM partly 2 × 0.5, LOW inaccurate 1 × 0 → 5 / 7.
    const claims = [
      { status: "ACCURATE" as const, severity: "HIGH" as const },
      { status: "PARTIALLY_ACCURATE" as const, severity: "MEDIUM" as const },
      { status: "INACCURATE" as const, severity: "LOW" as const },
      { status: "PENDING" as const, severity: "HIGH" as const },
      { status: "UNVERIFIABLE" as const, severity: null },
    ];
    expect(weightedAccuracy(claims)).toBeCloseTo(5 / 7, 12);
  });

  it("weighs a missing severity as MEDIUM", () => {
    // LOW accurate 1 × 1 and (MEDIUM) inaccurate 2 × 0 → 1 / 3.
    expect(
      weightedAccuracy([
        { status: "ACCURATE", severity: "LOW" },
        { status: "INACCURATE", severity: null },
      ]),
    ).toBeCloseTo(1 / 3, 12);
  });

  it("is null when nothing has a final verdict", () => {
    expect(weightedAccuracy([{ status: "PENDING", severity: "LOW" }])).toBeNull();
    expect(weightedAccuracy([])).toBeNull();
  });
});
