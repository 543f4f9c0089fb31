import { describe, expect, it } from "vitest";
import {
  choosePeriods,
  dayRange,
  monthsBetween,
  periodInEffect,
  samePointInPrevious,
  trailingYear,
  type PeriodRef,
} from "./dashboard-period.ts";

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

const today = new Date("2026-11-15T12:00:00Z");

describe("choosePeriods", () => {
  it("defaults to the period that contains today and compares it with the one before", () => {
    const chosen = choosePeriods(periods, null, today);
    expect(chosen?.current.name).toBe("2026-Q4");
    expect(chosen?.previous?.name).toBe("2026-Q3");
    expect(chosen?.note).toBeNull();
  });
  it("takes the period named in the URL", () => {
    const chosen = choosePeriods(periods, "2026-Q2", today);
    expect(chosen?.current.name).toBe("2026-Q2");
    expect(chosen?.previous?.name).toBe("2026-Q1");
  });
  it("has no previous period for the first one", () => {
    expect(choosePeriods(periods, "2026-Q1")?.previous).toBeNull();
  });
  it("falls back with a note when the URL names an unknown period", () => {
    const chosen = choosePeriods(periods, "1999-Q1", today);
    expect(chosen?.current.name).toBe("2026-Q4");
    expect(chosen?.note).toMatch(/no period called “1999-Q1”/);
  });
  it("takes the latest period that has started when none contains today, and nothing when there are none", () => {
    expect(
      choosePeriods(
        periods.filter((period) => period.status === "LOCKED"),
        undefined,
        today,
      )?.current.name,
    ).toBe("2026-Q3");
    expect(choosePeriods([], null, today)).toBeNull();
  });
  it("keeps showing the current quarter when next quarter's period was created early", () => {
    const withNext = [...periods, quarter("2027-Q1", "2027-01-01", "2027-04-01", "OPEN")];
    const chosen = choosePeriods(withNext, null, today);
    expect(chosen?.current.name).toBe("2026-Q4");
    expect(chosen?.previous?.name).toBe("2026-Q3");
    // Once the new quarter begins, it is the one shown.
    expect(choosePeriods(withNext, null, new Date("2027-01-01T00:00:00Z"))?.current.name).toBe("2027-Q1");
    // Asked for by name, the future period is still shown.
    expect(choosePeriods(withNext, "2027-Q1", today)?.current.name).toBe("2027-Q1");
  });
  it("shows the current quarter even when it was locked early and only a future period is open", () => {
    const lockedEarly = [
      quarter("2026-Q3", "2026-07-01", "2026-10-01"),
      quarter("2026-Q4", "2026-10-01", "2027-01-01"),
      quarter("2027-Q1", "2027-01-01", "2027-04-01", "OPEN"),
    ];
    expect(choosePeriods(lockedEarly, null, today)?.current.name).toBe("2026-Q4");
  });
  it("shows the earliest period when every period lies ahead", () => {
    const ahead = [
      quarter("2027-Q2", "2027-04-01", "2027-07-01", "OPEN"),
      quarter("2027-Q1", "2027-01-01", "2027-04-01", "OPEN"),
    ];
    expect(choosePeriods(ahead, null, today)?.current.name).toBe("2027-Q1");
  });
});

describe("periodInEffect", () => {
  it("is the period containing today, else the latest that has started, never a future one", () => {
    expect(periodInEffect(periods, today)?.name).toBe("2026-Q4");
    // Between two periods (a gap in the calendar): the one that ended last.
    const gap = [
      quarter("2026-Q3", "2026-07-01", "2026-10-01"),
      quarter("2027-Q1", "2027-01-01", "2027-04-01", "OPEN"),
    ];
    expect(periodInEffect(gap, today)?.name).toBe("2026-Q3");
    expect(periodInEffect([quarter("2027-Q1", "2027-01-01", "2027-04-01", "OPEN")], today)).toBeNull();
  });
  it("counts a period from its first instant and up to, not including, its end", () => {
    expect(periodInEffect(periods, new Date("2026-10-01T00:00:00Z"))?.name).toBe("2026-Q4");
    expect(periodInEffect(periods, new Date("2026-09-30T23:59:59Z"))?.name).toBe("2026-Q3");
  });
});

describe("samePointInPrevious", () => {
  const q3 = quarter("2026-Q3", "2026-07-01", "2026-10-01");
  const q4 = quarter("2026-Q4", "2026-10-01", "2027-01-01", "OPEN");
  it("is as many days into the previous period as today is into the current one", () => {
    // 45.5 days into Q4 → 45.5 days into Q3.
    expect(samePointInPrevious(q4, q3, today)?.toISOString()).toBe("2026-08-15T12:00:00.000Z");
    expect(samePointInPrevious(q4, q3, new Date("2026-10-01T00:00:00Z"))?.toISOString()).toBe(
      "2026-07-01T00:00:00.000Z",
    );
  });
  it("is never later than today, and there is none before the current period starts", () => {
    const distant = quarter("2026-Q1", "2026-01-01", "2026-04-01");
    expect(samePointInPrevious(q4, distant, today)?.toISOString()).toBe("2026-02-15T12:00:00.000Z");
    expect(samePointInPrevious(q4, { startsAt: new Date("2026-11-01T00:00:00Z") }, today)?.toISOString()).toBe(
      today.toISOString(),
    );
    expect(samePointInPrevious(q4, q3, new Date("2026-09-01T00:00:00Z"))).toBeNull();
  });
});

describe("period windows", () => {
  it("the trailing year ends where the period ends", () => {
    const window = trailingYear(quarter("2026-Q4", "2026-10-01", "2027-01-01"));
    expect(window.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(window.to.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
  it("lists the months of a window", () => {
    expect(monthsBetween(new Date("2026-10-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"))).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(monthsBetween(new Date("2026-10-15T00:00:00Z"), new Date("2026-10-16T00:00:00Z"))).toEqual(["2026-10"]);
  });
  it("gives the claims filter's inclusive day range", () => {
    expect(dayRange(new Date("2026-10-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"))).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
    });
  });
});
