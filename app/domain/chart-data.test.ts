import { describe, expect, it } from "vitest";
import {
  binIndex,
  categoryAxisLayout,
  comparedDeltas,
  downsampleLine,
  downsampleScatter,
  histogramBins,
  kpiDelta,
  MAX_CHART_POINTS,
  median,
  scatterForPage,
  wrapLabel,
  type ComparisonRule,
} from "./chart-data.ts";

describe("kpiDelta", () => {
  it("calls a rise better when higher is better, and worse when lower is better", () => {
    expect(kpiDelta(0.8, 0.7, true)).toEqual({ change: expect.closeTo(0.1, 10), trend: "better" });
    expect(kpiDelta(12, 9, false)).toEqual({ change: 3, trend: "worse" });
    expect(kpiDelta(9, 12, false)).toEqual({ change: -3, trend: "better" });
    expect(kpiDelta(0.5, 0.6, true).trend).toBe("worse");
  });
  it("is unknown when either period has no figure, and same when nothing moved", () => {
    expect(kpiDelta(null, 0.7, true)).toEqual({ change: null, trend: "unknown" });
    expect(kpiDelta(0.7, null, true)).toEqual({ change: null, trend: "unknown" });
    expect(kpiDelta(Number.NaN, 1, true).trend).toBe("unknown");
    expect(kpiDelta(0.7, 0.7, true)).toEqual({ change: 0, trend: "same" });
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("histogramBins", () => {
  it("puts each score in its 10 % bin, a perfect score in the last", () => {
    const bins = histogramBins([0, 0.05, 0.1, 0.55, 0.7, 0.99, 1], 10);
    expect(bins).toHaveLength(10);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 1, 0, 2]);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.1 });
    expect(bins[9]?.to).toBeCloseTo(1);
  });
  it("keeps a value on a bin edge in the upper bin despite floating point (0.7 is 70–80 %)", () => {
    expect(binIndex(0.7, 10)).toBe(7);
    expect(binIndex(0.3, 10)).toBe(3);
    expect(binIndex(0.6, 10)).toBe(6);
  });
  it("clamps values outside the range and skips NaN", () => {
    const bins = histogramBins([-0.2, 1.5, Number.NaN], 4);
    expect(bins.map((bin) => bin.count)).toEqual([1, 0, 0, 1]);
  });
  it("counts every value exactly once", () => {
    const values = Array.from({ length: 997 }, (_, index) => ((index * 7919) % 1000) / 999);
    expect(histogramBins(values, 10).reduce((sum, bin) => sum + bin.count, 0)).toBe(997);
  });
  it("refuses a histogram without bins", () => {
    expect(() => histogramBins([1], 0)).toThrow(RangeError);
  });
});

describe("downsampleLine", () => {
  const wave = Array.from({ length: 5000 }, (_, x) => ({ x, y: Math.sin(x / 50) + (x === 2500 ? 10 : 0) }));

  it("returns the points unchanged when there are few enough", () => {
    const few = wave.slice(0, 20);
    expect(downsampleLine(few, 100)).toEqual(few);
  });
  it("keeps at most the threshold, the first and last point, in x order, and the spike", () => {
    const sampled = downsampleLine(wave, 200);
    expect(sampled.length).toBeLessThanOrEqual(200);
    expect(sampled.length).toBeGreaterThan(190);
    expect(sampled[0]).toBe(wave[0]);
    expect(sampled[sampled.length - 1]).toBe(wave[4999]);
    expect(sampled.map((point) => point.x)).toEqual([...sampled.map((point) => point.x)].sort((a, b) => a - b));
    expect(sampled.some((point) => point.x === 2500)).toBe(true);
  });
  it("defaults to the chart limit", () => {
    expect(downsampleLine(wave).length).toBeLessThanOrEqual(MAX_CHART_POINTS);
  });
});

describe("downsampleScatter", () => {
  const cloud = Array.from({ length: 3000 }, (_, index) => ({
    id: `p${index}`,
    x: ((index * 37) % 1000) / 1000,
    y: ((index * 61) % 997) / 997,
  }));

  it("returns the points unchanged when within the limit", () => {
    expect(downsampleScatter(cloud.slice(0, 50), 100)).toHaveLength(50);
  });
  it("keeps at most the limit, always the extremes and the points asked for", () => {
    const outlier = { id: "outlier", x: 0.5, y: 0.5 };
    const points = [...cloud, outlier];
    const sampled = downsampleScatter(points, 300, (point) => point.id === "outlier");
    expect(sampled.length).toBe(300);
    expect(sampled).toContain(outlier);
    const minX = Math.min(...points.map((point) => point.x));
    const minY = Math.min(...points.map((point) => point.y));
    expect(sampled.some((point) => point.x === minX)).toBe(true);
    expect(sampled.some((point) => point.y === minY)).toBe(true);
    expect(new Set(sampled).size).toBe(sampled.length);
  });
  it("is deterministic", () => {
    expect(downsampleScatter(cloud, 500).map((point) => point.id)).toEqual(
      downsampleScatter(cloud, 500).map((point) => point.id),
    );
  });
});

describe("scatterForPage", () => {
  const people = [
    { id: "a", name: "Ana", x: 0.9, y: 0.5, claims: 4 },
    { id: "b", name: "Ben", x: 0.123456789, y: 0.987654321, claims: 7 },
    { id: "c", name: "Cy", x: 0.5, y: 0.2, claims: 1 },
    { id: "d", name: "Di", x: 0.5, y: 0.1, claims: 2 },
  ];

  it("sends the chart as columns in the points' order, placed to 1/10,000", () => {
    expect(scatterForPage(people, 2, false).chart).toEqual({
      ids: ["a", "b", "c", "d"],
      labels: ["Ana", "Ben", "Cy", "Di"],
      x: [0.9, 0.1235, 0.5, 0.5],
      y: [0.5, 0.9877, 0.2, 0.1],
    });
  });
  it("lists the lowest x first (then the lowest y), whole and unrounded, up to the table's rows", () => {
    const page = scatterForPage(people, 2, false);
    expect(page.rows).toEqual([people[1], people[3]]);
    expect(page.count).toBe(4);
  });
  it("lists every point when asked for all", () => {
    expect(scatterForPage(people, 2, true).rows.map((point) => point.id)).toEqual(["b", "d", "c", "a"]);
  });
});

describe("comparedDeltas", () => {
  const rules = {
    accuracy: { higherIsBetter: true, compareAt: "whole period" },
    pending: { higherIsBetter: false, compareAt: "same point" },
    medianDaysToVerdict: { higherIsBetter: false, compareAt: "same point" },
  } as const satisfies Record<string, ComparisonRule>;
  const current = { accuracy: 0.8, pending: 36, medianDaysToVerdict: 3 };

  it("compares claims still waiting with the previous period at the same point, not with its drained end state", () => {
    // At its end the previous quarter had nothing waiting; 45 days in it had 40.
    const deltas = comparedDeltas(
      rules,
      current,
      { accuracy: 0.7, pending: 0, medianDaysToVerdict: 9 },
      { pending: 40, medianDaysToVerdict: 4 },
    );
    expect(deltas.pending).toEqual({ change: -4, trend: "better" });
    expect(deltas.medianDaysToVerdict).toEqual({ change: -1, trend: "better" });
    // Rates still compare with the whole previous period.
    expect(deltas.accuracy).toEqual({ change: expect.closeTo(0.1, 10), trend: "better" });
  });
  it("has no comparison for a backlog figure without a same-point value, nor for anything without a previous period", () => {
    const deltas = comparedDeltas(rules, current, { accuracy: 0.7, pending: 0, medianDaysToVerdict: 9 }, null);
    expect(deltas.pending).toEqual({ change: null, trend: "unknown" });
    expect(deltas.accuracy.trend).toBe("better");
    const none = comparedDeltas(rules, current, null, null);
    expect(Object.values(none).every((delta) => delta.trend === "unknown")).toBe(true);
  });
});

describe("wrapLabel", () => {
  it("keeps a label that fits on one line", () => {
    expect(wrapLabel("0–3 days", 12)).toEqual(["0–3 days"]);
  });

  it("breaks between words, never losing one", () => {
    const lines = wrapLabel("Over 60 days", 7);
    expect(lines).toEqual(["Over 60", "days"]);
    expect(lines.join(" ")).toBe("Over 60 days");
  });

  it("breaks a range after its dash rather than dropping or overrunning it", () => {
    expect(wrapLabel("90–100%", 4)).toEqual(["90–", "100%"]);
    expect(wrapLabel("0.75–1.00", 6)).toEqual(["0.75–", "1.00"]);
  });

  it("puts a month and its year on two lines when the band is narrow", () => {
    expect(wrapLabel("Jan 2026", 5)).toEqual(["Jan", "2026"]);
  });

  it("cuts a word longer than a line, and ends the last allowed line with an ellipsis", () => {
    expect(wrapLabel("abcdefghij", 4, 5)).toEqual(["abcd", "efgh", "ij"]);
    const lines = wrapLabel("Excel export to legacy spreadsheet formats (Ledgerline)", 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(10);
  });

  it("never returns a line longer than asked, whatever the words", () => {
    const labels = [
      "Single sign-on (SAML 2.0) (Ledgerline)",
      "15–30 days",
      "Partially accurate / disputed",
      "x".repeat(40),
    ];
    for (const label of labels) {
      for (const width of [3, 5, 8, 13, 21]) {
        for (const line of wrapLabel(label, width, 10))
          expect(line.length, `${label} at ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe("categoryAxisLayout", () => {
  const backlog = ["0–3 days", "4–7 days", "8–14 days", "15–30 days", "31–60 days", "Over 60 days"];

  it("keeps every label on one line when the bands are wide", () => {
    const layout = categoryAxisLayout(backlog, 120);
    expect(layout.lines.map((lines) => lines.join(" "))).toEqual(backlog);
    expect(layout).toMatchObject({ lineCount: 1, angle: 0 });
  });

  it("wraps labels between words when the bands are narrower, keeping every label", () => {
    const layout = categoryAxisLayout(backlog, 60);
    expect(layout.angle).toBe(0);
    expect(layout.lines).toHaveLength(backlog.length);
    expect(layout.lines[5]).toEqual(["Over 60", "days"]);
    expect(layout.lineCount).toBe(2);
    expect(layout.extent).toBe(28);
  });

  it("slants whole labels rather than cutting a word when a word does not fit its band", () => {
    const months = ["Jan 2026", "Feb 2026", "Mar 2026"];
    const layout = categoryAxisLayout(months, 22);
    expect(layout.angle).toBe(-45);
    expect(layout.lines).toEqual(months.map((month) => [month]));
    expect(layout.extent).toBeGreaterThan(30);
  });

  it("cuts words on an axis that cannot slant (names down the side), never dropping a label", () => {
    const layout = categoryAxisLayout(["Intercompany elimination (Ledgerline)"], 60, { canSlant: false, maxLines: 8 });
    expect(layout.angle).toBe(0);
    expect(layout.lines[0]?.join("").replace(/\s/g, "")).toBe("Intercompanyelimination(Ledgerline)");
  });
});
