import { describe, expect, it } from "vitest";
import {
  adjustmentReason,
  claimIdsInReason,
  figureChanges,
  lateSurveyChanges,
  outstandingAdjustmentCents,
  readableAdjustmentReason,
  verdictChanges,
  type PeriodFigures,
} from "./comp-adjustment.ts";

const frozen: PeriodFigures = {
  accuracy: 0.92,
  quiz: 0.8875,
  satisfaction: 0.9,
  composite: 0.906,
  multiplier: 1.3113,
  payoutCents: 3_147_120,
};

describe("outstandingAdjustmentCents", () => {
  it("is today's payout less the frozen payout less what was already adjusted", () => {
    expect(outstandingAdjustmentCents(2_400_000, 3_147_120, 0)).toBe(-747_120);
    expect(outstandingAdjustmentCents(2_400_000, 3_147_120, -747_120)).toBe(0);
    expect(outstandingAdjustmentCents(3_147_120, 3_147_120, -747_120)).toBe(747_120);
  });
});

describe("figureChanges", () => {
  it("names the figures that moved at 4 decimals, and only those, scores as percentages", () => {
    const recomputed = { ...frozen, accuracy: 0.80000001, multiplier: 1, composite: 0.85840004 };
    expect(figureChanges(frozen, recomputed)).toEqual([
      "accuracy 92.00% → 80.00%",
      "composite 90.60% → 85.84%",
      "multiplier 1.3113 → 1.0000",
    ]);
    expect(figureChanges(frozen, { ...frozen, accuracy: 0.92000001 })).toEqual([]);
    expect(figureChanges(frozen, { ...frozen, quiz: null })).toEqual(["quiz 88.75% → dropped"]);
  });
});

describe("verdictChanges", () => {
  it("says in plain words which verdicts were given or changed after the lock and how many claims were logged late", () => {
    const before = [
      { id: "c1", status: "ACCURATE", severity: "HIGH" },
      { id: "c2", status: "PENDING", severity: null },
      { id: "c3", status: "ACCURATE", severity: "LOW" },
      { id: "c6", status: "ACCURATE", severity: "LOW" },
    ];
    const now = [
      {
        id: "c1",
        status: "INACCURATE",
        severity: "HIGH",
        account: "Northwind",
        madeAt: new Date("2026-09-29T10:00:00Z"),
      },
      { id: "c2", status: "ACCURATE", severity: "MEDIUM" },
      { id: "c3", status: "ACCURATE", severity: "LOW" },
      { id: "c4", status: "PENDING", severity: null },
      { id: "c5", status: "ACCURATE", severity: "LOW" },
      { id: "c6", status: "ACCURATE", severity: "HIGH" },
    ];
    expect(verdictChanges(before, now)).toEqual([
      "the verdict on the claim to Northwind of 29 Sep 2026 changed from accurate (high severity) to inaccurate (high severity) after the period was locked",
      "a claim made in the period was judged accurate (medium severity) after the period was locked",
      "the severity of a claim made in the period (accurate) changed from low to high after the period was locked",
      "2 claims made in the period were logged after it was locked",
    ]);
  });
});

describe("lateSurveyChanges", () => {
  const lockedAt = new Date("2026-01-10T20:00:00Z");
  it("names the day of an answer given after the lock, and both days of one dated before it but recorded after", () => {
    expect(
      lateSurveyChanges(
        [
          { respondedAt: new Date("2026-01-12T09:00:00Z"), recordedAt: new Date("2026-01-12T09:00:00Z") },
          { respondedAt: new Date("2026-01-08T09:00:00Z"), recordedAt: new Date("2026-01-11T15:00:00Z") },
        ],
        lockedAt,
      ),
    ).toEqual([
      "a survey answered on 8 Jan 2026 but recorded on 11 Jan 2026, after the period was locked",
      "a survey answered on 12 Jan 2026, after the period was locked",
    ]);
  });
});

describe("adjustmentReason", () => {
  type ReasonInput = Parameters<typeof adjustmentReason>[0];
  /** The reason for the frozen figures, nothing adjusted before and no details, unless `input` says otherwise. */
  const reasonFor = (input: Partial<ReasonInput> & Pick<ReasonInput, "periodName" | "recomputed" | "deltaCents">) =>
    adjustmentReason({ frozen, alreadyAdjustedCents: 0, details: [], ...input });

  it("says in plain words what arrived after the lock, how it moved the multiplier, and the payout difference", () => {
    const reason = reasonFor({
      periodName: "2025-Q4",
      frozen: { ...frozen, multiplier: 0.95, payoutCents: 950_000 },
      recomputed: { ...frozen, satisfaction: 0.95, multiplier: 1.02, payoutCents: 1_020_000 },
      deltaCents: 70_000,
      details: ["a survey answered on 11 Jan 2026, after the period was locked"],
    });
    expect(reason).toBe(
      "2025-Q4: a survey answered on 11 Jan 2026, after the period was locked, raised the multiplier from 0.9500 to 1.0200 (satisfaction 90.00% → 95.00%); " +
        "payout $9,500.00 when locked, $10,200.00 now: +$700.00.",
    );
  });

  it("lowers, lists several changes and counts the rest", () => {
    const reason = reasonFor({
      periodName: "2026-Q3",
      recomputed: { ...frozen, accuracy: 0.8, composite: 0.8584, multiplier: 1, payoutCents: 2_400_000 },
      deltaCents: -747_120,
      details: ["one", "two", "three", "four", "five", "six"],
    });
    expect(reason).toBe(
      "2026-Q3: one; two; three; four and 2 more changes, lowered the multiplier from 1.3113 to 1.0000 (accuracy 92.00% → 80.00%, composite 90.60% → 85.84%); " +
        "payout $31,471.20 when locked, $24,000.00 now: -$7,471.20.",
    );
  });

  it("mentions what was already adjusted", () => {
    const reason = reasonFor({ periodName: "Q", recomputed: frozen, alreadyAdjustedCents: -500, deltaCents: 500 });
    expect(reason).toBe(
      "Q: changes recorded after the period was locked, left the multiplier at 1.3113; payout $31,471.20 when locked less -$5.00 already adjusted, $31,471.20 now: +$5.00.",
    );
  });
});

describe("readableAdjustmentReason", () => {
  const id = "cesf0a1b2c3d4e5f6g7h8i9j0";
  // A reason as Candor stored it before reasons were worded (the stored text is never rewritten).
  const old =
    `2025-Q4 recomputed with today's data, A 0.8500 → 0.7000, C 0.8100 → 0.7500, M 1.2000 → 1.0000; claim ${id} INACCURATE → PARTIALLY_ACCURATE (HIGH); ` +
    "1 claim made in the period recorded after the lock; payout 9,500.00 when locked, 10,200.00 now: +700.00";

  it("names the claim by its customer and day, verdicts by their labels, scores as percentages", () => {
    const reason = readableAdjustmentReason(old, new Map([[id, "the claim to Northwind of 29 Sep 2025"]]));
    expect(reason).toBe(
      "2025-Q4 recomputed with today's data, accuracy 85.00% → 70.00%, composite 81.00% → 75.00%, multiplier 1.2000 → 1.0000; " +
        "the verdict on the claim to Northwind of 29 Sep 2025 changed from inaccurate to partially accurate (high severity); " +
        "1 claim made in the period recorded after the lock; payout $9,500.00 when locked, $10,200.00 now: +$700.00",
    );
  });

  it("never shows an id or a code, even when the claim is no longer known", () => {
    const reason = readableAdjustmentReason(old);
    expect(reason).toContain("the verdict on a claim changed from inaccurate to partially accurate (high severity)");
    expect(reason).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\bINACCURATE\b|\bHIGH\b|\bc[a-z0-9]{24}\b/);
  });

  it("passes a reason already in words through unchanged", () => {
    const reason = adjustmentReason({
      periodName: "2025-Q4",
      frozen: { ...frozen, multiplier: 0.95, payoutCents: 950_000 },
      recomputed: { ...frozen, satisfaction: 0.95, multiplier: 1.02, payoutCents: 1_020_000 },
      alreadyAdjustedCents: -500,
      deltaCents: 70_500,
      details: [
        "the claim to HIGH Street Bank of 3 Dec 2025 was judged accurate (low severity) after the period was locked",
      ],
    });
    expect(readableAdjustmentReason(reason)).toBe(reason);
  });

  it("finds the claim ids an old reason names", () => {
    expect(claimIdsInReason(old)).toEqual([id]);
    expect(claimIdsInReason("2025-Q4: the claim to Northwind of 29 Sep 2025 was judged accurate")).toEqual([]);
  });
});
