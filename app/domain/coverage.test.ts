import { describe, expect, it } from "vitest";
import {
  coverageShare,
  customerWordsOf,
  describeCoverage,
  isUnloggedPromiseAnswer,
  moreThanShown,
  unloggedPromiseAnswerLabel,
} from "./coverage.ts";

describe("coverage", () => {
  it("is the share of won deals that have a claim", () => {
    expect(coverageShare({ won: 9, covered: 4 })).toBeCloseTo(4 / 9, 12);
    expect(coverageShare({ won: 3, covered: 3 })).toBe(1);
    expect(coverageShare({ won: 5, covered: 0 })).toBe(0);
  });

  it("has no figure without won deals, rather than reading 0 %", () => {
    expect(coverageShare({ won: 0, covered: 0 })).toBeNull();
    expect(describeCoverage({ won: 0, covered: 0 })).toBe("No won deals");
  });

  it("reads in plain words", () => {
    expect(describeCoverage({ won: 9, covered: 4 })).toBe("4 of 9 won deals have a logged claim");
    expect(describeCoverage({ won: 1, covered: 0 })).toBe("0 of 1 won deal has a logged claim");
    expect(describeCoverage({ won: 1200, covered: 1001 })).toBe("1,001 of 1,200 won deals have a logged claim");
  });
});

describe("unlogged promises", () => {
  it("are deals whose customer answered NO or PARTLY", () => {
    expect(isUnloggedPromiseAnswer("NO")).toBe(true);
    expect(isUnloggedPromiseAnswer("PARTLY")).toBe(true);
    expect(isUnloggedPromiseAnswer("YES")).toBe(false);
    expect(isUnloggedPromiseAnswer(null)).toBe(false);
    expect(unloggedPromiseAnswerLabel("NO")).toBe("Not delivered as promised");
    expect(unloggedPromiseAnswerLabel("PARTLY")).toBe("Partly delivered as promised");
  });

  it("quote the customer's words, the untrue claim first, and leave blank answers out", () => {
    expect(customerWordsOf({ untrueClaim: " Said .xls worked ", leastLiked: "Exports" })).toEqual([
      { label: "Told something untrue", text: "Said .xls worked" },
      { label: "Liked least", text: "Exports" },
    ]);
    expect(customerWordsOf({ untrueClaim: "  ", leastLiked: null })).toEqual([]);
  });

  it("say how many were left out of a cut list", () => {
    expect(moreThanShown(50, 62)).toBe("and 12 more");
    expect(moreThanShown(50, 1050)).toBe("and 1,000 more");
    expect(moreThanShown(3, 3)).toBeNull();
  });
});
