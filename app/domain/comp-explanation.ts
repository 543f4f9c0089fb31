import type { CompFigures } from "./comp-figures.ts";
import { locateOnCurve } from "./comp-plan.ts";
import { formatDate, formatIsoInText, formatPercent } from "./format.ts";
import { roundHalfAwayFromZero } from "./rounding.ts";

// The plain-language arithmetic of a statement (PRODUCT.md §4: "a salesperson must be able to
// recompute their payout by hand from the page"). Worded from the computed figures only, so the
// page can never explain a number the formula did not produce.
//
// Computed scores (A, Q, S, C, M before rounding) are shown to 6 decimals, not 4: the formula
// carries full precision into the next step, and with 4 shown decimals a hand recomputation is
// often off by one in M's fourth decimal (C = 0.6807 gives M = 0.8614 by hand, while the exact
// C = 0.680667 gives the paid 0.8613). At 6 decimals the hand result matches the paid M. Each
// score's result also reads as a percentage, the way pages show scores (format.ts).

const SHOWN_DECIMALS = 6;

/** Numbers as a person would write them: 12.5, 0.8, 4. */
export function formatPlain(value: number): string {
  return String(roundHalfAwayFromZero(value, SHOWN_DECIMALS));
}

/** A computed score: 0.785000. */
export function formatScore(value: number): string {
  return roundHalfAwayFromZero(value, SHOWN_DECIMALS).toFixed(SHOWN_DECIMALS);
}

/** A score or pass mark as a percentage with the decimals it needs: 0.8 → "80%", 0.775 → "77.5%" (format.ts's "80%"). */
export function formatPlainPercent(value: number): string {
  return `${formatPlain(value * 100)}%`;
}

/** A computed score with its percentage, as the statement's tiles show it: "0.785000 (78.50%)". */
function scoreWithPercent(value: number): string {
  return `${formatScore(value)} (${formatPercent(value, 2)})`;
}

/** A multiplier cap as plans write it: 1.0, 0.9. */
export function formatCap(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : formatPlain(value);
}

function day(iso: string): string {
  return formatDate(iso);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** cents × ten-thousandths / 10000 written out exactly, e.g. 1524.6075. */
export function exactProduct(cents: number, tenThousandths: number): string {
  const product = BigInt(cents) * BigInt(tenThousandths);
  const magnitude = product < 0n ? -product : product;
  const fraction = (magnitude % 10000n).toString().padStart(4, "0").replace(/0+$/, "");
  const whole = (magnitude / 10000n).toString();
  return `${product < 0n ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

export function explainStatement(figures: Omit<CompFigures, "explanation">): string[] {
  const { plan, effectiveWeights: w } = figures;
  const lines: string[] = [];

  // 1. Claim accuracy A.
  const counted = figures.claims.filter((c) => c.counted).length;
  const pending = figures.claims.filter((c) => c.status === "PENDING").length;
  const unverifiable = figures.claims.filter((c) => c.status === "UNVERIFIABLE").length;
  const defaulted = figures.claims.filter((c) => c.counted && c.severity === null).length;
  lines.push(
    `Claim accuracy: ${counted} of ${plural(figures.claims.length, "claim", "claims")} made in the period ` +
      `${counted === 1 ? "has" : "have"} a final verdict and count` +
      (pending + unverifiable > 0 ? ` (${pending} pending and ${unverifiable} unverifiable are left out)` : "") +
      `; Σ w·credit = ${formatPlain(figures.sumWeightedCredit)}, Σ w = ${formatPlain(figures.sumWeight)}.`,
  );
  if (defaulted > 0) {
    lines.push(
      `${plural(defaulted, "claim has", "claims have")} no severity recorded and ${defaulted === 1 ? "is" : "are"} weighted as Medium (2).`,
    );
  }
  // §4: a verdict under an open dispute counts as it stands; saying so here means an overturn
  // that later moves the figure surprises nobody.
  const disputed = figures.claims.filter((c) => c.disputed).length;
  if (disputed > 0) {
    lines.push(
      `${plural(disputed, "claim is", "claims are")} disputed: ${disputed === 1 ? "its verdict counts" : "their verdicts count"} as ${disputed === 1 ? "it stands" : "they stand"} until a manager resolves the dispute.`,
    );
  }
  const { k: kA, m: mA } = plan.accuracyPrior;
  lines.push(
    `A = (${formatPlain(figures.sumWeightedCredit)} + ${formatPlain(kA)} × ${formatPlain(mA)}) / ` +
      `(${formatPlain(figures.sumWeight)} + ${formatPlain(kA)}) = ${scoreWithPercent(figures.accuracy)}`,
  );

  // 2. Quiz Q.
  for (const quiz of figures.quizzes) {
    const window = `${day(quiz.windowStart)} to ${day(quiz.windowEnd)}`;
    const best =
      quiz.bestAttemptId === null
        ? `no attempt from ${window}, so 0`
        : `best score ${formatPlainPercent(quiz.bestScore)} from ${window}`;
    lines.push(
      `Required quiz "${quiz.title}": ${best}; pass mark ${formatPlainPercent(quiz.passMark)}, ${quiz.passed ? "passed" : "not passed"}.`,
    );
  }
  if (figures.quiz === null) {
    const rest = plan.weights.accuracy + plan.weights.satisfaction;
    lines.push(
      rest === 0
        ? "No quiz is required for compensation, so Q is dropped; the plan puts no weight on A or S, so each is weighted 0.5."
        : "No quiz is required for compensation, so Q is dropped and the other weights are scaled to sum to 1: " +
            `wA = ${formatPlain(plan.weights.accuracy)} / ${formatPlain(rest)} = ${formatPlain(w.accuracy)}, ` +
            `wS = ${formatPlain(plan.weights.satisfaction)} / ${formatPlain(rest)} = ${formatPlain(w.satisfaction)}.`,
    );
  } else {
    const scores = figures.quizzes.map((q) => formatPlain(q.bestScore)).join(" + ");
    lines.push(`Q = (${scores}) / ${figures.quizzes.length} = ${scoreWithPercent(figures.quiz)}`);
  }

  // 3. Six-month satisfaction S.
  const skipped = figures.surveys.length - figures.surveyCount;
  lines.push(
    `Satisfaction: ${plural(figures.surveyCount, "answered survey", "answered surveys")} due in the period ` +
      `${figures.surveyCount === 1 ? "counts" : "count"}` +
      (skipped > 0 ? ` (${plural(skipped, "survey", "surveys")} with no answered item left out)` : "") +
      `; Σ s = ${formatPlain(figures.sumSatisfaction)}, n = ${figures.surveyCount}.`,
  );
  const { k: kS, m: mS } = plan.satisfactionPrior;
  lines.push(
    `S = (${formatPlain(figures.sumSatisfaction)} + ${formatPlain(kS)} × ${formatPlain(mS)}) / ` +
      `(${figures.surveyCount} + ${formatPlain(kS)}) = ${scoreWithPercent(figures.satisfaction)}`,
  );

  // 4. Composite C.
  const terms = [`${formatPlain(w.accuracy)} × ${formatScore(figures.accuracy)}`];
  if (figures.quiz !== null) terms.push(`${formatPlain(w.quiz)} × ${formatScore(figures.quiz)}`);
  terms.push(`${formatPlain(w.satisfaction)} × ${formatScore(figures.satisfaction)}`);
  lines.push(`C = ${terms.join(" + ")} = ${scoreWithPercent(figures.composite)}`);

  // 5. Multiplier from the curve.
  const position = locateOnCurve(plan.curve, figures.composite);
  if (position.kind === "between") {
    const [x0, y0] = [formatPlain(position.from[0]), formatPlain(position.from[1])];
    const [x1, y1] = [formatPlain(position.to[0]), formatPlain(position.to[1])];
    lines.push(
      `C lies between the curve points (${x0}, ${y0}) and (${x1}, ${y1}): ` +
        `M = ${y0} + (${formatScore(figures.composite)} − ${x0}) × (${y1} − ${y0}) / (${x1} − ${x0}) = ${formatScore(figures.curveMultiplier)}`,
    );
  } else {
    const [x, y] = [formatPlain(position.point[0]), formatPlain(position.point[1])];
    const where = position.kind === "belowFirst" ? "at or below the first" : "at or above the last";
    lines.push(`C is ${where} curve point (${x}, ${y}), so M = ${formatScore(figures.curveMultiplier)}`);
  }

  // 6. Gates, in the order they were applied.
  let multiplier = figures.curveMultiplier;
  for (const gate of figures.gates) {
    const after = Math.min(multiplier, gate.cap);
    lines.push(`${gate.reason} M = min(${formatScore(multiplier)}, ${formatCap(gate.cap)}) = ${formatScore(after)}`);
    multiplier = after;
  }

  // 7. Rounding and payout.
  const paidM = figures.multiplier.toFixed(4);
  lines.push(`M rounded to 4 decimals = ${paidM}`);
  lines.push(
    `Payout = round(${figures.targetBonusCents} cents × ${paidM}) = ` +
      `round(${exactProduct(figures.targetBonusCents, figures.multiplierTenThousandths)}) = ${figures.payoutCents} cents`,
  );
  return lines;
}

/**
 * A stored line of a statement (its arithmetic or a gate's reason) as a person reads it today. A
 * locked statement is a frozen snapshot (ADR 007) and is never rewritten; one frozen before
 * Candor worded scores as percentages and days as dates ("best score 0.8 from 2026-07-02 …;
 * pass mark 0.7", "A = … = 0.785000") is read through the same formats here. A line already
 * worded that way passes through unchanged.
 */
export function readableStatementLine(line: string): string {
  return formatIsoInText(line)
    .replace(
      /\b(best score|pass mark|best) (\d+(?:\.\d+)?)(?![\d.%])/g,
      (_match, word: string, value: string) => `${word} ${formatPlainPercent(Number(value))}`,
    )
    .replace(
      /^([AQSC]) = (.+) = (\d+\.\d{6})$/,
      (_match, figure: string, sum: string, value: string) => `${figure} = ${sum} = ${scoreWithPercent(Number(value))}`,
    );
}
