import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMP_PLAN, evaluateCurve, locateOnCurve, validateCompPlan, type CompPlanParams } from "./comp-plan.ts";

const withChanges = (change: (plan: CompPlanParams) => void): CompPlanParams => {
  const plan = structuredClone(DEFAULT_COMP_PLAN);
  change(plan);
  return plan;
};

const errorsOf = (params: unknown) => {
  const result = validateCompPlan(params);
  return result.ok ? {} : result.errors;
};

const curveErrors = (curve: CompPlanParams["curve"]) => errorsOf(withChanges((p) => (p.curve = curve)));

describe("DEFAULT_COMP_PLAN", () => {
  it("is the plan of PRODUCT.md §4", () => {
    expect(DEFAULT_COMP_PLAN).toEqual({
      weights: { accuracy: 0.4, quiz: 0.2, satisfaction: 0.4 },
      accuracyPrior: { k: 4, m: 0.8 },
      satisfactionPrior: { k: 2, m: 0.75 },
      curve: [
        [0, 0],
        [0.5, 0.5],
        [0.75, 1.0],
        [1.0, 1.5],
      ],
      gates: { highSeverityInaccurateCap: 1.0, quizBelowPassMarkCap: 0.9 },
    });
    expect(validateCompPlan(DEFAULT_COMP_PLAN)).toEqual({ ok: true });
  });

  it("cannot be edited in place", () => {
    expect(() => {
      DEFAULT_COMP_PLAN.weights.quiz = 0.5;
    }).toThrow(TypeError);
    expect(DEFAULT_COMP_PLAN.weights.quiz).toBe(0.2);
  });
});

describe("validateCompPlan", () => {
  it("accepts weights that sum to 1 up to floating-point noise", () => {
    expect(validateCompPlan(withChanges((p) => (p.weights = { accuracy: 0.1, quiz: 0.2, satisfaction: 0.7 })))).toEqual(
      { ok: true },
    );
  });

  it("rejects weights that do not sum to 1", () => {
    expect(errorsOf(withChanges((p) => (p.weights.quiz = 0.1)))).toEqual({
      weights: "The three weights must add up to 1; they add up to 0.9.",
    });
  });

  it("rejects a weight outside [0, 1] on its own field", () => {
    expect(errorsOf(withChanges((p) => (p.weights = { accuracy: 1.2, quiz: -0.2, satisfaction: 0 })))).toEqual({
      "weights.accuracy": "Enter a number from 0 to 1.",
      "weights.quiz": "Enter a number from 0 to 1.",
    });
  });

  it("rejects a negative prior weight and a prior mean outside [0, 1]", () => {
    const errors = errorsOf(
      withChanges((p) => {
        p.accuracyPrior.k = -1;
        p.satisfactionPrior.m = 1.5;
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["accuracyPrior.k", "satisfactionPrior.m"]);
  });

  it("accepts a prior weight of 0", () => {
    expect(validateCompPlan(withChanges((p) => (p.accuracyPrior.k = 0)))).toEqual({ ok: true });
  });

  it.each<[string, CompPlanParams["curve"], Record<string, string>]>([
    ["needs at least two curve points", [[0, 1]], { curve: "The curve needs at least two points." }],
    [
      "needs the curve strictly ascending in C, within [0, 1]",
      [
        [0, 0],
        [0.5, 0.5],
        [0.5, 1],
        [1.2, 1.5],
      ],
      {
        "curve.2.x": "Each point's C must be greater than the previous point's.",
        "curve.3.x": "Enter a composite score from 0 to 1.",
      },
    ],
    [
      "needs M >= 0 and never falling as C rises",
      [
        [0, -0.1],
        [0.5, 1],
        [1, 0.8],
      ],
      {
        "curve.0.y": "Enter a multiplier of 0 or more.",
        "curve.2.y": "A point's M must not be lower than the previous point's.",
      },
    ],
  ])("%s", (_name, curve, errors) => {
    expect(curveErrors(curve)).toEqual(errors);
  });

  it("rejects a negative gate cap", () => {
    expect(errorsOf(withChanges((p) => (p.gates.quizBelowPassMarkCap = -1)))).toEqual({
      "gates.quizBelowPassMarkCap": "Enter a multiplier cap of 0 or more.",
    });
  });

  it("rejects NaN and missing fields from a malformed stored plan", () => {
    expect(Object.keys(errorsOf(withChanges((p) => (p.weights.accuracy = Number.NaN))))).toEqual(["weights.accuracy"]);
    expect(Object.keys(errorsOf(null)).sort()).toEqual([
      "accuracyPrior.k",
      "accuracyPrior.m",
      "curve",
      "gates.highSeverityInaccurateCap",
      "gates.quizBelowPassMarkCap",
      "satisfactionPrior.k",
      "satisfactionPrior.m",
      "weights.accuracy",
      "weights.quiz",
      "weights.satisfaction",
    ]);
    expect(errorsOf({ ...DEFAULT_COMP_PLAN, curve: [[0, 0], "x"] })).toEqual({
      "curve.1": "Each point is a pair (C, M).",
    });
  });
});

describe("evaluateCurve (default curve)", () => {
  const curve = DEFAULT_COMP_PLAN.curve;
  it.each([
    [0, 0],
    [0.25, 0.25],
    [0.5, 0.5],
    [0.6, 0.7], // 0.5 + 0.1 × 2
    [0.75, 1],
    [0.875, 1.25], // 1 + 0.125 × 2
    [1, 1.5],
  ])("C = %d → M = %d", (c, m) => {
    expect(evaluateCurve(curve, c)).toBeCloseTo(m, 12);
  });

  it("clamps outside the first and last point", () => {
    const narrow: Array<[number, number]> = [
      [0.2, 0.3],
      [0.8, 1.2],
    ];
    expect(evaluateCurve(narrow, 0.1)).toBe(0.3);
    expect(evaluateCurve(narrow, 0.9)).toBe(1.2);
    expect(evaluateCurve(narrow, 0.5)).toBeCloseTo(0.75, 12); // 0.3 + 0.3 × 0.9 / 0.6
    expect(locateOnCurve(narrow, 0.1).kind).toBe("belowFirst");
    expect(locateOnCurve(narrow, 0.9).kind).toBe("aboveLast");
  });

  it("is continuous at the curve points", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
        const left = evaluateCurve(curve, c - 1e-9);
        const right = evaluateCurve(curve, c + 1e-9);
        expect(Math.abs(right - left)).toBeLessThan(1e-7);
      }),
    );
  });
});
