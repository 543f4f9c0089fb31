// The salesperson's home opens with the next thing to do (issue: dashboards, each role's home).
// Pure: the loader gathers the counts, this orders them by what costs the salesperson or their
// customers most if left undone.

export interface QuizDue {
  quizId: string;
  title: string;
  /** Required for comp and never passed; certification expiring within 14 days; required and its certification lapsed. */
  reason: "required" | "expiring" | "expired";
}

export interface SalesNextStepInput {
  /** Claims judged INACCURATE, or that overstated the matrix, whose customer has not been told the truth yet. */
  uncorrectedClaims: number;
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function salesNextSteps(input: SalesNextStepInput): NextStep[] {
  const steps: NextStep[] = [];
  if (input.uncorrectedClaims > 0) {
    steps.push({
      text: `Tell the customer the truth: ${plural(input.uncorrectedClaims, "claim overstated", "claims overstated")} the product and no correction is recorded yet.`,
      href: "#to-correct",
    });
  }
  for (const quiz of input.quizzesDue) {
    const why =
      quiz.reason === "required"
        ? "it counts towards your bonus and you have not passed it yet"
        : quiz.reason === "expired"
          ? "your certification has expired"
          : "your certification expires soon";
    steps.push({ text: `Take the quiz “${quiz.title}”: ${why}.`, href: `/quizzes/${quiz.quizId}` });
  }
  if (input.claimsChangedSince > 0) {
    steps.push({
      text: `Check ${plural(input.claimsChangedSince, "claim", "claims")} whose capability changed in the matrix after you made it.`,
      href: "#changed-since-title",
    });
  }
  if (input.recentAnswers > 0) {
    steps.push({ text: `Read ${plural(input.recentAnswers, "new answer", "new answers")} from engineers.`, href: "#answers" });
  }
  return steps;
}
