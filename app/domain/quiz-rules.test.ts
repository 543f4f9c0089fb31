import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import {
  acceptsAnswersAt,
  ANSWER_GRACE_MS,
  attemptAllowance,
  ATTEMPT_WINDOW_DAYS,
  drawQuestions,
  isPassing,
  normaliseChosen,
  openQuestion,
  parseChosen,
  parseSnapshot,
  planDraw,
  quizDueReason,
  sample,
  type SnapshotQuestion,
} from "./quiz-rules.ts";

const now = new Date("2026-06-01T12:00:00Z");

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const question = (id: string, extra: Partial<SnapshotQuestion> = {}): Omit<SnapshotQuestion, "position"> => ({
  questionId: id,
  capabilityId: null,
  type: "SINGLE",
  prompt: `Prompt ${id}`,
  choices: ["a", "b", "c"],
  correct: [1],
  explanation: "Because.",
  ...extra,
});

describe("snapshots", () => {
  it("round-trips and strips the answer and explanation for the taker", () => {
    const snapshot = [{ ...question("q1"), position: 0 }];
    const [parsed] = parseSnapshot(JSON.stringify(snapshot));
    expect(parsed).toEqual(snapshot[0]);
    const open = parsed ? openQuestion(parsed) : null;
    expect(open).toEqual({ position: 0, type: "SINGLE", prompt: "Prompt q1", choices: ["a", "b", "c"] });
    expect(JSON.stringify(open)).not.toMatch(/correct|explanation|Because/);
  });

  it("refuses a malformed snapshot", () => {
    expect(() => parseSnapshot("{}")).toThrow();
    expect(() => parseSnapshot(JSON.stringify([{ type: "ESSAY", prompt: "x", choices: [], correct: [] }]))).toThrow();
  });
});

describe("answers", () => {
  it("normalises chosen indexes and refuses impossible ones", () => {
    expect(normaliseChosen({ type: "MULTI", choices: ["a", "b", "c"] }, [2, 0, 2])).toEqual([0, 2]);
    expect(normaliseChosen({ type: "SINGLE", choices: ["a", "b"] }, [0, 1])).toBeNull();
    expect(normaliseChosen({ type: "TRUE_FALSE", choices: ["True", "False"] }, [2])).toBeNull();
    expect(normaliseChosen({ type: "SINGLE", choices: ["a", "b"] }, [])).toEqual([]);
    expect(normaliseChosen({ type: "SINGLE", choices: ["a", "b"] }, [-1])).toBeNull();
  });

  it("reads stored choices defensively", () => {
    expect(parseChosen("[1,2]")).toEqual([1, 2]);
    expect(parseChosen("oops")).toEqual([]);
    expect(parseChosen('["1"]')).toEqual([]);
  });
});

describe("deadline and pass mark", () => {
  it("accepts answers until the deadline plus the grace period, not a millisecond later", () => {
    expect(acceptsAnswersAt(now, now)).toBe(true);
    expect(acceptsAnswersAt(now, new Date(now.getTime() + ANSWER_GRACE_MS))).toBe(true);
    expect(acceptsAnswersAt(now, new Date(now.getTime() + ANSWER_GRACE_MS + 1))).toBe(false);
  });

  it("passes at the mark, tolerating floating-point noise", () => {
    expect(isPassing(0.7, 0.7)).toBe(true);
    expect(isPassing((0.1 + 0.2 + 0.4) / 1, 0.7)).toBe(true);
    expect(isPassing(0.69, 0.7)).toBe(false);
  });
});

describe("attemptAllowance", () => {
  it("counts attempts in the window against the maximum", () => {
    expect(attemptAllowance(3, [])).toEqual({ used: 0, left: 3, nextAt: null });
    expect(attemptAllowance(3, [addDays(now, -5), addDays(now, -2)])).toEqual({ used: 2, left: 1, nextAt: null });
  });

  it("when none are left, names the day the oldest attempt of the round leaves the window", () => {
    const starts = [addDays(now, -2), addDays(now, -20), addDays(now, -10)];
    expect(attemptAllowance(3, starts)).toEqual({ used: 3, left: 0, nextAt: addDays(addDays(now, -20), ATTEMPT_WINDOW_DAYS) });
  });
});

describe("quizDueReason", () => {
  const base = { requiredForComp: true, certifiedUntil: null, attempted: true, now };
  it("lists a required quiz without a valid certification", () => {
    expect(quizDueReason(base)).toBe("REQUIRED_NOT_PASSED");
    expect(quizDueReason({ ...base, certifiedUntil: addDays(now, -1) })).toBe("REQUIRED_NOT_PASSED");
  });
  it("lists a certification expiring within 14 days, not one expiring later", () => {
    expect(quizDueReason({ ...base, certifiedUntil: addDays(now, 14) })).toBe("CERTIFICATION_EXPIRING");
    expect(quizDueReason({ ...base, certifiedUntil: addDays(now, 15) })).toBeNull();
  });
  it("lists a quiz never attempted, even when not required", () => {
    expect(quizDueReason({ ...base, requiredForComp: false, attempted: false })).toBe("NOT_ATTEMPTED");
    expect(quizDueReason({ ...base, requiredForComp: false })).toBeNull();
  });
});

describe("drawing", () => {
  it("plans about 30 % matrix questions, more when the bank is short, never more than exist", () => {
    expect(planDraw(10, 20, 20)).toEqual({ bank: 7, matrix: 3 });
    expect(planDraw(10, 4, 20)).toEqual({ bank: 4, matrix: 6 });
    expect(planDraw(10, 20, 0)).toEqual({ bank: 10, matrix: 0 });
    expect(planDraw(10, 2, 3)).toEqual({ bank: 2, matrix: 3 });
  });

  it("samples without repetition", () => {
    const picked = sample([1, 2, 3, 4, 5, 6], 4, seeded(7));
    expect(picked).toHaveLength(4);
    expect(new Set(picked).size).toBe(4);
    expect(sample([1, 2], 5, seeded(1))).toHaveLength(2);
  });

  it("draws the planned mix, numbered from 0, each question once", () => {
    const bank = Array.from({ length: 12 }, (_, i) => question(`b${i}`));
    const matrix = Array.from({ length: 6 }, (_, i) => question(`m${i}`, { questionId: null, capabilityId: `cap${i}` }));
    const drawn = drawQuestions(bank, matrix, 10, seeded(42));
    expect(drawn.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(drawn.filter((q) => q.questionId === null)).toHaveLength(3);
    expect(new Set(drawn.map((q) => q.questionId ?? q.capabilityId)).size).toBe(10);
  });
});
