import { describe, expect, it } from "vitest";
import { adjustmentReason, figureChanges, outstandingAdjustmentCents, verdictChanges, type PeriodFigures } from "./comp-adjustment.ts";

const frozen: PeriodFigures = { accuracy: 0.92, quiz: 0.8875, satisfaction: 0.9, composite: 0.906, multiplier: 1.3113, payoutCents: 3_147_120 };

describe("outstandingAdjustmentCents", () => {
  it("is today's payout less the frozen payout less what was already adjusted", () => {
    expect(outstandingAdjustmentCents(2_400_000, 3_147_120, 0)).toBe(-747_120);
    expect(outstandingAdjustmentCents(2_400_000, 3_147_120, -747_120)).toBe(0);
    expect(outstandingAdjustmentCents(3_147_120, 3_147_120, -747_120)).toBe(747_120);
  });
});

describe("figureChanges", () => {
  it("names the figures that moved at 4 decimals, and only those", () => {
    const recomputed = { ...frozen, accuracy: 0.80000001, multiplier: 1, composite: 0.85840004 };
    expect(figureChanges(frozen, recomputed)).toEqual(["A 0.9200 → 0.8000", "C 0.9060 → 0.8584", "M 1.3113 → 1.0000"]);
    expect(figureChanges(frozen, { ...frozen, accuracy: 0.92000001 })).toEqual([]);
    expect(figureChanges(frozen, { ...frozen, quiz: null })).toEqual(["Q 0.8875 → dropped"]);
  });
});

describe("verdictChanges", () => {
  it("lists changed verdicts and severities and counts claims recorded after the lock", () => {
    const before = [
      { id: "c1", status: "ACCURATE", severity: "HIGH" },
      { id: "c2", status: "PENDING", severity: null },
      { id: "c3", status: "ACCURATE", severity: "LOW" },
    ];
    const now = [
      { id: "c1", status: "INACCURATE", severity: "HIGH" },
      { id: "c2", status: "ACCURATE", severity: "MEDIUM" },
      { id: "c3", status: "ACCURATE", severity: "LOW" },
      { id: "c4", status: "PENDING", severity: null },
      { id: "c5", status: "ACCURATE", severity: "LOW" },
    ];
    expect(verdictChanges(before, now)).toEqual([
      "claim c1 ACCURATE → INACCURATE (HIGH)",
      "claim c2 PENDING → ACCURATE (MEDIUM)",
      "2 claims made in the period recorded after the lock",
    ]);
  });
});

describe("adjustmentReason", () => {
  it("names the period, the figures that moved, what changed and the payout difference", () => {
    const reason = adjustmentReason({
      periodName: "2026-Q3",
      frozen,
      recomputed: { ...frozen, accuracy: 0.8, composite: 0.8584, multiplier: 1, payoutCents: 2_400_000 },
      alreadyAdjustedCents: 0,
      deltaCents: -747_120,
      details: ["claim c1 ACCURATE → INACCURATE (HIGH)"],
    });
    expect(reason).toBe(
      "2026-Q3 recomputed with today's data; A 0.9200 → 0.8000, C 0.9060 → 0.8584, M 1.3113 → 1.0000; " +
        "claim c1 ACCURATE → INACCURATE (HIGH); payout 31,471.20 when locked, 24,000.00 now: -7,471.20.",
    );
  });

  it("mentions what was already adjusted", () => {
    const reason = adjustmentReason({ periodName: "Q", frozen, recomputed: frozen, alreadyAdjustedCents: -500, deltaCents: 500, details: [] });
    expect(reason).toContain("the scores are unchanged at 4 decimals");
    expect(reason).toContain("payout 31,471.20 when locked less -5.00 already adjusted, 31,471.20 now: +5.00.");
  });
});
