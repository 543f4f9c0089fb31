// The compensation plan's parameters (PRODUCT.md §4), their validation and the multiplier
// curve. Plans are versioned and stored as JSON (CompPlan.paramsJson), so validation accepts any
// value and checks every field.

export interface CompPlanParams {
  weights: { accuracy: number; quiz: number; satisfaction: number };
  /** kA, mA: A starts at mA with the weight of kA severity points of evidence. */
  accuracyPrior: { k: number; m: number };
  /** kS, mS: S starts at mS with the weight of kS surveys. */
  satisfactionPrior: { k: number; m: number };
  /** (C, M) points of the piecewise-linear multiplier, ascending in C. */
  curve: Array<[number, number]>;
  gates: { highSeverityInaccurateCap: number; quizBelowPassMarkCap: number };
}

/** The plan of §4, used by the demo data. Frozen: a shared default must never be edited in place. */
export const DEFAULT_COMP_PLAN: CompPlanParams = Object.freeze({
  weights: Object.freeze({ accuracy: 0.4, quiz: 0.2, satisfaction: 0.4 }),
  accuracyPrior: Object.freeze({ k: 4, m: 0.8 }),
  satisfactionPrior: Object.freeze({ k: 2, m: 0.75 }),
  curve: Object.freeze([
    Object.freeze([0, 0]),
    Object.freeze([0.5, 0.5]),
    Object.freeze([0.75, 1.0]),
    Object.freeze([1.0, 1.5]),
  ]) as unknown as Array<[number, number]>,
  gates: Object.freeze({ highSeverityInaccurateCap: 1.0, quizBelowPassMarkCap: 0.9 }),
});

export type CompPlanValidation = { ok: true } | { ok: false; errors: Record<string, string> };

const WEIGHT_SUM_TOLERANCE = 1e-9;

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Field errors keyed by path ("weights.quiz", "curve.2.x"), ready to show beside the admin
 * form's inputs. Beyond the ranges of §4, the curve's M must not fall as C rises: a plan that
 * paid a more honest, better-informed salesperson less would contradict the product's purpose.
 */
export function validateCompPlan(params: unknown): CompPlanValidation {
  const errors: Record<string, string> = {};
  const plan = isRecord(params) ? params : {};

  const weights = isRecord(plan.weights) ? plan.weights : {};
  let weightSum = 0;
  for (const key of ["accuracy", "quiz", "satisfaction"] as const) {
    const weight = weights[key];
    if (!isNumber(weight) || weight < 0 || weight > 1) errors[`weights.${key}`] = "Enter a number from 0 to 1.";
    else weightSum += weight;
  }
  if (Object.keys(errors).length === 0 && Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
    errors.weights = `The three weights must add up to 1; they add up to ${weightSum}.`;
  }

  for (const name of ["accuracyPrior", "satisfactionPrior"] as const) {
    const prior = isRecord(plan[name]) ? plan[name] : {};
    if (!isNumber(prior.k) || prior.k < 0) errors[`${name}.k`] = "Enter a number of 0 or more.";
    if (!isNumber(prior.m) || prior.m < 0 || prior.m > 1) errors[`${name}.m`] = "Enter a number from 0 to 1.";
  }

  const curve: unknown[] = Array.isArray(plan.curve) ? plan.curve : [];
  if (curve.length < 2) errors.curve = "The curve needs at least two points.";
  let previous: readonly [number, number] | null = null;
  for (const [index, point] of curve.entries()) {
    if (!Array.isArray(point) || point.length !== 2) {
      errors[`curve.${index}`] = "Each point is a pair (C, M).";
      previous = null;
      continue;
    }
    const [x, y]: unknown[] = point;
    const xOk = isNumber(x) && x >= 0 && x <= 1;
    const yOk = isNumber(y) && y >= 0;
    if (!xOk) errors[`curve.${index}.x`] = "Enter a composite score from 0 to 1.";
    if (!yOk) errors[`curve.${index}.y`] = "Enter a multiplier of 0 or more.";
    if (!xOk || !yOk) {
      previous = null;
      continue;
    }
    if (previous !== null && x <= previous[0]) {
      errors[`curve.${index}.x`] = "Each point's C must be greater than the previous point's.";
    }
    if (previous !== null && y < previous[1]) {
      errors[`curve.${index}.y`] = "A point's M must not be lower than the previous point's.";
    }
    previous = [x, y];
  }

  const gates = isRecord(plan.gates) ? plan.gates : {};
  for (const key of ["highSeverityInaccurateCap", "quizBelowPassMarkCap"] as const) {
    const cap = gates[key];
    if (!isNumber(cap) || cap < 0) errors[`gates.${key}`] = "Enter a multiplier cap of 0 or more.";
  }

  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

export type CurvePosition =
  | { kind: "belowFirst"; point: [number, number]; value: number }
  | { kind: "aboveLast"; point: [number, number]; value: number }
  | { kind: "between"; from: [number, number]; to: [number, number]; value: number };

/**
 * Where `x` falls on a validated curve and the multiplier there: linear between neighbouring
 * points, and the first or last point's M outside their range (§4.5 "clamped").
 */
export function locateOnCurve(curve: ReadonlyArray<readonly [number, number]>, x: number): CurvePosition {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (first === undefined || last === undefined) throw new RangeError("A curve needs at least one point");
  if (x <= first[0]) return { kind: "belowFirst", point: [first[0], first[1]], value: first[1] };
  if (x >= last[0]) return { kind: "aboveLast", point: [last[0], last[1]], value: last[1] };
  for (let i = 0; i + 1 < curve.length; i++) {
    const from = curve[i];
    const to = curve[i + 1];
    if (from === undefined || to === undefined || x > to[0]) continue;
    const value = from[1] + ((x - from[0]) * (to[1] - from[1])) / (to[0] - from[0]);
    return { kind: "between", from: [from[0], from[1]], to: [to[0], to[1]], value };
  }
  // Unreachable on a curve ascending in x: x lies strictly inside [first, last].
  return { kind: "aboveLast", point: [last[0], last[1]], value: last[1] };
}

export function evaluateCurve(curve: ReadonlyArray<readonly [number, number]>, x: number): number {
  return locateOnCurve(curve, x).value;
}
