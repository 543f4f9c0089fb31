import { describe, expect, it } from "vitest";
import { multiplierHistogram } from "./comp-distribution.ts";

describe("multiplierHistogram", () => {
  it("counts people per 0.1 band of M up to the curve's top, the top itself in the last band", () => {
    const bins = multiplierHistogram([0, 0.0999, 0.1, 0.9, 1.0, 1.3113, 1.5], 1.5);
    expect(bins).toHaveLength(15);
    expect(bins[0]).toEqual({ label: "0.00–0.10", from: 0, to: 0.1, count: 2 });
    expect(bins[1]?.count).toBe(1);
    expect(bins[9]?.count).toBe(1);
    expect(bins[10]?.count).toBe(1);
    expect(bins[13]?.count).toBe(1);
    expect(bins[14]).toMatchObject({ label: "1.40–1.50", count: 1 });
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(7);
  });

  it("widens to an M above the curve's top", () => {
    expect(multiplierHistogram([2.05], 1.5)).toHaveLength(21);
    expect(multiplierHistogram([], 1.5).every((bin) => bin.count === 0)).toBe(true);
  });
});
