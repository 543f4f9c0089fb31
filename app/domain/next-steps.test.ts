import { describe, expect, it } from "vitest";
import { salesNextSteps } from "./next-steps.ts";

const nothing = { uncorrectedClaims: 0, claimsChangedSince: 0, quizzesDue: [], recentAnswers: 0 };

describe("salesNextSteps", () => {
  it("is empty when nothing waits", () => {
    expect(salesNextSteps(nothing)).toEqual([]);
  });

  it("puts correcting a customer first, then quizzes, then changed claims, then answers", () => {
    const steps = salesNextSteps({
      uncorrectedClaims: 2,
      claimsChangedSince: 1,
      quizzesDue: [
        { quizId: "q1", title: "Ledgerline basics", reason: "required" },
        { quizId: "q2", title: "Relay deep dive", reason: "expiring" },
      ],
      recentAnswers: 3,
    });
    expect(steps.map((step) => step.href)).toEqual(["#to-correct", "/quizzes/q1", "/quizzes/q2", "#changed-since-title", "#answers"]);
    expect(steps[0]?.text).toContain("2 claims overstated");
    expect(steps[1]?.text).toContain("counts towards your bonus");
    expect(steps[2]?.text).toContain("expires soon");
    expect(steps[3]?.text).toContain("1 claim whose");
    expect(steps[4]?.text).toContain("3 new answers");
  });

  it("says when a certification has already expired", () => {
    const [step] = salesNextSteps({ ...nothing, quizzesDue: [{ quizId: "q", title: "Fieldbook", reason: "expired" }] });
    expect(step?.text).toBe("Take the quiz “Fieldbook”: your certification has expired.");
  });

  it("uses the singular for one claim to correct", () => {
    expect(salesNextSteps({ ...nothing, uncorrectedClaims: 1 })[0]?.text).toContain("1 claim overstated the product");
  });
});
