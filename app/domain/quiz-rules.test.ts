import fc from "fast-check";
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
  unansweredPositions,
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
    expect(attemptAllowance(3, starts)).toEqual({
      used: 3,
      left: 0,
      nextAt: addDays(addDays(now, -20), ATTEMPT_WINDOW_DAYS),
    });
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
    const matrix = Array.from({ length: 6 }, (_, i) =>
      question(`m${i}`, { questionId: null, capabilityId: `cap${i}` }),
    );
    const drawn = drawQuestions(bank, matrix, 10, seeded(42));
    expect(drawn.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(drawn.filter((q) => q.questionId === null)).toHaveLength(3);
    expect(new Set(drawn.map((q) => q.questionId ?? q.capabilityId)).size).toBe(10);
  });
});

describe("fair draws: one question per capability while others are left", () => {
  const bankAbout = (id: string, capabilityId: string | null) => question(id, { capabilityId });
  const matrixAbout = (capabilityId: string) => question(`matrix-${capabilityId}`, { questionId: null, capabilityId });
  const capabilityCounts = (drawn: readonly SnapshotQuestion[]) => {
    const counts = new Map<string, number>();
    for (const q of drawn)
      if (q.capabilityId !== null) counts.set(q.capabilityId, (counts.get(q.capabilityId) ?? 0) + 1);
    return counts;
  };

  it("never pairs a bank question with the matrix question about the same capability when other capabilities remain", () => {
    // The draw seen in production: the bank's "Excel export" question and the matrix's "Excel export" row in one attempt.
    const bank = [bankAbout("b-excel", "excel"), bankAbout("b-sso", "sso"), bankAbout("b-api", "api")];
    const matrix = ["excel", "sso", "api", "audit", "backup"].map(matrixAbout);
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = drawQuestions(bank, matrix, 5, seeded(seed));
      expect(drawn).toHaveLength(5);
      expect([...capabilityCounts(drawn).values()].every((n) => n === 1)).toBe(true);
    }
  });

  it("keeps several bank questions about one capability apart, using questions about no capability first", () => {
    const bank = [
      bankAbout("a1", "excel"),
      bankAbout("a2", "excel"),
      bankAbout("a3", "excel"),
      bankAbout("free1", null),
      bankAbout("free2", null),
    ];
    for (let seed = 1; seed <= 100; seed++) {
      const drawn = drawQuestions(bank, [], 3, seeded(seed));
      expect(drawn.filter((q) => q.capabilityId === "excel")).toHaveLength(1);
      expect(drawn.filter((q) => q.capabilityId === null)).toHaveLength(2);
    }
  });

  it("repeats a capability only when nothing else is left, and then spreads the repeats evenly", () => {
    const bank = [
      bankAbout("a1", "excel"),
      bankAbout("a2", "excel"),
      bankAbout("a3", "excel"),
      bankAbout("b1", "sso"),
      bankAbout("b2", "sso"),
    ];
    const drawn = drawQuestions(bank, [], 4, seeded(3));
    expect(Object.fromEntries(capabilityCounts(drawn))).toEqual({ excel: 2, sso: 2 });
  });

  it("keeps the planned bank / matrix mix when no capability is shared", () => {
    const bank = Array.from({ length: 10 }, (_, i) => bankAbout(`b${i}`, `bank-cap-${i}`));
    const matrix = Array.from({ length: 10 }, (_, i) => matrixAbout(`matrix-cap-${i}`));
    const drawn = drawQuestions(bank, matrix, 10, seeded(9));
    expect(drawn.filter((q) => q.questionId === null)).toHaveLength(planDraw(10, 10, 10).matrix);
  });

  it("gives up the mix rather than repeat a capability", () => {
    // One bank question (excel) is planned, and the only matrix capability left free would be excel's.
    const bank = [bankAbout("b-excel", "excel")];
    const matrix = [matrixAbout("excel"), matrixAbout("sso"), matrixAbout("api")];
    for (let seed = 1; seed <= 50; seed++) {
      const drawn = drawQuestions(bank, matrix, 3, seeded(seed));
      expect(Object.fromEntries(capabilityCounts(drawn))).toEqual({ excel: 1, sso: 1, api: 1 });
    }
  });

  // Property tests: arbitrary pools of questions about a handful of capabilities (or none).
  const poolQuestion = (prefix: string, matrixQuestion: boolean) =>
    fc
      .record({ capability: fc.option(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6"), { nil: null }) })
      .map(({ capability }) => ({
        prefix,
        matrixQuestion,
        capability: matrixQuestion ? (capability ?? "c1") : capability,
      }));
  const pools = fc.record({
    bank: fc.array(poolQuestion("b", false), { maxLength: 14 }),
    // The matrix asks at most one question per capability.
    matrix: fc.uniqueArray(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"), { maxLength: 8 }),
    count: fc.integer({ min: 0, max: 25 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  });
  const build = (input: { bank: Array<{ capability: string | null }>; matrix: string[] }) => ({
    bank: input.bank.map((q, i) => bankAbout(`b${i}`, q.capability)),
    matrix: input.matrix.map(matrixAbout),
  });
  const keyOf = (q: Pick<SnapshotQuestion, "questionId" | "capabilityId">) =>
    q.questionId ?? `matrix-${q.capabilityId}`;

  it("draws min(count, pool) distinct questions from the pools, numbered 0…n−1", () => {
    fc.assert(
      fc.property(pools, (input) => {
        const { bank, matrix } = build(input);
        const drawn = drawQuestions(bank, matrix, input.count, seeded(input.seed));
        const n = Math.min(input.count, bank.length + matrix.length);
        expect(drawn.map((q) => q.position)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(new Set(drawn.map(keyOf)).size).toBe(n);
        const pool = new Set([...bank, ...matrix].map(keyOf));
        for (const q of drawn) expect(pool.has(keyOf(q))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("asks about a capability twice only when every other capability and unlinked question is already in the draw", () => {
    fc.assert(
      fc.property(pools, (input) => {
        const { bank, matrix } = build(input);
        const drawn = drawQuestions(bank, matrix, input.count, seeded(input.seed));
        const counts = capabilityCounts(drawn);
        const most = Math.max(0, ...counts.values());
        if (most < 2) return;
        // A repeat happened: nothing about another topic may have been left behind...
        const drawnKeys = new Set(drawn.map(keyOf));
        for (const q of [...bank, ...matrix]) {
          const topicCount =
            q.capabilityId === null ? (drawnKeys.has(keyOf(q)) ? 1 : 0) : (counts.get(q.capabilityId) ?? 0);
          expect(topicCount).toBeGreaterThan(0);
        }
        // ...and the repeats are spread: a capability asked k times leaves no other capability below k − 1 with questions to spare.
        const available = new Map<string, number>();
        for (const q of [...bank, ...matrix])
          if (q.capabilityId !== null) available.set(q.capabilityId, (available.get(q.capabilityId) ?? 0) + 1);
        for (const [capability, asked] of counts)
          expect(asked).toBeGreaterThanOrEqual(Math.min(available.get(capability) ?? 0, most - 1));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps planDraw's mix whenever the pools share no capability", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (bankSize, matrixSize, count, seed) => {
          const bank = Array.from({ length: bankSize }, (_, i) => bankAbout(`b${i}`, i % 3 === 0 ? null : `bank-${i}`));
          const matrix = Array.from({ length: matrixSize }, (_, i) => matrixAbout(`matrix-${i}`));
          const drawn = drawQuestions(bank, matrix, count, seeded(seed));
          const plan = planDraw(Math.min(count, bankSize + matrixSize), bankSize, matrixSize);
          expect(drawn.filter((q) => q.questionId === null)).toHaveLength(plan.matrix);
          expect(drawn.filter((q) => q.questionId !== null)).toHaveLength(plan.bank);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is reproducible for a given random source and varies between sources", () => {
    const bank = Array.from({ length: 20 }, (_, i) => bankAbout(`b${i}`, `cap-${i % 7}`));
    const matrix = Array.from({ length: 7 }, (_, i) => matrixAbout(`cap-${i}`));
    expect(drawQuestions(bank, matrix, 7, seeded(5))).toEqual(drawQuestions(bank, matrix, 7, seeded(5)));
    const draws = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        drawQuestions(bank, matrix, 7, seeded(seed + 1))
          .map(keyOf)
          .sort()
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(5);
  });
});

describe("unansweredPositions", () => {
  it("lists questions with nothing chosen, in order", () => {
    const answers = new Map<number, number[]>([
      [0, [1]],
      [2, []],
      [3, [0, 2]],
    ]);
    expect(unansweredPositions(5, answers)).toEqual([1, 2, 4]);
    expect(
      unansweredPositions(
        2,
        new Map([
          [0, [0]],
          [1, [1]],
        ]),
      ),
    ).toEqual([]);
    expect(unansweredPositions(0, new Map())).toEqual([]);
  });
});
