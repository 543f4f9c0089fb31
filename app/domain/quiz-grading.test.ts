import { describe, expect, it } from "vitest";
import { gradeAttempt, gradeQuestion } from "./quiz-grading.ts";

describe("gradeQuestion", () => {
  it("SINGLE: 1 only for exactly the correct choice", () => {
    expect(gradeQuestion("SINGLE", [2], [2])).toBe(1);
    expect(gradeQuestion("SINGLE", [2], [1])).toBe(0);
    expect(gradeQuestion("SINGLE", [2], [1, 2])).toBe(0);
    expect(gradeQuestion("SINGLE", [2], [])).toBe(0);
    expect(gradeQuestion("SINGLE", [2], [2, 2])).toBe(1);
  });

  it("TRUE_FALSE: 1 only for the correct one", () => {
    expect(gradeQuestion("TRUE_FALSE", [0], [0])).toBe(1);
    expect(gradeQuestion("TRUE_FALSE", [0], [1])).toBe(0);
    expect(gradeQuestion("TRUE_FALSE", [0], [0, 1])).toBe(0);
  });

  describe("MULTI: max(0, (right picked − wrong picked) / right count)", () => {
    const correct = [0, 2, 3];
    it.each([
      ["all right", [0, 2, 3], 1],
      ["two of three", [0, 2], 2 / 3],
      ["one right, one wrong", [0, 1], 0],
      ["two right, one wrong", [2, 1, 0], 1 / 3],
      ["every box ticked", [0, 1, 2, 3, 4], 1 / 3],
      ["only wrong ones", [1, 4], 0],
      ["nothing", [], 0],
      ["a right one twice", [0, 0], 1 / 3],
    ])("%s", (_name, chosen, expected) => {
      expect(gradeQuestion("MULTI", correct, chosen)).toBeCloseTo(expected, 12);
    });

    it("a question with no correct choice earns 1 only when nothing is chosen", () => {
      expect(gradeQuestion("MULTI", [], [])).toBe(1);
      expect(gradeQuestion("MULTI", [], [1])).toBe(0);
    });
  });
});

describe("gradeAttempt", () => {
  const questions = [
    { type: "SINGLE" as const, correct: [1] },
    { type: "MULTI" as const, correct: [0, 2] },
    { type: "TRUE_FALSE" as const, correct: [1] },
  ];

  it("grades by position, unanswered questions earning 0", () => {
    const answers = new Map([
      [0, [1]],
      [1, [0]],
    ]);
    // 1 + 0.5 + 0 over 3 questions.
    expect(gradeAttempt(questions, answers)).toEqual({ credits: [1, 0.5, 0], score: 0.5 });
  });

  it("ignores answers for positions the attempt does not have", () => {
    const answers = new Map([
      [2, [1]],
      [7, [0]],
    ]);
    expect(gradeAttempt(questions, answers)).toEqual({ credits: [0, 0, 1], score: 1 / 3 });
  });

  it("scores an empty quiz 0", () => {
    expect(gradeAttempt([], new Map())).toEqual({ credits: [], score: 0 });
  });
});
