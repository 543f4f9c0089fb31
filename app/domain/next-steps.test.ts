import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, MATRIX_CHECKS } from "./levels.ts";
import { isCustomerToCorrect, quizStepsFrom, salesNextSteps, type QuizStanding } from "./next-steps.ts";

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
    expect(steps.map((step) => step.href)).toEqual([
      "#to-correct",
      "/quizzes/q1",
      "/quizzes/q2",
      "#changed-since-title",
      "#answers",
    ]);
    expect(steps[0]?.text).toContain("2 claims were judged inaccurate or partly accurate");
    expect(steps[1]?.text).toContain("counts towards your bonus");
    expect(steps[2]?.text).toContain("expires soon");
    expect(steps[3]?.text).toContain("1 claim whose");
    expect(steps[4]?.text).toContain("3 new answers");
  });

  it("says when a certification has already expired", () => {
    const [step] = salesNextSteps({ ...nothing, quizzesDue: [{ quizId: "q", title: "Fieldbook", reason: "expired" }] });
    expect(step?.text).toBe("Take the quiz “Fieldbook”: your certification has expired.");
  });

  it("leads back into an attempt already started", () => {
    const [step] = salesNextSteps({
      ...nothing,
      quizzesDue: [{ quizId: "q", title: "Fieldbook", reason: "required", openAttemptId: "a1" }],
    });
    expect(step).toEqual({
      text: "Finish the quiz “Fieldbook” you started: it counts towards your bonus and you have not passed it yet.",
      href: "/quizzes/q/attempts/a1",
    });
  });

  it("uses the singular for one claim to correct, and links to the full list when given", () => {
    const [step] = salesNextSteps({
      ...nothing,
      uncorrectedClaims: 1,
      uncorrectedHref: "/home?correct=all#to-correct",
    });
    expect(step?.text).toContain("1 claim was judged");
    expect(step?.href).toBe("/home?correct=all#to-correct");
  });
});

describe("quizStepsFrom", () => {
  const standing = (extra: Partial<QuizStanding>): QuizStanding => ({
    id: "q",
    title: "Ledgerline certification",
    reason: "REQUIRED_NOT_PASSED",
    certifiedUntil: null,
    attemptsLeft: 2,
    openAttemptId: null,
    ...extra,
  });

  it("never sends anyone to a quiz they have no attempts left for", () => {
    // The over-promiser failed the required quiz three times this round.
    expect(quizStepsFrom([standing({ attemptsLeft: 0 })])).toEqual([]);
    expect(
      quizStepsFrom([standing({ attemptsLeft: 0, reason: "CERTIFICATION_EXPIRING", certifiedUntil: new Date() })]),
    ).toEqual([]);
  });

  it("keeps a quiz with an open attempt even when no new attempt could start", () => {
    expect(quizStepsFrom([standing({ attemptsLeft: 0, openAttemptId: "a" })])).toEqual([
      { quizId: "q", title: "Ledgerline certification", reason: "required", openAttemptId: "a" },
    ]);
  });

  it("names required, lapsed and expiring quizzes, and leaves quizzes merely not attempted to the quizzes section", () => {
    const steps = quizStepsFrom([
      standing({ id: "a" }),
      standing({ id: "b", certifiedUntil: new Date("2026-01-01") }),
      standing({ id: "c", reason: "CERTIFICATION_EXPIRING", certifiedUntil: new Date("2026-12-01") }),
      standing({ id: "d", reason: "NOT_ATTEMPTED" }),
    ]);
    expect(steps.map((step) => [step.quizId, step.reason])).toEqual([
      ["a", "required"],
      ["b", "expired"],
      ["c", "expiring"],
    ]);
  });

  it("lists exactly the quizzes that can be taken or finished", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            attemptsLeft: fc.integer({ min: 0, max: 3 }),
            openAttemptId: fc.option(fc.constant("open"), { nil: null }),
            reason: fc.constantFrom("REQUIRED_NOT_PASSED" as const, "CERTIFICATION_EXPIRING" as const),
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const standings = rows.map((row, i) => standing({ ...row, id: `q${i}` }));
          const steps = quizStepsFrom(standings);
          expect(steps.map((step) => step.quizId)).toEqual(
            standings.filter((q) => q.attemptsLeft > 0 || q.openAttemptId !== null).map((q) => q.id),
          );
        },
      ),
    );
  });
});

describe("isCustomerToCorrect", () => {
  const claim = { status: "INACCURATE" as const, matrixCheck: "OVERSTATES" as const, customerCorrectedAt: null };

  it("takes inaccurate claims and partly accurate ones that overstated the matrix, until the correction is recorded", () => {
    expect(isCustomerToCorrect(claim)).toBe(true);
    expect(isCustomerToCorrect({ ...claim, matrixCheck: "CONSISTENT" })).toBe(true);
    expect(isCustomerToCorrect({ ...claim, status: "PARTIALLY_ACCURATE" })).toBe(true);
    expect(isCustomerToCorrect({ ...claim, customerCorrectedAt: new Date() })).toBe(false);
  });

  it("leaves out pending and accurate claims, even when they overstated the matrix", () => {
    expect(isCustomerToCorrect({ ...claim, status: "PENDING" })).toBe(false);
    expect(isCustomerToCorrect({ ...claim, status: "ACCURATE" })).toBe(false);
    expect(isCustomerToCorrect({ ...claim, status: "UNVERIFIABLE" })).toBe(false);
  });

  it("leaves out a partly accurate claim that did not say more than the matrix: the claim page offers no correction for it", () => {
    expect(isCustomerToCorrect({ ...claim, status: "PARTIALLY_ACCURATE", matrixCheck: "CONSISTENT" })).toBe(false);
  });

  it("holds only for judged claims with a correction to make", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLAIM_STATUSES),
        fc.constantFrom(...MATRIX_CHECKS),
        fc.boolean(),
        (status, matrixCheck, corrected) => {
          const result = isCustomerToCorrect({
            status,
            matrixCheck,
            customerCorrectedAt: corrected ? new Date() : null,
          });
          if (result) {
            expect(corrected).toBe(false);
            expect(["INACCURATE", "PARTIALLY_ACCURATE"]).toContain(status);
          }
          if (status === "INACCURATE" && !corrected) expect(result).toBe(true);
        },
      ),
    );
  });
});
