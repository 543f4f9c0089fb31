import { describe, expect, it } from "vitest";
import {
  formatCents,
  formatCount,
  formatDate,
  formatDateTime,
  formatIsoInText,
  formatMonth,
  formatPercent,
  formatSignedCents,
  NONE,
} from "./format.ts";

describe("dates in words, in UTC", () => {
  it.each([
    [new Date("2026-12-03T23:59:00Z"), "3 Dec 2026"],
    ["2026-12-03T00:00:00.000Z", "3 Dec 2026"],
    // Three letters for every month, on every ICU ("Sept" in some builds of Intl's en-GB).
    [new Date("2026-09-30T12:00:00Z"), "30 Sep 2026"],
  ])("names the UTC day, whatever the time of day: %s", (date, day) => {
    expect(formatDate(date)).toBe(day);
  });

  it("adds the time in UTC, on a 24-hour clock", () => {
    expect(formatDateTime(new Date("2026-12-03T14:05:59Z"))).toBe("3 Dec 2026, 14:05 UTC");
    expect(formatDateTime(new Date("2026-01-01T07:00:00Z"))).toBe("1 Jan 2026, 07:00 UTC");
  });

  it("names a calendar month with the same three letters, and leaves anything else as it is", () => {
    expect(formatMonth("2026-09")).toBe("Sep 2026");
    expect(formatMonth("2025-01")).toBe("Jan 2025");
    expect(formatMonth("2025-12")).toBe("Dec 2025");
    for (const text of ["2025-13", "2025-00", "2025-1", "Q3", ""]) expect(formatMonth(text)).toBe(text);
  });

  it("reads nothing, or something that is no date, as a dash", () => {
    for (const value of [null, undefined, "", "not a date"]) {
      expect(formatDate(value)).toBe(NONE);
      expect(formatDateTime(value)).toBe(NONE);
    }
  });

  it("rewords ISO days and instants inside text, and leaves other numbers alone", () => {
    expect(formatIsoInText("best score 0.8 from 2026-07-02 to 2026-09-30; pass mark 0.7")).toBe(
      "best score 0.8 from 2 Jul 2026 to 30 Sep 2026; pass mark 0.7",
    );
    expect(formatIsoInText("revoked at 2026-12-03T14:05:00.000Z.")).toBe("revoked at 3 Dec 2026, 14:05 UTC.");
    expect(formatIsoInText("period 2026-Q3, deal OPP-004131, 12,500.50")).toBe(
      "period 2026-Q3, deal OPP-004131, 12,500.50",
    );
  });
});

describe("percentages read 80%", () => {
  it("turns a fraction into whole percent by default, without a space", () => {
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("rounds half up as people do, despite floating point", () => {
    expect(formatPercent(0.285)).toBe("29%");
    expect(formatPercent(0.005)).toBe("1%");
    expect(formatPercent(0.93214, 2)).toBe("93.21%");
    expect(formatPercent(0.123456, 2)).toBe("12.35%");
  });

  it("keeps the sign of a negative share and reads no value as a dash", () => {
    expect(formatPercent(-0.25)).toBe("-25%");
    expect(formatPercent(-0.001)).toBe("0%");
    expect(formatPercent(null)).toBe(NONE);
    expect(formatPercent(Number.NaN)).toBe(NONE);
  });
});

describe("money and counts", () => {
  it("reads integer cents as dollars with separators", () => {
    expect(formatCents(123_456)).toBe("$1,234.56");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(-100)).toBe("-$1.00");
    expect(formatCents(100_000_000)).toBe("$1,000,000.00");
    expect(formatCents(null)).toBe(NONE);
  });

  it("signs a difference", () => {
    expect(formatSignedCents(70_000)).toBe("+$700.00");
    expect(formatSignedCents(-747_120)).toBe("-$7,471.20");
    expect(formatSignedCents(0)).toBe("$0.00");
  });

  it("groups whole numbers by thousands", () => {
    expect(formatCount(200_000)).toBe("200,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(-1234)).toBe("-1,234");
  });
});
