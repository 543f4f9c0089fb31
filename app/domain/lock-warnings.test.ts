import { describe, expect, it } from "vitest";
import { lockWarnings, timeLeft } from "./lock-warnings.ts";

const endsAt = new Date("2027-01-01T00:00:00Z");
const facts = { periodName: "2026-Q4", endsAt, pendingClaims: 0, openDisputes: 0 };

describe("timeLeft", () => {
  it("says whole weeks, days under a week, and nothing once the period has ended", () => {
    expect(timeLeft(endsAt, new Date("2026-12-03T17:00:00Z"))).toBe("4 weeks");
    expect(timeLeft(endsAt, new Date("2026-12-24T12:00:00Z"))).toBe("1 week");
    expect(timeLeft(endsAt, new Date("2026-12-29T00:00:00Z"))).toBe("3 days");
    expect(timeLeft(endsAt, new Date("2026-12-31T23:00:00Z"))).toBe("1 day");
    expect(timeLeft(endsAt, endsAt)).toBeNull();
  });
});

describe("lockWarnings", () => {
  it("warns that the period still has weeks left, with its pending claims and open disputes counted", () => {
    const warnings = lockWarnings({ ...facts, pendingClaims: 12, openDisputes: 3 }, new Date("2026-12-03T17:00:00Z"));
    expect(warnings).toEqual([
      "2026-Q4 has not ended yet: it has 4 weeks left. Claims, quiz attempts and surveys still to come in it will not count towards its statements.",
      "12 claims made in 2026-Q4 are still waiting for a verdict.",
      "3 disputes about its claims are still open; their verdicts count as they stand today.",
    ]);
  });
  it("speaks of one claim and one dispute in the singular", () => {
    const warnings = lockWarnings({ ...facts, pendingClaims: 1, openDisputes: 1 }, endsAt);
    expect(warnings).toEqual([
      "1 claim made in 2026-Q4 is still waiting for a verdict.",
      "1 dispute about its claims is still open; its verdict counts as it stands today.",
    ]);
  });
  it("has nothing to say about an ended period with every claim decided", () => {
    expect(lockWarnings(facts, new Date("2027-01-05T00:00:00Z"))).toEqual([]);
  });
});
