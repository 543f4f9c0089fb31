import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_COMP_PLAN,
  computeStatement,
  evaluateCurve,
  payoutFromMultiplier,
  roundHalfAwayFromZero,
  type CompInput,
  type CompPlanParams,
} from "./comp-formula.ts";
import { CLAIM_STATUSES, DELIVERED, SEVERITIES, type ClaimStatus, type Severity } from "./levels.ts";

const utc = (iso: string) => new Date(iso);
const periodEnd = utc("2026-09-30T23:59:59.999Z");

const emptyInput = (overrides: Partial<CompInput> = {}): CompInput => ({
  periodEnd,
  targetBonusCents: 100_000,
  plan: DEFAULT_COMP_PLAN,
  claims: [],
  requiredQuizzes: [],
  attempts: [],
  surveys: [],
  ...overrides,
});

const planWith = (change: (plan: CompPlanParams) => void): CompPlanParams => {
  const plan = structuredClone(DEFAULT_COMP_PLAN);
  change(plan);
  return plan;
};

const withCurve = (curve: CompPlanParams["curve"]) => planWith((p) => (p.curve = curve));

const claim = (id: string, status: ClaimStatus, severity: Severity | null) => ({ id, status, severity });
const repeat = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

describe("computeStatement: a full statement, computed by hand", () => {
  const input: CompInput = {
    periodEnd,
    targetBonusCents: 1_234_567,
    plan: DEFAULT_COMP_PLAN,
    claims: [
      claim("a1", "ACCURATE", "HIGH"), // 4 × 1
      claim("a2", "ACCURATE", "HIGH"), // 4 × 1
      claim("a3", "PARTIALLY_ACCURATE", "HIGH"), // 4 × 0.5
      claim("a4", "ACCURATE", null), // weighted as MEDIUM: 2 × 1
      claim("a5", "INACCURATE", "LOW"), // 1 × 0
      claim("a6", "PARTIALLY_ACCURATE", "LOW"), // 1 × 0.5
      claim("a7", "PENDING", "HIGH"), // left out
      claim("a8", "UNVERIFIABLE", "MEDIUM"), // left out
    ],
    requiredQuizzes: [
      { id: "q1", title: "Ledgerly basics", passMark: 0.7, certificationDays: 90 },
      { id: "q2", title: "Security", passMark: 0.8, certificationDays: 180 },
    ],
    attempts: [
      // q1's window is 2026-07-02T23:59:59.999Z to periodEnd.
      { id: "t1", quizId: "q1", score: 0.95, submittedAt: utc("2026-07-02T23:59:59.998Z") }, // 1 ms too early
      { id: "t2", quizId: "q1", score: 0.8, submittedAt: utc("2026-08-15T10:00:00Z") },
      { id: "t3", quizId: "q1", score: 0.75, submittedAt: utc("2026-09-10T10:00:00Z") },
      { id: "t4", quizId: "q1", score: 1, submittedAt: utc("2026-10-01T00:00:00Z") }, // after the period
      { id: "t5", quizId: "q1", score: 0.8, submittedAt: utc("2026-09-20T10:00:00Z") }, // ties t2, later
      // q2's window starts 2026-04-03T23:59:59.999Z.
      { id: "s1", quizId: "q2", score: 0.6, submittedAt: utc("2026-05-01T10:00:00Z") },
      { id: "s2", quizId: "q2", score: 0.7, submittedAt: utc("2026-09-01T10:00:00Z") },
      { id: "x1", quizId: "not-required", score: 1, submittedAt: utc("2026-09-01T10:00:00Z") },
    ],
    surveys: [
      { id: "v1", csat: 5, delivered: "YES" }, // (1 + 1) / 2 = 1
      { id: "v2", csat: 3, delivered: "PARTLY" }, // (0.5 + 0.5) / 2 = 0.5
      { id: "v3", csat: 2, delivered: null }, // 0.25
      { id: "v4", csat: null, delivered: null }, // left out
      { id: "v5", csat: null, delivered: "NO" }, // 0
    ],
  };
  const figures = computeStatement(input);

  /** A claim's line when it counts: weighted as `weightedAs`, earning `credit` of `weight`. */
  const countedLine = (
    id: string,
    status: ClaimStatus,
    severity: Severity | null,
    weightedAs: Severity,
    credit: number,
    weight: number,
    note: string | null = null,
  ) => ({ id, status, severity, disputed: false, counted: true, weightedAs, credit, weight, note });
  /** A claim's line when it is left out of accuracy, saying why. */
  const leftOutLine = (id: string, status: ClaimStatus, severity: Severity | null, note: string) => ({
    ...countedLine(id, status, severity, "LOW", 0, 0, note),
    counted: false,
    weightedAs: null,
    credit: null,
    weight: null,
  });

  /** A required quiz's line: its facts from the input, its certification window ending with the period. */
  const quizLine = (
    quiz: CompInput["requiredQuizzes"][number] | undefined,
    line: { windowStart: string; attempts: unknown[]; bestAttemptId: string; bestScore: number; passed: boolean },
  ) => ({
    quizId: quiz?.id,
    title: quiz?.title,
    passMark: quiz?.passMark,
    certificationDays: quiz?.certificationDays,
    windowEnd: periodEnd.toISOString(),
    ...line,
  });

  it("A = (12.5 + 4 × 0.8) / (16 + 4) = 0.785", () => {
    expect(figures.sumWeightedCredit).toBe(12.5);
    expect(figures.sumWeight).toBe(16);
    expect(figures.accuracy).toBeCloseTo(0.785, 12);
  });

  it("lists every claim with its credit and weight, or why it is left out", () => {
    expect(figures.claims).toEqual([
      countedLine("a1", "ACCURATE", "HIGH", "HIGH", 1, 4),
      countedLine("a2", "ACCURATE", "HIGH", "HIGH", 1, 4),
      countedLine("a3", "PARTIALLY_ACCURATE", "HIGH", "HIGH", 0.5, 4),
      countedLine("a4", "ACCURATE", null, "MEDIUM", 1, 2, "No severity recorded: weighted as Medium (2)."),
      countedLine("a5", "INACCURATE", "LOW", "LOW", 0, 1),
      countedLine("a6", "PARTIALLY_ACCURATE", "LOW", "LOW", 0.5, 1),
      leftOutLine("a7", "PENDING", "HIGH", "Pending: not verified yet, so left out."),
      leftOutLine("a8", "UNVERIFIABLE", "MEDIUM", "Unverifiable: left out of accuracy."),
    ]);
  });

  it("Q = mean of the best scores inside each quiz's certification window = (0.8 + 0.7) / 2", () => {
    expect(figures.quizDropped).toBe(false);
    expect(figures.quiz).toBeCloseTo(0.75, 12);
    const [basics, security] = input.requiredQuizzes;
    expect(figures.quizzes).toEqual([
      quizLine(basics, {
        windowStart: "2026-07-02T23:59:59.999Z",
        attempts: [
          { id: "t2", score: 0.8, submittedAt: "2026-08-15T10:00:00.000Z" },
          { id: "t3", score: 0.75, submittedAt: "2026-09-10T10:00:00.000Z" },
          { id: "t5", score: 0.8, submittedAt: "2026-09-20T10:00:00.000Z" },
        ],
        bestAttemptId: "t2",
        bestScore: 0.8,
        passed: true,
      }),
      quizLine(security, {
        windowStart: "2026-04-03T23:59:59.999Z",
        attempts: [
          { id: "s1", score: 0.6, submittedAt: "2026-05-01T10:00:00.000Z" },
          { id: "s2", score: 0.7, submittedAt: "2026-09-01T10:00:00.000Z" },
        ],
        bestAttemptId: "s2",
        bestScore: 0.7,
        passed: false,
      }),
    ]);
  });

  it("S = (1.75 + 2 × 0.75) / (4 + 2), the unanswered survey left out", () => {
    expect(figures.sumSatisfaction).toBe(1.75);
    expect(figures.surveyCount).toBe(4);
    expect(figures.satisfaction).toBeCloseTo(3.25 / 6, 12);
    expect(figures.surveys.map((s) => [s.id, s.s, s.itemsCounted, s.counted])).toEqual([
      ["v1", 1, ["csat", "delivered"], true],
      ["v2", 0.5, ["csat", "delivered"], true],
      ["v3", 0.25, ["csat"], true],
      ["v4", null, [], false],
      ["v5", 0, ["delivered"], true],
    ]);
    expect(figures.surveys[2]).toMatchObject({
      csatItem: 0.25,
      deliveredItem: null,
      note: "Only CSAT was answered; s is that item alone.",
    });
    expect(figures.surveys[3]?.note).toBe(
      "Neither CSAT nor delivered-as-promised was answered, so the survey is left out.",
    );
  });

  it("C = 0.4 × 0.785 + 0.2 × 0.75 + 0.4 × 0.541667 and M from the curve", () => {
    expect(figures.effectiveWeights).toEqual({ accuracy: 0.4, quiz: 0.2, satisfaction: 0.4 });
    // 0.314 + 0.15 + 0.216667 = 0.680667; M = 0.5 + 0.180667 × 2 = 0.861333.
    expect(figures.composite).toBeCloseTo(0.6806666667, 9);
    expect(figures.curveMultiplier).toBeCloseTo(0.8613333333, 9);
  });

  it("the quiz gate fires (Security below its pass mark) without lowering M below 0.9", () => {
    expect(figures.gates).toEqual([
      {
        name: "QUIZ_BELOW_PASS_MARK",
        cap: 0.9,
        lowered: false,
        reason:
          'A required quiz is below the pass mark: "Security" (best 70%, pass mark 80%); this caps the multiplier at 0.9.',
      },
    ]);
    expect(figures.multiplierAfterGates).toBeCloseTo(0.8613333333, 9);
  });

  it("pays round(1 234 567 × 0.8613) = round(1 063 332.5571) = 1 063 333 cents", () => {
    expect(figures.multiplier).toBe(0.8613);
    expect(figures.multiplierTenThousandths).toBe(8613);
    expect(figures.payoutCents).toBe(1_063_333);
  });

  it("explains the arithmetic so it can be redone by hand", () => {
    expect(figures.explanation).toEqual([
      "Claim accuracy: 6 of 8 claims made in the period have a final verdict and count (1 pending and 1 unverifiable are left out); Σ w·credit = 12.5, Σ w = 16.",
      "1 claim has no severity recorded and is weighted as Medium (2).",
      "A = (12.5 + 4 × 0.8) / (16 + 4) = 0.785000 (78.50%)",
      'Required quiz "Ledgerly basics": best score 80% from 2 Jul 2026 to 30 Sep 2026; pass mark 70%, passed.',
      'Required quiz "Security": best score 70% from 3 Apr 2026 to 30 Sep 2026; pass mark 80%, not passed.',
      "Q = (0.8 + 0.7) / 2 = 0.750000 (75.00%)",
      "Satisfaction: 4 answered surveys due in the period count (1 survey with no answered item left out); Σ s = 1.75, n = 4.",
      "S = (1.75 + 2 × 0.75) / (4 + 2) = 0.541667 (54.17%)",
      "C = 0.4 × 0.785000 + 0.2 × 0.750000 + 0.4 × 0.541667 = 0.680667 (68.07%)",
      "C lies between the curve points (0.5, 0.5) and (0.75, 1): M = 0.5 + (0.680667 − 0.5) × (1 − 0.5) / (0.75 − 0.5) = 0.861333",
      'A required quiz is below the pass mark: "Security" (best 70%, pass mark 80%); this caps the multiplier at 0.9. M = min(0.861333, 0.9) = 0.861333',
      "M rounded to 4 decimals = 0.8613",
      "Payout = round(1234567 cents × 0.8613) = round(1063332.5571) = 1063333 cents",
    ]);
  });

  it("is JSON-safe, so a locked statement can be frozen as a snapshot", () => {
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });
});

describe("computeStatement: gates", () => {
  const perfectSurveys = repeat(6, (i) => ({ id: `v${i}`, csat: 5, delivered: "YES" as const }));
  type ClaimInput = CompInput["claims"][number];

  /** A $5,000 target and perfect surveys, `accurate` HIGH-severity claims judged accurate, then `others`. */
  const goodRecordWith = (accurate: number, others: ClaimInput[], overrides: Partial<CompInput> = {}) =>
    computeStatement(
      emptyInput({
        targetBonusCents: 500_000,
        claims: [...repeat(accurate, (i) => claim(`ok${i}`, "ACCURATE", "HIGH")), ...others],
        surveys: perfectSurveys,
        ...overrides,
      }),
    );

  it("a HIGH-severity inaccurate claim caps M at 1.0", () => {
    // Σ w·credit = 10 × 4 = 40, Σ w = 44: A = (40 + 3.2) / 48 = 0.9.
    // S = (6 + 1.5) / 8 = 0.9375. No quiz: weights 0.5 / 0.5, C = 0.91875.
    // M = 1 + (0.91875 − 0.75) × 2 = 1.3375, capped at 1.0.
    const figures = goodRecordWith(10, [claim("bad", "INACCURATE", "HIGH")]);
    expect(figures.accuracy).toBeCloseTo(0.9, 12);
    expect(figures.satisfaction).toBe(0.9375);
    expect(figures.composite).toBeCloseTo(0.91875, 12);
    expect(figures.curveMultiplier).toBeCloseTo(1.3375, 12);
    expect(figures.gates).toEqual([
      {
        name: "HIGH_SEVERITY_INACCURATE",
        cap: 1,
        lowered: true,
        reason: "A claim judged inaccurate with high severity caps the multiplier at 1.0.",
      },
    ]);
    expect(figures.multiplier).toBe(1);
    expect(figures.payoutCents).toBe(500_000);
    expect(figures.explanation).toContain(
      "A claim judged inaccurate with high severity caps the multiplier at 1.0. M = min(1.337500, 1.0) = 1.000000",
    );
  });

  it("a verdict under an open dispute counts as it stands, and the line and the arithmetic say it is disputed", () => {
    const figures = goodRecordWith(10, [{ ...claim("bad", "INACCURATE", "HIGH"), disputed: true }]);
    expect(figures.claims.find((line) => line.id === "bad")).toMatchObject({
      disputed: true,
      counted: true,
      credit: 0,
      weight: 4,
    });
    expect(figures.claims.filter((line) => line.disputed)).toHaveLength(1);
    expect(figures.gates.map((gate) => gate.name)).toEqual(["HIGH_SEVERITY_INACCURATE"]);
    expect(figures.multiplier).toBe(1);
    expect(figures.explanation).toContain(
      "1 claim is disputed: its verdict counts as it stands until a manager resolves the dispute.",
    );
  });

  it("both gates fire; the quiz cap is the one that bites", () => {
    // Σ w·credit = 9 × 4 = 36, Σ w = 44: A = 39.2 / 48 = 0.816667. Q = 0 (no attempt).
    // C = 0.4 × 0.816667 + 0.2 × 0 + 0.4 × 0.9375 = 0.701667; M = 0.5 + 0.201667 × 2 = 0.903333.
    const figures = goodRecordWith(9, [claim("bad1", "INACCURATE", "HIGH"), claim("bad2", "INACCURATE", "HIGH")], {
      requiredQuizzes: [{ id: "q2", title: "Security", passMark: 0.8, certificationDays: 180 }],
    });
    expect(figures.quiz).toBe(0);
    expect(figures.quizzes[0]).toMatchObject({ bestAttemptId: null, bestScore: 0, passed: false, attempts: [] });
    expect(figures.curveMultiplier).toBeCloseTo(0.9033333333, 9);
    expect(figures.gates.map((g) => [g.name, g.cap, g.lowered])).toEqual([
      ["HIGH_SEVERITY_INACCURATE", 1, false],
      ["QUIZ_BELOW_PASS_MARK", 0.9, true],
    ]);
    expect(figures.gates[0]?.reason).toBe("2 claims judged inaccurate with high severity cap the multiplier at 1.0.");
    expect(figures.multiplier).toBe(0.9);
    expect(figures.payoutCents).toBe(450_000);
    expect(figures.explanation).toContain(
      'Required quiz "Security": no attempt from 3 Apr 2026 to 30 Sep 2026, so 0; pass mark 80%, not passed.',
    );
  });

  it("an inaccurate claim without a severity counts as MEDIUM and does not fire the HIGH gate", () => {
    // Σ w·credit = 0, Σ w = 2: A = 3.2 / 6 = 0.533333.
    const figures = computeStatement(emptyInput({ claims: [claim("c", "INACCURATE", null)] }));
    expect(figures.accuracy).toBeCloseTo(3.2 / 6, 12);
    expect(figures.gates).toEqual([]);
  });

  it("a quiz score equal to the pass mark passes, even a float hair below it", () => {
    const requiredQuizzes = [{ id: "q", title: "Basics", passMark: 0.7, certificationDays: 30 }];
    const at = utc("2026-09-15T00:00:00Z");
    const pass = computeStatement(
      emptyInput({
        requiredQuizzes,
        attempts: [{ id: "a", quizId: "q", score: 0.7 - Number.EPSILON, submittedAt: at }],
      }),
    );
    expect(pass.quizzes[0]?.passed).toBe(true);
    expect(pass.gates).toEqual([]);
    const fail = computeStatement(
      emptyInput({ requiredQuizzes, attempts: [{ id: "a", quizId: "q", score: 0.69, submittedAt: at }] }),
    );
    expect(fail.gates.map((g) => g.name)).toEqual(["QUIZ_BELOW_PASS_MARK"]);
  });

  it("counts attempts exactly at both ends of the certification window", () => {
    const requiredQuizzes = [{ id: "q", title: "Basics", passMark: 0.5, certificationDays: 10 }];
    const attempts = [
      { id: "start", quizId: "q", score: 0.6, submittedAt: utc("2026-09-20T23:59:59.999Z") },
      { id: "end", quizId: "q", score: 0.9, submittedAt: periodEnd },
    ];
    const figures = computeStatement(emptyInput({ requiredQuizzes, attempts }));
    expect(figures.quizzes[0]?.attempts.map((a) => a.id)).toEqual(["start", "end"]);
    expect(figures.quizzes[0]?.bestAttemptId).toBe("end");
  });
});

describe("computeStatement: the prior and the dropped quiz", () => {
  it("with no data A = mA and S = mS; no quiz: weights scaled to 0.5 / 0.5", () => {
    // C = 0.5 × 0.8 + 0.5 × 0.75 = 0.775; M = 1 + 0.025 × 2 = 1.05.
    const figures = computeStatement(emptyInput());
    expect(figures.accuracy).toBeCloseTo(0.8, 12);
    expect(figures.satisfaction).toBeCloseTo(0.75, 12);
    expect(figures.quizDropped).toBe(true);
    expect(figures.quiz).toBeNull();
    expect(figures.effectiveWeights).toEqual({ accuracy: 0.5, quiz: 0, satisfaction: 0.5 });
    expect(figures.composite).toBeCloseTo(0.775, 12);
    expect(figures.multiplier).toBe(1.05);
    expect(figures.payoutCents).toBe(105_000);
    expect(figures.explanation).toEqual([
      "Claim accuracy: 0 of 0 claims made in the period have a final verdict and count; Σ w·credit = 0, Σ w = 0.",
      "A = (0 + 4 × 0.8) / (0 + 4) = 0.800000 (80.00%)",
      "No quiz is required for compensation, so Q is dropped and the other weights are scaled to sum to 1: wA = 0.4 / 0.8 = 0.5, wS = 0.4 / 0.8 = 0.5.",
      "Satisfaction: 0 answered surveys due in the period count; Σ s = 0, n = 0.",
      "S = (0 + 2 × 0.75) / (0 + 2) = 0.750000 (75.00%)",
      "C = 0.5 × 0.800000 + 0.5 × 0.750000 = 0.775000 (77.50%)",
      "C lies between the curve points (0.75, 1) and (1, 1.5): M = 1 + (0.775000 − 0.75) × (1.5 − 1) / (1 − 0.75) = 1.050000",
      "M rounded to 4 decimals = 1.0500",
      "Payout = round(100000 cents × 1.0500) = round(105000) = 105000 cents",
    ]);
  });

  it("pending and unverifiable claims and unanswered surveys leave the prior untouched", () => {
    const figures = computeStatement(
      emptyInput({
        claims: [claim("p", "PENDING", "HIGH"), claim("u", "UNVERIFIABLE", "LOW")],
        surveys: [{ id: "s", csat: null, delivered: null }],
      }),
    );
    expect(figures.accuracy).toBeCloseTo(0.8, 12);
    expect(figures.satisfaction).toBeCloseTo(0.75, 12);
    expect(figures.sumWeight).toBe(0);
    expect(figures.surveyCount).toBe(0);
  });

  it("a prior weight of 0 with no data falls back to the prior mean", () => {
    const plan = planWith((p) => {
      p.accuracyPrior = { k: 0, m: 0.6 };
      p.satisfactionPrior = { k: 0, m: 0.4 };
    });
    const figures = computeStatement(emptyInput({ plan }));
    expect(figures.accuracy).toBe(0.6);
    expect(figures.satisfaction).toBe(0.4);
  });

  it("with a prior weight of 0, A is the plain weighted accuracy", () => {
    // (4 × 1 + 1 × 0) / (4 + 1) = 0.8.
    const plan = planWith((p) => (p.accuracyPrior = { k: 0, m: 0.6 }));
    const figures = computeStatement(
      emptyInput({ plan, claims: [claim("a", "ACCURATE", "HIGH"), claim("b", "INACCURATE", "LOW")] }),
    );
    expect(figures.accuracy).toBe(0.8);
  });

  it("rescales uneven weights when the quiz is dropped", () => {
    // 0.3 / (0.3 + 0.5) = 0.375, 0.5 / 0.8 = 0.625; C = 0.375 × 0.8 + 0.625 × 0.75 = 0.76875.
    const plan = planWith((p) => (p.weights = { accuracy: 0.3, quiz: 0.2, satisfaction: 0.5 }));
    const figures = computeStatement(emptyInput({ plan }));
    expect(figures.effectiveWeights.accuracy).toBeCloseTo(0.375, 12);
    expect(figures.effectiveWeights.satisfaction).toBeCloseTo(0.625, 12);
    expect(figures.composite).toBeCloseTo(0.76875, 12);
  });

  it("splits evenly when the plan weighs only the quiz and none is required", () => {
    const plan = planWith((p) => (p.weights = { accuracy: 0, quiz: 1, satisfaction: 0 }));
    const figures = computeStatement(emptyInput({ plan }));
    expect(figures.effectiveWeights).toEqual({ accuracy: 0.5, quiz: 0, satisfaction: 0.5 });
    expect(figures.composite).toBeCloseTo(0.775, 12);
  });

  it("keeps Q in C when a quiz is required", () => {
    // Q = 1: C = 0.4 × 0.8 + 0.2 × 1 + 0.4 × 0.75 = 0.82.
    const figures = computeStatement(
      emptyInput({
        requiredQuizzes: [{ id: "q", title: "Basics", passMark: 0.7, certificationDays: 365 }],
        attempts: [{ id: "a", quizId: "q", score: 1, submittedAt: utc("2026-01-10T00:00:00Z") }],
      }),
    );
    expect(figures.quizDropped).toBe(false);
    expect(figures.composite).toBeCloseTo(0.82, 12);
  });
});

describe("computeStatement: curve clamping and rounding", () => {
  it("clamps C below the first point to its M", () => {
    const plan = withCurve([
      [0.9, 0.5],
      [1, 1],
    ]);
    const figures = computeStatement(emptyInput({ plan }));
    expect(figures.curveMultiplier).toBe(0.5);
    expect(figures.explanation).toContain("C is at or below the first curve point (0.9, 0.5), so M = 0.500000");
  });

  it("clamps C above the last point to its M", () => {
    const plan = withCurve([
      [0, 0],
      [0.5, 1.2],
    ]);
    expect(computeStatement(emptyInput({ plan })).curveMultiplier).toBe(1.2);
  });

  const flat = (m: number) =>
    withCurve([
      [0, m],
      [1, m],
    ]);

  it("pays 12345 × 0.1235 = 1524.6075 → 1525 cents", () => {
    const figures = computeStatement(emptyInput({ plan: flat(0.1235), targetBonusCents: 12_345 }));
    expect(figures.payoutCents).toBe(1525);
    expect(figures.explanation.at(-1)).toBe("Payout = round(12345 cents × 0.1235) = round(1524.6075) = 1525 cents");
  });

  it("rounds M = 1.00005 half away from zero to 1.0001", () => {
    const figures = computeStatement(emptyInput({ plan: flat(1.00005), targetBonusCents: 10_000 }));
    expect(figures.multiplier).toBe(1.0001);
    expect(figures.multiplierTenThousandths).toBe(10_001);
    expect(figures.payoutCents).toBe(10_001);
  });

  it("rounds a half cent away from zero, exactly", () => {
    // 2500 × 0.0006 = 1.5 exactly; in floating point it is 1.4999999999999998.
    const figures = computeStatement(emptyInput({ plan: flat(0.0006), targetBonusCents: 2500 }));
    expect(figures.payoutCents).toBe(2);
    expect(figures.explanation.at(-1)).toBe("Payout = round(2500 cents × 0.0006) = round(1.5) = 2 cents");
  });

  it("pays nothing on a zero target", () => {
    expect(computeStatement(emptyInput({ targetBonusCents: 0 })).payoutCents).toBe(0);
  });

  it("refuses an invalid plan and a target that is not whole cents", () => {
    const bad = planWith((p) => (p.weights.quiz = 0.5));
    expect(() => computeStatement(emptyInput({ plan: bad }))).toThrow(/Invalid comp plan: weights/);
    expect(() => computeStatement(emptyInput({ targetBonusCents: 100.5 }))).toThrow(RangeError);
  });
});

describe("payoutFromMultiplier", () => {
  it.each([
    [12_345, 1235, 1525], // 1524.6075
    [12_345, 5000, 6173], // 6172.5
    [-12_345, 5000, -6173], // -6172.5
    [2500, 6, 2], // 1.5
    [2500, 5, 1], // 1.25
    [100_000_000_000, 14_999, 149_990_000_000],
  ])("%i cents × %i/10000 → %i", (cents, m, expected) => {
    expect(payoutFromMultiplier(cents, m)).toBe(expected);
  });
});

// ---- properties ----

const claimArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  status: fc.constantFrom(...CLAIM_STATUSES),
  severity: fc.constantFrom<Severity | null>(...SEVERITIES, null),
});
const surveyArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  delivered: fc.option(fc.constantFrom(...DELIVERED), { nil: null }),
});
const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A valid plan: weights summing to 1, priors in range, a curve ascending in C with M never falling. */
const planArb: fc.Arbitrary<CompPlanParams> = fc
  .record({
    w: fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
      .filter(([a, b, c]) => a + b + c > 0),
    kA: fc.double({ min: 0, max: 20, noNaN: true }),
    mA: unit,
    kS: fc.double({ min: 0, max: 20, noNaN: true }),
    mS: unit,
    xs: fc.uniqueArray(unit, { minLength: 2, maxLength: 6, comparator: (a, b) => a === b }),
    ys: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
    caps: fc.tuple(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true })),
  })
  .map(({ w, kA, mA, kS, mS, xs, ys, caps }) => {
    const [a, b, c] = w;
    const total = a + b + c;
    const sortedX = [...xs].sort((p, q) => p - q);
    const sortedY = [...ys].sort((p, q) => p - q);
    return {
      weights: { accuracy: a / total, quiz: b / total, satisfaction: c / total },
      accuracyPrior: { k: kA, m: mA },
      satisfactionPrior: { k: kS, m: mS },
      curve: sortedX.map((x, i): [number, number] => [x, sortedY[i] ?? 0]),
      gates: { highSeverityInaccurateCap: caps[0], quizBelowPassMarkCap: caps[1] },
    };
  })
  .filter((plan) => plan.curve.every(([x], i) => i === 0 || x > (plan.curve[i - 1]?.[0] ?? -1)));

const inputArb: fc.Arbitrary<CompInput> = fc
  .record({
    plan: planArb,
    target: fc.integer({ min: 0, max: 10_000_000 }),
    claims: fc.array(claimArb, { maxLength: 12 }),
    surveys: fc.array(surveyArb, { maxLength: 8 }),
    quizzes: fc.array(fc.record({ passMark: unit, certificationDays: fc.integer({ min: 0, max: 400 }) }), {
      maxLength: 3,
    }),
    attempts: fc.array(fc.record({ quiz: fc.nat(3), score: unit, daysBefore: fc.integer({ min: 0, max: 500 }) }), {
      maxLength: 8,
    }),
  })
  .map(({ plan, target, claims, surveys, quizzes, attempts }) => ({
    periodEnd,
    targetBonusCents: target,
    plan,
    claims,
    surveys,
    requiredQuizzes: quizzes.map((q, i) => ({ id: `q${i}`, title: `Quiz ${i}`, ...q })),
    attempts: attempts.map((a, i) => ({
      id: `t${i}`,
      quizId: `q${a.quiz}`,
      score: a.score,
      submittedAt: new Date(periodEnd.getTime() - a.daysBefore * 86_400_000),
    })),
  }));

describe("properties", () => {
  it("M from the curve stays within the curve's lowest and highest M", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const figures = computeStatement(input);
        const ys = input.plan.curve.map(([, y]) => y);
        const low = Math.min(...ys);
        const high = Math.max(...ys);
        expect(figures.curveMultiplier).toBeGreaterThanOrEqual(low - 1e-12);
        expect(figures.curveMultiplier).toBeLessThanOrEqual(high + 1e-12);
        // Gates only ever lower M, and the paid M is the rounded one.
        expect(figures.multiplierAfterGates).toBeLessThanOrEqual(figures.curveMultiplier);
        expect(Math.abs(figures.multiplier - figures.multiplierAfterGates)).toBeLessThanOrEqual(0.00005 + 1e-12);
        for (const score of [figures.accuracy, figures.satisfaction, figures.composite, figures.quiz ?? 0]) {
          expect(score).toBeGreaterThanOrEqual(-1e-12);
          expect(score).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it("the default curve keeps M within [0, 1.5]", () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const figures = computeStatement({ ...generated, plan: DEFAULT_COMP_PLAN });
        expect(figures.multiplier).toBeGreaterThanOrEqual(0);
        expect(figures.multiplier).toBeLessThanOrEqual(1.5);
      }),
    );
  });

  it("adding an ACCURATE claim, of any severity, never lowers A", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom<Severity | null>(...SEVERITIES, null), (input, severity) => {
        const before = computeStatement(input).accuracy;
        const after = computeStatement({
          ...input,
          claims: [...input.claims, claim("new", "ACCURATE", severity)],
        }).accuracy;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });

  it("payout is monotone non-decreasing in C before gates", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 10_000_000 }), unit, unit, (plan, target, c1, c2) => {
        const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const payoutAt = (c: number) =>
          payoutFromMultiplier(target, Math.round(roundHalfAwayFromZero(evaluateCurve(plan.curve, c), 4) * 10_000));
        expect(payoutAt(low)).toBeLessThanOrEqual(payoutAt(high));
      }),
    );
  });

  it("a perfectly happy customer never lowers the payout", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = computeStatement(input);
        const after = computeStatement({
          ...input,
          surveys: [...input.surveys, { id: "happy", csat: 5, delivered: "YES" }],
        });
        expect(after.composite).toBeGreaterThanOrEqual(before.composite - 1e-12);
        expect(after.payoutCents).toBeGreaterThanOrEqual(before.payoutCents);
      }),
    );
  });

  it("pays exactly round(target × paid M)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const figures = computeStatement(input);
        // Cross-check with decimal strings rather than the implementation's BigInt path.
        const exact = (input.targetBonusCents * figures.multiplierTenThousandths) / 10_000;
        expect(Math.abs(figures.payoutCents - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Number.isInteger(figures.payoutCents)).toBe(true);
      }),
    );
  });
});
