import type {
  ClaimLine,
  CompFigures,
  CompWeights,
  FiredGate,
  GateName,
  QuizLine,
  SurveyItem,
  SurveyLine,
} from "./comp-figures.ts";
import { explainStatement, formatCap, formatPlainPercent } from "./comp-explanation.ts";
import { type CompPlanParams, evaluateCurve, validateCompPlan } from "./comp-plan.ts";
import { addDays } from "./dates.ts";
import type { ClaimStatus, Delivered, Severity } from "./levels.ts";
import { divideRoundHalfAwayFromZero, roundHalfAwayFromZero } from "./rounding.ts";
import { surveyScoreParts } from "./survey-schedule.ts";
import { SEVERITY_WEIGHT, VERDICT_CREDIT, isFinalVerdict } from "./verdicts.ts";

// PRODUCT.md §4, exactly: one pure function from a salesperson's period data to every figure
// of their statement. The statement page shows these figures and `explanation` verbatim, so a
// salesperson can recompute the payout by hand from the page (§4 "A statement lists …").

export { DEFAULT_COMP_PLAN, evaluateCurve, type CompPlanParams } from "./comp-plan.ts";
export { roundHalfAwayFromZero } from "./rounding.ts";

export interface CompInput {
  periodEnd: Date;
  targetBonusCents: number;
  plan: CompPlanParams;
  /** Claims made in the period; `disputed`: the verdict is under an open dispute and counts as it stands (§4). */
  claims: Array<{ id: string; status: ClaimStatus; severity: Severity | null; disputed?: boolean }>;
  requiredQuizzes: Array<{ id: string; title: string; passMark: number; certificationDays: number }>;
  /** Submitted attempts up to periodEnd (others are ignored). */
  attempts: Array<{ id: string; quizId: string; score: number; submittedAt: Date }>;
  /** Answered surveys due in the period. */
  surveys: Array<{ id: string; csat: number | null; delivered: Delivered | null }>;
}

// A score that should equal the pass mark may come out a hair below it after floating-point
// averaging (e.g. 0.7 as 0.6999999999999999); that must not cost anyone their pay.
const PASS_MARK_TOLERANCE = 1e-9;

/** (Σ + k·m) / (count + k); with no evidence and k = 0 the prior mean m alone is the answer. */
function withPrior(sum: number, count: number, prior: { k: number; m: number }): number {
  const denominator = count + prior.k;
  return denominator === 0 ? prior.m : (sum + prior.k * prior.m) / denominator;
}

/** payout = round(targetBonusCents × M) half away from zero, with M in ten-thousandths: exact. */
export function payoutFromMultiplier(targetBonusCents: number, multiplierTenThousandths: number): number {
  if (!Number.isSafeInteger(targetBonusCents))
    throw new RangeError(`targetBonusCents must be whole cents, got ${targetBonusCents}`);
  if (!Number.isSafeInteger(multiplierTenThousandths))
    throw new RangeError(`M must be whole ten-thousandths, got ${multiplierTenThousandths}`);
  return Number(divideRoundHalfAwayFromZero(BigInt(targetBonusCents) * BigInt(multiplierTenThousandths), 10000n));
}

function claimLine(claim: CompInput["claims"][number]): ClaimLine {
  const { id, status, severity } = claim;
  const disputed = claim.disputed ?? false;
  // Each line is written out field by field: built by spreading a shared base, V8 made these
  // objects some seventy times slower to create, and a period computes tens of thousands.
  if (!isFinalVerdict(status)) {
    const note =
      status === "PENDING" ? "Pending: not verified yet, so left out." : "Unverifiable: left out of accuracy.";
    return { id, status, severity, disputed, counted: false, weightedAs: null, credit: null, weight: null, note };
  }
  // A final verdict without a severity is a verifier's omission; MEDIUM is the neutral middle
  // weight, and the line says so rather than guessing silently.
  const weightedAs: Severity = severity ?? "MEDIUM";
  const weight = SEVERITY_WEIGHT[weightedAs];
  const note = severity === null ? `No severity recorded: weighted as Medium (${weight}).` : null;
  return { id, status, severity, disputed, counted: true, weightedAs, credit: VERDICT_CREDIT[status], weight, note };
}

function accuracyFigures(input: CompInput) {
  const claims = input.claims.map(claimLine);
  let sumWeightedCredit = 0;
  let sumWeight = 0;
  for (const line of claims) {
    if (line.weight === null || line.credit === null) continue;
    sumWeightedCredit += line.weight * line.credit;
    sumWeight += line.weight;
  }
  const accuracy = withPrior(sumWeightedCredit, sumWeight, input.plan.accuracyPrior);
  return { claims, sumWeightedCredit, sumWeight, accuracy };
}

function quizFigures(input: CompInput): { quizzes: QuizLine[]; quiz: number | null } {
  const end = input.periodEnd.getTime();
  const quizzes = input.requiredQuizzes.map((quiz): QuizLine => {
    const windowStart = addDays(input.periodEnd, -quiz.certificationDays);
    const attempts = input.attempts
      .filter(
        (a) =>
          a.quizId === quiz.id && a.submittedAt.getTime() >= windowStart.getTime() && a.submittedAt.getTime() <= end,
      )
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    // Strictly greater: of equal best scores the first one reached is shown.
    let best: (typeof attempts)[number] | null = null;
    for (const attempt of attempts) if (best === null || attempt.score > best.score) best = attempt;
    const bestScore = best === null ? 0 : best.score;
    return {
      quizId: quiz.id,
      title: quiz.title,
      passMark: quiz.passMark,
      certificationDays: quiz.certificationDays,
      windowStart: windowStart.toISOString(),
      windowEnd: input.periodEnd.toISOString(),
      attempts: attempts.map((a) => ({ id: a.id, score: a.score, submittedAt: a.submittedAt.toISOString() })),
      bestAttemptId: best === null ? null : best.id,
      bestScore,
      passed: bestScore >= quiz.passMark - PASS_MARK_TOLERANCE,
    };
  });
  if (quizzes.length === 0) return { quizzes, quiz: null };
  return { quizzes, quiz: quizzes.reduce((sum, line) => sum + line.bestScore, 0) / quizzes.length };
}

function satisfactionFigures(input: CompInput) {
  const surveys = input.surveys.map((survey): SurveyLine => {
    const parts = surveyScoreParts({ csat: survey.csat, delivered: survey.delivered });
    const itemsCounted: SurveyItem[] = [];
    if (parts.csat !== null) itemsCounted.push("csat");
    if (parts.delivered !== null) itemsCounted.push("delivered");
    const note =
      itemsCounted.length === 0
        ? "Neither CSAT nor delivered-as-promised was answered, so the survey is left out."
        : itemsCounted.length === 1
          ? `Only ${itemsCounted[0] === "csat" ? "CSAT" : "delivered-as-promised"} was answered; s is that item alone.`
          : null;
    return {
      id: survey.id,
      csat: survey.csat,
      delivered: survey.delivered,
      csatItem: parts.csat,
      deliveredItem: parts.delivered,
      itemsCounted,
      s: parts.score,
      counted: parts.score !== null,
      note,
    };
  });
  let sumSatisfaction = 0;
  let surveyCount = 0;
  for (const line of surveys) {
    if (line.s === null) continue;
    sumSatisfaction += line.s;
    surveyCount++;
  }
  const satisfaction = withPrior(sumSatisfaction, surveyCount, input.plan.satisfactionPrior);
  return { surveys, sumSatisfaction, surveyCount, satisfaction };
}

function effectiveWeightsFor(plan: CompPlanParams, quizDropped: boolean): CompWeights {
  if (!quizDropped) return { ...plan.weights };
  const rest = plan.weights.accuracy + plan.weights.satisfaction;
  // A plan that put all its weight on quizzes yet requires none has nothing to rescale;
  // splitting evenly is the neutral choice, and the statement says so.
  if (rest === 0) return { accuracy: 0.5, quiz: 0, satisfaction: 0.5 };
  return { accuracy: plan.weights.accuracy / rest, quiz: 0, satisfaction: plan.weights.satisfaction / rest };
}

function applyGates(input: CompInput, claims: ClaimLine[], quizzes: QuizLine[], curveMultiplier: number) {
  const { gates: caps } = input.plan;
  const gates: FiredGate[] = [];
  let multiplier = curveMultiplier;
  const fire = (name: GateName, cap: number, reason: string) => {
    gates.push({ name, cap, reason, lowered: cap < multiplier });
    multiplier = Math.min(multiplier, cap);
  };
  const highInaccurate = claims.filter((c) => c.status === "INACCURATE" && c.severity === "HIGH");
  if (highInaccurate.length > 0) {
    fire(
      "HIGH_SEVERITY_INACCURATE",
      caps.highSeverityInaccurateCap,
      highInaccurate.length === 1
        ? `A claim judged inaccurate with high severity caps the multiplier at ${formatCap(caps.highSeverityInaccurateCap)}.`
        : `${highInaccurate.length} claims judged inaccurate with high severity cap the multiplier at ${formatCap(caps.highSeverityInaccurateCap)}.`,
    );
  }
  const failed = quizzes.filter((line) => !line.passed);
  if (failed.length > 0) {
    const which = failed
      .map(
        (line) =>
          `"${line.title}" (best ${formatPlainPercent(line.bestScore)}, pass mark ${formatPlainPercent(line.passMark)})`,
      )
      .join(", ");
    fire(
      "QUIZ_BELOW_PASS_MARK",
      caps.quizBelowPassMarkCap,
      `${failed.length === 1 ? "A required quiz is" : `${failed.length} required quizzes are`} below the pass mark: ${which}; ` +
        `this caps the multiplier at ${formatCap(caps.quizBelowPassMarkCap)}.`,
    );
  }
  return { gates, multiplierAfterGates: multiplier };
}

/**
 * Every figure of the statement but its worded explanation: what a recomputation that only
 * compares payouts needs (a locked period's, ADR 007). computeStatement adds the explanation.
 */
export function computeFigures(input: CompInput): Omit<CompFigures, "explanation"> {
  const validation = validateCompPlan(input.plan);
  if (!validation.ok) {
    const errors = Object.entries(validation.errors).map(([field, message]) => `${field}: ${message}`);
    throw new RangeError(`Invalid comp plan: ${errors.join("; ")}`);
  }
  if (!Number.isSafeInteger(input.targetBonusCents)) {
    throw new RangeError(`targetBonusCents must be whole cents, got ${input.targetBonusCents}`);
  }
  const { plan } = input;
  const { claims, sumWeightedCredit, sumWeight, accuracy } = accuracyFigures(input);
  const { quizzes, quiz } = quizFigures(input);
  const quizDropped = quiz === null;
  const { surveys, sumSatisfaction, surveyCount, satisfaction } = satisfactionFigures(input);
  const effectiveWeights = effectiveWeightsFor(plan, quizDropped);
  const composite =
    effectiveWeights.accuracy * accuracy +
    effectiveWeights.quiz * (quiz ?? 0) +
    effectiveWeights.satisfaction * satisfaction;
  const curveMultiplier = evaluateCurve(plan.curve, composite);
  const { gates, multiplierAfterGates } = applyGates(input, claims, quizzes, curveMultiplier);
  // §4.7: M is rounded first, then the payout is computed from that M in integer cents, so no
  // float ever reaches the money.
  const multiplier = roundHalfAwayFromZero(multiplierAfterGates, 4);
  const multiplierTenThousandths = Math.round(multiplier * 10000);
  const payoutCents = payoutFromMultiplier(input.targetBonusCents, multiplierTenThousandths);

  return {
    periodEnd: input.periodEnd.toISOString(),
    targetBonusCents: input.targetBonusCents,
    plan,
    claims,
    sumWeightedCredit,
    sumWeight,
    accuracy,
    quizzes,
    quizDropped,
    quiz,
    surveys,
    sumSatisfaction,
    surveyCount,
    satisfaction,
    effectiveWeights,
    composite,
    curveMultiplier,
    gates,
    multiplierAfterGates,
    multiplier,
    multiplierTenThousandths,
    payoutCents,
  };
}

export function computeStatement(input: CompInput): CompFigures {
  const figures = computeFigures(input);
  return { ...figures, explanation: explainStatement(figures) };
}
