import { describe, expect, it } from "vitest";
import { surveyDueAt, surveyLinkExpiresAt, surveyScore, surveyScoreParts, surveyState } from "./survey-schedule.ts";

const utc = (iso: string) => new Date(iso);

describe("surveyDueAt: six calendar months after the close", () => {
  it.each([
    ["a mid-month close keeps day and time", "2026-01-15T13:45:10.123Z", "2026-07-15T13:45:10.123Z"],
    ["31 August → 28 February", "2025-08-31T09:00:00Z", "2026-02-28T09:00:00Z"],
    ["31 August → 29 February in a leap year", "2027-08-31T09:00:00Z", "2028-02-29T09:00:00Z"],
    ["30 August → 29 February in a leap year", "2023-08-30T00:00:00Z", "2024-02-29T00:00:00Z"],
    ["29 August → 29 February in a leap year", "2023-08-29T00:00:00Z", "2024-02-29T00:00:00Z"],
    ["29 August → 28 February otherwise", "2026-08-29T00:00:00Z", "2027-02-28T00:00:00Z"],
    ["31 March → 30 September", "2026-03-31T18:30:00Z", "2026-09-30T18:30:00Z"],
    ["31 July → 31 January, next year", "2026-07-31T08:00:00Z", "2027-01-31T08:00:00Z"],
    ["31 December, last millisecond → 30 June", "2026-12-31T23:59:59.999Z", "2027-06-30T23:59:59.999Z"],
    ["28 February → 28 August", "2026-02-28T00:00:00Z", "2026-08-28T00:00:00Z"],
    ["29 February → 29 August", "2028-02-29T00:00:00Z", "2028-08-29T00:00:00Z"],
  ])("%s", (_name, closedAt, dueAt) => {
    expect(surveyDueAt(utc(closedAt)).toISOString()).toBe(utc(dueAt).toISOString());
  });

  it("uses the UTC date, not the server's local date", () => {
    // 23:30 UTC on 31 August is already 1 September east of Greenwich; the rule is UTC.
    expect(surveyDueAt(utc("2026-08-31T23:30:00Z")).toISOString()).toBe("2027-02-28T23:30:00.000Z");
  });
});

describe("surveyLinkExpiresAt", () => {
  it("is 90 days after the due date", () => {
    // 15 July + 16 = 31 July, + 31 = 31 August, + 30 = 30 September, + 13 = 13 October.
    expect(surveyLinkExpiresAt(utc("2026-07-15T10:00:00Z")).toISOString()).toBe("2026-10-13T10:00:00.000Z");
  });
});

describe("surveyState", () => {
  const dueAt = utc("2026-07-15T00:00:00Z");
  const unsent = { dueAt, sentAt: null, respondedAt: null };
  const sent = { dueAt, sentAt: utc("2026-07-16T09:00:00Z"), respondedAt: null };

  it("is SCHEDULED before the due date and DUE from it", () => {
    expect(surveyState(unsent, utc("2026-07-14T23:59:59Z"))).toBe("SCHEDULED");
    expect(surveyState(unsent, dueAt)).toBe("DUE");
  });

  it("is SENT once sent, and not before the send time", () => {
    expect(surveyState(sent, utc("2026-07-20T00:00:00Z"))).toBe("SENT");
    expect(surveyState(sent, utc("2026-07-15T12:00:00Z"))).toBe("DUE");
  });

  it("expires 90 days after the due date without an answer, sent or not", () => {
    expect(surveyState(sent, utc("2026-10-12T23:59:59.999Z"))).toBe("SENT");
    expect(surveyState(sent, utc("2026-10-13T00:00:00Z"))).toBe("EXPIRED");
    expect(surveyState(unsent, utc("2026-12-01T00:00:00Z"))).toBe("EXPIRED");
  });

  it("is ANSWERED once answered, even after expiry (an imported answer)", () => {
    const answered = { ...sent, respondedAt: utc("2026-07-18T10:00:00Z") };
    expect(surveyState(answered, utc("2026-07-18T10:00:00Z"))).toBe("ANSWERED");
    expect(surveyState(answered, utc("2027-01-01T00:00:00Z"))).toBe("ANSWERED");
    expect(surveyState(answered, utc("2026-07-17T00:00:00Z"))).toBe("SENT");
    const late = { ...unsent, respondedAt: utc("2026-11-01T00:00:00Z") };
    expect(surveyState(late, utc("2026-11-02T00:00:00Z"))).toBe("ANSWERED");
  });
});

describe("surveyScore (PRODUCT.md §4.3)", () => {
  it.each([
    [5, "YES", 1],
    [1, "NO", 0],
    [4, "PARTLY", 0.625], // (0.75 + 0.5) / 2
    [2, "YES", 0.625], // (0.25 + 1) / 2
    [3, "NO", 0.25], // (0.5 + 0) / 2
  ] as const)("csat %i, delivered %s → %d", (csat, delivered, expected) => {
    expect(surveyScore({ csat, delivered })).toBe(expected);
  });

  it("leaves a missing item out of the mean", () => {
    expect(surveyScore({ csat: 3, delivered: null })).toBe(0.5);
    expect(surveyScore({ csat: null, delivered: "PARTLY" })).toBe(0.5);
    expect(surveyScore({ csat: null, delivered: "NO" })).toBe(0);
  });

  it("is null when neither item was answered", () => {
    expect(surveyScore({ csat: null, delivered: null })).toBeNull();
  });

  it("shows its items", () => {
    expect(surveyScoreParts({ csat: 4, delivered: null })).toEqual({ csat: 0.75, delivered: null, score: 0.75 });
  });

  it("refuses a CSAT outside 1–5", () => {
    expect(() => surveyScore({ csat: 0, delivered: null })).toThrow(RangeError);
    expect(() => surveyScore({ csat: 6, delivered: null })).toThrow(RangeError);
    expect(() => surveyScore({ csat: 3.5, delivered: null })).toThrow(RangeError);
  });
});
