import { describe, expect, it } from "vitest";
import { formatPlainPercent, readableStatementLine } from "./comp-explanation.ts";

describe("formatPlainPercent", () => {
  it("shows a score with the decimals it needs", () => {
    expect([0.8, 0.775, 1].map((score) => formatPlainPercent(score))).toEqual(["80%", "77.5%", "100%"]);
  });
});

describe("readableStatementLine", () => {
  it("reads a line frozen before scores and days were worded through today's formats", () => {
    expect(
      readableStatementLine(
        'Required quiz "Security": best score 0.7 from 2026-04-03 to 2026-09-30; pass mark 0.8, not passed.',
      ),
    ).toBe('Required quiz "Security": best score 70% from 3 Apr 2026 to 30 Sep 2026; pass mark 80%, not passed.');
    expect(readableStatementLine("A = (12.5 + 4 × 0.8) / (16 + 4) = 0.785000")).toBe(
      "A = (12.5 + 4 × 0.8) / (16 + 4) = 0.785000 (78.50%)",
    );
    expect(
      readableStatementLine(
        'A required quiz is below the pass mark: "Security" (best 0.7, pass mark 0.8); this caps the multiplier at 0.9.',
      ),
    ).toBe(
      'A required quiz is below the pass mark: "Security" (best 70%, pass mark 80%); this caps the multiplier at 0.9.',
    );
  });

  it("leaves lines already worded, and the multiplier's arithmetic, as they are", () => {
    for (const line of [
      'Required quiz "Security": best score 70% from 3 Apr 2026 to 30 Sep 2026; pass mark 80%, not passed.',
      "C = 0.4 × 0.785000 + 0.2 × 0.750000 + 0.4 × 0.541667 = 0.680667 (68.07%)",
      "C lies between the curve points (0.5, 0.5) and (0.75, 1): M = 0.5 + (0.680667 − 0.5) × (1 − 0.5) / (0.75 − 0.5) = 0.861333",
      "M rounded to 4 decimals = 0.8613",
      "Payout = round(1234567 cents × 0.8613) = round(1063332.5571) = 1063333 cents",
    ]) {
      expect(readableStatementLine(line)).toBe(line);
    }
  });
});
