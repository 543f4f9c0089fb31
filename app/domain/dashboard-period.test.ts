import { describe, expect, it } from "vitest";
import { choosePeriods, dayRange, monthsBetween, trailingYear, type PeriodRef } from "./dashboard-period.ts";

const quarter = (name: string, start: string, end: string, status: PeriodRef["status"] = "LOCKED"): PeriodRef => ({
  id: name,
  name,
  startsAt: new Date(`${start}T00:00:00Z`),
  endsAt: new Date(`${end}T00:00:00Z`),
  status,
});
const periods = [
  quarter("2026-Q3", "2026-07-01", "2026-10-01"),
  quarter("2026-Q1", "2026-01-01", "2026-04-01"),
  quarter("2026-Q4", "2026-10-01", "2027-01-01", "OPEN"),
  quarter("2026-Q2", "2026-04-01", "2026-07-01"),
];

describe("choosePeriods", () => {
  it("defaults to the open period and compares it with the one before", () => {
    const chosen = choosePeriods(periods, null);
    expect(chosen?.current.name).toBe("2026-Q4");
    expect(chosen?.previous?.name).toBe("2026-Q3");
    expect(chosen?.note).toBeNull();
  });
  it("takes the period named in the URL", () => {
    const chosen = choosePeriods(periods, "2026-Q2");
    expect(chosen?.current.name).toBe("2026-Q2");
    expect(chosen?.previous?.name).toBe("2026-Q1");
  });
  it("has no previous period for the first one", () => {
    expect(choosePeriods(periods, "2026-Q1")?.previous).toBeNull();
  });
  it("falls back with a note when the URL names an unknown period", () => {
    const chosen = choosePeriods(periods, "1999-Q1");
    expect(chosen?.current.name).toBe("2026-Q4");
    expect(chosen?.note).toMatch(/no period called “1999-Q1”/);
  });
  it("takes the latest period when none is open, and nothing when there are none", () => {
    expect(choosePeriods(periods.filter((period) => period.status === "LOCKED"), undefined)?.current.name).toBe("2026-Q3");
    expect(choosePeriods([], null)).toBeNull();
  });
});

describe("period windows", () => {
  it("the trailing year ends where the period ends", () => {
    const window = trailingYear(quarter("2026-Q4", "2026-10-01", "2027-01-01"));
    expect(window.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(window.to.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
  it("lists the months of a window", () => {
    expect(monthsBetween(new Date("2026-10-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"))).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(monthsBetween(new Date("2026-10-15T00:00:00Z"), new Date("2026-10-16T00:00:00Z"))).toEqual(["2026-10"]);
  });
  it("gives the claims filter's inclusive day range", () => {
    expect(dayRange(new Date("2026-10-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"))).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });
});
