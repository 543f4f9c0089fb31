import { needsCustomerCorrection } from "./claim-rules.ts";
import type { ClaimStatus, MatrixCheckResult } from "./levels.ts";
import type { QuizDueReason } from "./quiz-rules.ts";

// The salesperson's home opens with the next thing to do (PRODUCT.md §3, salesperson home). Pure:
// the loader gathers the facts, this decides what is worth doing and orders it by what costs the
// salesperson or their customers most if left undone. Every step must lead somewhere the person
// can act: a quiz they can still take, claims they can still correct.

export interface QuizDue {
  quizId: string;
  title: string;
  /** Required for comp and never passed; certification expiring within 14 days; required and its certification lapsed. */
  reason: "required" | "expiring" | "expired";
  /** An attempt already started and still open: the step leads back into it. */
  openAttemptId?: string | null;
}

export interface SalesNextStepInput {
  /** Customers still to correct: see isCustomerToCorrect. */
  uncorrectedClaims: number;
  /** Where the full list of those claims is. */
  uncorrectedHref?: string;
  /** Claims whose capability changed in the matrix since they were made. */
  claimsChangedSince: number;
  quizzesDue: readonly QuizDue[];
  /** Answers from engineers in the last 7 days. */
  recentAnswers: number;
}

export interface NextStep {
  text: string;
  href: string;
}

/** Verdicts that say the customer was told something untrue (PRODUCT.md §1 Claim.customerCorrectedAt). */
export const VERDICTS_TO_CORRECT = ["INACCURATE", "PARTIALLY_ACCURATE"] as const satisfies readonly ClaimStatus[];

/**
 * A claim whose customer still has to be told the truth: an engineer judged it inaccurate or
 * partially accurate (pending and accurate claims have nothing to correct yet), it told the
 * customer too much by the rule the claim page uses to offer "I corrected this with the customer"
 * (claim-rules.ts needsCustomerCorrection) — so every claim listed can be cleared from its page —
 * and no correction is recorded.
 */
export function isCustomerToCorrect(claim: {
  status: ClaimStatus;
  matrixCheck: MatrixCheckResult;
  customerCorrectedAt: Date | string | null;
}): boolean {
  return (
    (VERDICTS_TO_CORRECT as readonly ClaimStatus[]).includes(claim.status) &&
    needsCustomerCorrection(claim) &&
    claim.customerCorrectedAt === null
  );
}

/** One quiz's standing for a salesperson, as the home loads it. */
export interface QuizStanding {
  id: string;
  title: string;
  reason: QuizDueReason;
  certifiedUntil: Date | string | null;
  /** Attempts left in this round (PRODUCT.md §1 Quiz.maxAttempts). */
  attemptsLeft: number;
  /** An attempt started and still accepting answers. */
  openAttemptId: string | null;
}

/**
 * The quizzes worth a "next to do" step: required and not (or no longer) passed, or a
 * certification about to expire — and only those the person can act on now: an attempt is open,
 * or attempts are left. A quiz whose attempts are used up is listed in the quizzes section with
 * the day it opens again, never as a step that leads to a refusal.
 */
export function quizStepsFrom(standings: readonly QuizStanding[]): QuizDue[] {
  return standings.flatMap((quiz): QuizDue[] => {
    if (quiz.openAttemptId === null && quiz.attemptsLeft <= 0) return [];
    const openAttemptId = quiz.openAttemptId;
    if (quiz.reason === "CERTIFICATION_EXPIRING")
      return [{ quizId: quiz.id, title: quiz.title, reason: "expiring", openAttemptId }];
    if (quiz.reason !== "REQUIRED_NOT_PASSED") return [];
    return [
      { quizId: quiz.id, title: quiz.title, reason: quiz.certifiedUntil ? "expired" : "required", openAttemptId },
    ];
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function salesNextSteps(input: SalesNextStepInput): NextStep[] {
  const steps: NextStep[] = [];
  if (input.uncorrectedClaims > 0) {
    steps.push({
      text: `Tell the customer the truth: ${plural(input.uncorrectedClaims, "claim was", "claims were")} judged inaccurate or partly accurate and no correction is recorded yet.`,
      href: input.uncorrectedHref ?? "#to-correct",
    });
  }
  for (const quiz of input.quizzesDue) {
    const why =
      quiz.reason === "required"
        ? "it counts towards your bonus and you have not passed it yet"
        : quiz.reason === "expired"
          ? "your certification has expired"
          : "your certification expires soon";
    steps.push(
      quiz.openAttemptId
        ? {
            text: `Finish the quiz “${quiz.title}” you started: ${why}.`,
            href: `/quizzes/${quiz.quizId}/attempts/${quiz.openAttemptId}`,
          }
        : { text: `Take the quiz “${quiz.title}”: ${why}.`, href: `/quizzes/${quiz.quizId}` },
    );
  }
  if (input.claimsChangedSince > 0) {
    steps.push({
      text: `Check ${plural(input.claimsChangedSince, "claim", "claims")} whose capability changed in the matrix after you made it.`,
      href: "#changed-since-title",
    });
  }
  if (input.recentAnswers > 0) {
    steps.push({
      text: `Read ${plural(input.recentAnswers, "new answer", "new answers")} from engineers.`,
      href: "#answers",
    });
  }
  return steps;
}
