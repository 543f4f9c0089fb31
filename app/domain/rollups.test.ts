import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median } from "./chart-data.ts";
import {
  medianFromPlaces,
  medianPlaces,
  monthKeyOf,
  monthStart,
  splitByMonths,
  subtractCounts,
  VERDICT_TIME_BINS,
  VERDICT_TIME_EDGES_DAYS,
  verdictTimeBin,
  type TimeRange,
} from "./rollups.ts";

const utc = (iso: string) => new Date(`${iso}Z`);

describe("month keys", () => {
  it("names the UTC month of an instant and finds its first instant", () => {
    expect(monthKeyOf(utc("2026-12-31T23:59:59.999"))).toBe("2026-12");
    expect(monthKeyOf(utc("2027-01-01T00:00:00.000"))).toBe("2027-01");
    expect(monthStart("2026-12")).toEqual(utc("2026-12-01T00:00:00.000"));
    expect(monthStart("2026-12", 1)).toEqual(utc("2027-01-01T00:00:00.000"));
    expect(monthStart("2026-01", -1)).toEqual(utc("2025-12-01T00:00:00.000"));
    expect(() => monthStart("December")).toThrow(RangeError);
  });
});

describe("splitByMonths", () => {
  it("reads a quarter that starts on the first of a month from whole months only", () => {
    expect(splitByMonths(utc("2026-10-01T00:00:00.000"), utc("2027-01-01T00:00:00.000"))).toEqual({
      months: { first: "2026-10", last: "2026-12" },
      edges: [],
    });
  });

  it("leaves the partial months at either end to be read from the rows", () => {
    const from = utc("2026-07-15T00:00:00.000");
    const to = utc("2026-10-03T12:00:00.000");
    expect(splitByMonths(from, to)).toEqual({
      months: { first: "2026-08", last: "2026-09" },
      edges: [
        { from, to: utc("2026-08-01T00:00:00.000") },
        { from: utc("2026-10-01T00:00:00.000"), to },
      ],
    });
  });

  it("reads a window inside one month, or spanning two partial ones, from the rows", () => {
    const inside = { from: utc("2026-09-01T00:00:00.000"), to: utc("2026-09-02T18:00:00.000") };
    expect(splitByMonths(inside.from, inside.to)).toEqual({ months: null, edges: [inside] });
    const across = { from: utc("2026-09-20T00:00:00.000"), to: utc("2026-10-05T00:00:00.000") };
    expect(splitByMonths(across.from, across.to)).toEqual({ months: null, edges: [across] });
  });

  it("has nothing to read for an empty window", () => {
    const at = utc("2026-09-01T00:00:00.000");
    expect(splitByMonths(at, at)).toEqual({ months: null, edges: [] });
    expect(splitByMonths(at, utc("2026-08-01T00:00:00.000"))).toEqual({ months: null, edges: [] });
  });

  it("tiles the window exactly: whole months and edges, in order, without gaps or overlaps", () => {
    const instant = fc.date({
      min: utc("2020-01-01T00:00:00.000"),
      max: utc("2030-12-31T00:00:00.000"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const { months, edges } = splitByMonths(from, to);
        const pieces: TimeRange[] = [...edges];
        if (months) pieces.push({ from: monthStart(months.first), to: monthStart(months.last, 1) });
        pieces.sort((x, y) => x.from.getTime() - y.from.getTime());
        if (from.getTime() === to.getTime()) return pieces.length === 0;
        expect(pieces[0]?.from).toEqual(from);
        expect(pieces[pieces.length - 1]?.to).toEqual(to);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.from).toEqual(pieces[i - 1]?.to);
        // Each edge stays within one month's reach of the window's ends.
        for (const edge of edges) expect(edge.to.getTime() - edge.from.getTime()).toBeLessThanOrEqual(62 * 86_400_000);
        return true;
      }),
    );
  });
});

describe("verdictTimeBin", () => {
  it("puts a time in the first bin whose upper edge lies above it, the lower edge included", () => {
    expect(VERDICT_TIME_BINS).toBe(20);
    expect(verdictTimeBin(0)).toBe(0);
    expect(verdictTimeBin(-0.5)).toBe(0);
    expect(verdictTimeBin(1 / 24)).toBe(1);
    expect(verdictTimeBin(2.9999)).toBe(8);
    expect(verdictTimeBin(3)).toBe(9);
    expect(verdictTimeBin(59.9)).toBe(18);
    expect(verdictTimeBin(60)).toBe(19);
    expect(verdictTimeBin(400)).toBe(19);
  });
  it("has increasing edges, so the bins keep the values' order", () => {
    const edges = [...VERDICT_TIME_EDGES_DAYS];
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
    expect(new Set(edges).size).toBe(edges.length);
  });
});

describe("medianPlaces", () => {
  it("finds the middle value, or the middle two, across bins", () => {
    expect(medianPlaces([0, 3, 0])).toEqual([{ bin: 1, offset: 1 }]);
    expect(medianPlaces([1, 0, 1])).toEqual([
      { bin: 0, offset: 0 },
      { bin: 2, offset: 0 },
    ]);
    expect(medianPlaces([2, 2])).toEqual([
      { bin: 0, offset: 1 },
      { bin: 1, offset: 0 },
    ]);
    expect(medianPlaces([0, 0])).toEqual([]);
    expect(medianFromPlaces([])).toBeNull();
  });

  it("gives the same median as sorting every value, whatever the values", () => {
    // Durations as subtraction gives them: never −0 (−0 and 0 sort as equals, so which of them the
    // median lands on would depend on the sort, not on the rule under test).
    const days = fc.double({ min: -1, max: 400, noNaN: true }).map((value) => value + 0);
    fc.assert(
      fc.property(fc.array(days, { maxLength: 200 }), (values) => {
        // The values as the database holds them: binned, each bin read in ascending order.
        const bins = Array.from({ length: VERDICT_TIME_BINS }, () => [] as number[]);
        for (const value of values) bins[verdictTimeBin(value)]?.push(value);
        for (const bin of bins) bin.sort((a, b) => a - b);
        const places = medianPlaces(bins.map((bin) => bin.length));
        const found = places.map((place) => bins[place.bin]?.[place.offset] ?? Number.NaN);
        expect(medianFromPlaces(found)).toBe(median(values));
      }),
    );
  });
});

describe("subtractCounts", () => {
  it("takes counts out bin by bin", () => {
    expect(subtractCounts([3, 2, 5], [1, 0, 5])).toEqual([2, 2, 0]);
    expect(subtractCounts([3, 2], [])).toEqual([3, 2]);
  });
});
