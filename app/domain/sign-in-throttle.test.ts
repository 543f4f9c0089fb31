import { describe, expect, it } from "vitest";
import { throttleDecision } from "./sign-in-throttle.ts";

const now = new Date("2026-11-26T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("throttleDecision", () => {
  it("allows up to max − 1 recent failures", () => {
    expect(throttleDecision([1, 2, 3, 4].map(minutesAgo), now, 5, 15)).toEqual({ allowed: true });
  });

  it("refuses after max failures and says when the window reopens", () => {
    // The 5th newest failure was 10 minutes ago: it leaves the 15-minute window in 5 minutes.
    const decision = throttleDecision([1, 2, 3, 4, 10].map(minutesAgo), now, 5, 15);
    expect(decision).toEqual({ allowed: false, retryAfterMinutes: 5 });
  });

  it("ignores failures older than the window", () => {
    expect(throttleDecision([1, 2, 3, 4, 16, 20].map(minutesAgo), now, 5, 15)).toEqual({ allowed: true });
  });

  it("never says zero minutes", () => {
    const decision = throttleDecision([0.1, 0.2, 0.3, 0.4, 14.99].map(minutesAgo), now, 5, 15);
    expect(decision).toEqual({ allowed: false, retryAfterMinutes: 1 });
  });
});
