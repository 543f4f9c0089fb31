import { describe, expect, it } from "vitest";
import { alreadyAnsweredMessage, capabilityChanges, questionAge } from "./engineer-questions.ts";

describe("questionAge", () => {
  const asked = new Date("2026-11-02T09:00:00Z");
  const after = (ms: number) => new Date(asked.getTime() + ms);

  it("reads in minutes, then hours, then days", () => {
    expect(questionAge(asked, after(20_000))).toBe("just now");
    expect(questionAge(asked, after(60_000))).toBe("1 minute");
    expect(questionAge(asked, after(59 * 60_000))).toBe("59 minutes");
    expect(questionAge(asked, after(3_600_000))).toBe("1 hour");
    expect(questionAge(asked, after(23.9 * 3_600_000))).toBe("23 hours");
    expect(questionAge(asked, after(24 * 3_600_000))).toBe("1 day");
    expect(questionAge(asked, after(10.5 * 24 * 3_600_000))).toBe("10 days");
  });

  it("never reads negative when the clocks disagree", () => {
    expect(questionAge(asked, after(-5_000))).toBe("just now");
  });
});

describe("capabilityChanges", () => {
  const current = { status: "PARTIAL" as const, conditions: "xlsx only" };

  it("is empty when the proposal repeats the matrix, ignoring surrounding spaces", () => {
    expect(capabilityChanges(current, { status: "PARTIAL", conditions: "  xlsx only \n" })).toEqual([]);
  });

  it("names a status change with both labels", () => {
    expect(capabilityChanges(current, { status: "SUPPORTED", conditions: "xlsx only" })).toEqual([
      "status: Partial → Supported",
    ]);
  });

  it("names a conditions change, including clearing them", () => {
    expect(capabilityChanges(current, { status: "PARTIAL", conditions: "" })).toEqual(["new conditions"]);
    expect(capabilityChanges(current, { status: "ROADMAP", conditions: "xlsx and csv" })).toEqual([
      "status: Partial → On the roadmap",
      "new conditions",
    ]);
  });
});

describe("alreadyAnsweredMessage", () => {
  it("names who answered and when, in UTC", () => {
    expect(alreadyAnsweredMessage("Priya Raman", new Date("2026-11-02T14:05:00Z"))).toBe(
      "Priya Raman already answered this question on 2 Nov 2026, 14:05 UTC; their answer stands.",
    );
  });

  it("still reads as a sentence when the answerer or time is unknown", () => {
    expect(alreadyAnsweredMessage(null, null)).toBe(
      "Another engineer has already answered this question; their answer stands.",
    );
  });
});
