import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, startOfUtcDay, workingDaysBetween } from "./dates.ts";

const utc = (iso: string) => new Date(iso);

describe("addDays", () => {
  it("adds whole UTC days across month ends, keeping the time", () => {
    expect(addDays(utc("2026-01-30T10:15:00Z"), 3)).toEqual(utc("2026-02-02T10:15:00Z"));
    expect(addDays(utc("2026-03-01T00:00:00Z"), -1)).toEqual(utc("2026-02-28T00:00:00Z"));
    expect(addDays(utc("2028-02-28T12:00:00Z"), 1)).toEqual(utc("2028-02-29T12:00:00Z"));
  });

  it("is not shifted by daylight saving time (a UTC day is 24 hours)", () => {
    expect(addDays(utc("2026-03-28T12:00:00Z"), 2)).toEqual(utc("2026-03-30T12:00:00Z"));
  });
});

describe("startOfUtcDay", () => {
  it("drops the time of day in UTC", () => {
    expect(startOfUtcDay(utc("2026-05-17T23:59:59.999Z"))).toEqual(utc("2026-05-17T00:00:00Z"));
    expect(startOfUtcDay(utc("2026-05-17T00:00:00Z"))).toEqual(utc("2026-05-17T00:00:00Z"));
  });
});

describe("workingDaysBetween", () => {
  // 2026-11-23 is a Monday.
  it.each([
    ["Monday to the same Monday", "2026-11-23T09:00:00Z", "2026-11-23T17:00:00Z", 0],
    ["Monday to Thursday (the 3-working-day target)", "2026-11-23T09:00:00Z", "2026-11-26T09:00:00Z", 3],
    ["Monday to Friday", "2026-11-23T09:00:00Z", "2026-11-27T09:00:00Z", 4],
    ["Friday to Monday", "2026-11-27T16:00:00Z", "2026-11-30T08:00:00Z", 1],
    ["Friday to Wednesday", "2026-11-27T16:00:00Z", "2026-12-02T08:00:00Z", 3],
    ["Saturday to Sunday", "2026-11-28T10:00:00Z", "2026-11-29T10:00:00Z", 0],
    ["Saturday to Monday", "2026-11-28T10:00:00Z", "2026-11-30T10:00:00Z", 1],
    ["Monday to the next Monday", "2026-11-23T09:00:00Z", "2026-11-30T09:00:00Z", 5],
    ["Monday to Wednesday two weeks later", "2026-11-23T09:00:00Z", "2026-12-09T09:00:00Z", 12],
    ["late Monday to early Tuesday", "2026-11-23T23:00:00Z", "2026-11-24T01:00:00Z", 1],
  ])("%s = %i", (_name, from, to, expected) => {
    expect(workingDaysBetween(utc(from), utc(to))).toBe(expected);
  });

  it("is negative when `to` is before `from`", () => {
    expect(workingDaysBetween(utc("2026-11-26T09:00:00Z"), utc("2026-11-23T09:00:00Z"))).toBe(-3);
  });

  it("agrees with counting the weekdays one by one", () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }), (offset, span) => {
        const from = new Date(start + offset * 86_400_000);
        const to = new Date(from.getTime() + span * 86_400_000);
        let expected = 0;
        for (let d = 1; d <= span; d++) {
          const weekday = new Date(from.getTime() + d * 86_400_000).getUTCDay();
          if (weekday !== 0 && weekday !== 6) expected++;
        }
        expect(workingDaysBetween(from, to)).toBe(expected);
      }),
    );
  });
});

describe("addWorkingDays", () => {
  it("skips weekends", () => {
    expect(addWorkingDays(utc("2026-11-23T09:00:00Z"), 3)).toEqual(utc("2026-11-26T09:00:00Z"));
    expect(addWorkingDays(utc("2026-11-27T09:00:00Z"), 1)).toEqual(utc("2026-11-30T09:00:00Z"));
    expect(addWorkingDays(utc("2026-11-28T09:00:00Z"), 1)).toEqual(utc("2026-11-30T09:00:00Z"));
    expect(addWorkingDays(utc("2026-11-27T09:00:00Z"), 0)).toEqual(utc("2026-11-27T09:00:00Z"));
  });

  it("is the inverse of workingDaysBetween from a weekday", () => {
    const from = utc("2026-11-25T14:00:00Z");
    expect(workingDaysBetween(from, addWorkingDays(from, 7))).toBe(7);
  });
});
