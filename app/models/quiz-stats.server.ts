import { Prisma } from "../generated/prisma/client.ts";
import { CAPABILITY_LEVELS, isQuestionType, levelLabel } from "../domain/levels.ts";
import {
  discriminationLabel,
  facility,
  pearsonFromSums,
  type PairSums,
  type QuestionStats,
} from "../domain/quiz-stats.ts";
import { parseChosen } from "../domain/quiz-rules.ts";
import { prisma } from "../lib/db.server.ts";

// Item statistics (PRODUCT.md §3): per quiz and per question, from salespeople's
// submitted attempts only (practice attempts by other roles are left out). The database does the
// counting and summing; only one row per question (and per question and choice) reaches JS.

const FAIL_MOST_SHOWN = 5;
/** Below this many answers a facility figure says little; such questions are not ranked as "failed most". */
const MIN_ANSWERS_TO_RANK = 5;

// SQLite answers numbers; PostgreSQL answers COUNT as bigint and AVG of numeric as a decimal.
type Num = number | bigint | Prisma.Decimal | null;

const num = (value: Num) => (value === null ? 0 : Number(value));
const figure = (value: Num) => (value === null ? null : Number(value));

const countedAttempts = (quizId: string) => Prisma.sql`
  SELECT a."id" AS "id", a."userId" AS "userId", a."score" AS "score", a."passed" AS "passed"
  FROM "QuizAttempt" a JOIN "User" u ON u."id" = a."userId"
  WHERE a."quizId" = ${quizId} AND a."submittedAt" IS NOT NULL AND u."role" = 'SALES'`;

/** One group of answers: a question (a bank id, or a capability for matrix questions) and one chosen set. */
interface AnswerGroupRow {
  questionId: string | null;
  capabilityId: string | null;
  chosenJson: string;
  n: Num;
  missed: Num;
  sumX: Num;
  sumY: Num;
  sumXX: Num;
  sumYY: Num;
  sumXY: Num;
}

interface QuestionSums extends PairSums {
  questionId: string | null;
  capabilityId: string | null;
  /** Per chosen set: how many answers chose it, and how many of those missed full credit. */
  chosen: Array<{ indexes: number[]; n: number; missed: number }>;
}

/** Adds the per-chosen-set groups up per question (sums are additive), keeping the sets for the wrong-choice tally. */
function sumPerQuestion(rows: readonly AnswerGroupRow[]): QuestionSums[] {
  const byKey = new Map<string, QuestionSums>();
  for (const row of rows) {
    const key = row.questionId ?? `matrix:${row.capabilityId ?? ""}`;
    const sums = byKey.get(key) ?? {
      questionId: row.questionId,
      capabilityId: row.capabilityId,
      n: 0,
      sumX: 0,
      sumY: 0,
      sumXX: 0,
      sumYY: 0,
      sumXY: 0,
      chosen: [],
    };
    sums.n += num(row.n);
    sums.sumX += num(row.sumX);
    sums.sumY += num(row.sumY);
    sums.sumXX += num(row.sumXX);
    sums.sumYY += num(row.sumYY);
    sums.sumXY += num(row.sumXY);
    sums.chosen.push({ indexes: parseChosen(row.chosenJson), n: num(row.n), missed: num(row.missed) });
    byKey.set(key, sums);
  }
  return [...byKey.values()];
}

/**
 * Picks of each wrong choice. In a single-answer question a pick is wrong exactly when the answer
 * earned nothing, whatever the question says today; in multiple choice, a pick is wrong when the
 * choice is not a right one.
 */
function wrongPicks(
  sums: QuestionSums,
  multi: boolean,
  correct: ReadonlySet<number>,
): Array<{ choice: number; picks: number }> {
  const picks = new Map<number, number>();
  for (const group of sums.chosen) {
    for (const index of group.indexes) {
      const wrong = multi ? (correct.has(index) ? 0 : group.n) : group.missed;
      if (wrong > 0) picks.set(index, (picks.get(index) ?? 0) + wrong);
    }
  }
  return [...picks].map(([choice, count]) => ({ choice, picks: count }));
}

export async function getQuizStats(quizId: string) {
  const quiz = await prisma.quiz.findUnique({
    where: { id: quizId },
    select: { id: true, title: true, passMark: true, published: true, product: { select: { name: true, slug: true } } },
  });
  if (!quiz) return null;

  const [summaryRows, groupRows] = await Promise.all([
    prisma.$queryRaw<Array<{ attempts: Num; people: Num; meanScore: Num; passRate: Num }>>`
      WITH counted AS (${countedAttempts(quizId)})
      SELECT COUNT(*) AS "attempts", COUNT(DISTINCT "userId") AS "people", AVG("score") AS "meanScore",
             AVG(CASE WHEN "passed" THEN 1.0 ELSE 0.0 END) AS "passRate"
      FROM counted`,
    // One pass over the answers: x = the question's credit, y = the rest of the attempt's score
    // (its total credit minus x), grouped by question and chosen set, which keeps the result to a
    // few hundred rows and lets the wrong-choice tally come from the same pass.
    prisma.$queryRaw<AnswerGroupRow[]>`
      WITH counted AS (${countedAttempts(quizId)}),
      totals AS (
        SELECT x."attemptId" AS "attemptId", SUM(COALESCE(x."credit", 0)) AS "total"
        FROM "QuizAnswer" x JOIN counted c ON c."id" = x."attemptId" GROUP BY x."attemptId"
      )
      SELECT x."questionId" AS "questionId", CASE WHEN x."questionId" IS NULL THEN x."capabilityId" END AS "capabilityId", x."chosenJson" AS "chosenJson",
             COUNT(*) AS "n",
             SUM(CASE WHEN COALESCE(x."credit", 0) < 1 THEN 1 ELSE 0 END) AS "missed",
             SUM(COALESCE(x."credit", 0)) AS "sumX",
             SUM(t."total" - COALESCE(x."credit", 0)) AS "sumY",
             SUM(COALESCE(x."credit", 0) * COALESCE(x."credit", 0)) AS "sumXX",
             SUM((t."total" - COALESCE(x."credit", 0)) * (t."total" - COALESCE(x."credit", 0))) AS "sumYY",
             SUM(COALESCE(x."credit", 0) * (t."total" - COALESCE(x."credit", 0))) AS "sumXY"
      FROM "QuizAnswer" x JOIN totals t ON t."attemptId" = x."attemptId"
      GROUP BY 1, 2, 3`,
  ]);
  const itemSums = sumPerQuestion(groupRows);

  const questionIds = itemSums.flatMap((row) => (row.questionId ? [row.questionId] : []));
  const capabilityIds = itemSums.flatMap((row) =>
    row.questionId === null && row.capabilityId ? [row.capabilityId] : [],
  );
  const [bank, capabilities] = await Promise.all([
    prisma.question.findMany({
      where: { id: { in: questionIds } },
      select: {
        id: true,
        type: true,
        prompt: true,
        state: true,
        choicesJson: true,
        correctJson: true,
        capability: { select: { title: true, key: true, product: { select: { slug: true } } } },
      },
    }),
    prisma.capability.findMany({
      where: { id: { in: capabilityIds } },
      select: { id: true, title: true, key: true, product: { select: { name: true, slug: true } } },
    }),
  ]);
  const bankById = new Map(bank.map((q) => [q.id, q]));
  const capabilityById = new Map(capabilities.map((c) => [c.id, c]));
  const matrixChoices = CAPABILITY_LEVELS.map(levelLabel);

  const questions: QuestionStats[] = itemSums.flatMap((sums): QuestionStats[] => {
    const key = sums.questionId ?? `matrix:${sums.capabilityId ?? ""}`;
    const n = sums.n;
    const r = pearsonFromSums(sums);
    const base = {
      key,
      answers: n,
      facility: facility(n, sums.sumX),
      discrimination: r,
      discriminationText: discriminationLabel(r),
    };
    if (sums.questionId) {
      const question = bankById.get(sums.questionId);
      if (!question || !isQuestionType(question.type)) return [];
      const choicesValue: unknown = JSON.parse(question.choicesJson);
      const choices = Array.isArray(choicesValue) ? choicesValue.map(String) : [];
      const correct = new Set(parseChosen(question.correctJson));
      const capability = question.capability;
      return [
        {
          ...base,
          kind: "bank",
          questionId: question.id,
          type: question.type,
          prompt: question.prompt,
          state: question.state,
          capability: capability
            ? { title: capability.title, href: `/capabilities/${capability.product.slug}/${capability.key}` }
            : null,
          mostPickedWrong: mostPicked(wrongPicks(sums, question.type === "MULTI", correct), choices, n),
        },
      ];
    }
    const capability = sums.capabilityId ? capabilityById.get(sums.capabilityId) : undefined;
    if (!capability) return [];
    return [
      {
        ...base,
        kind: "matrix",
        questionId: null,
        type: "SINGLE",
        prompt: `A customer asks whether ${capability.product.name} supports ${capability.title}: what is the accurate answer?`,
        state: null,
        capability: { title: capability.title, href: `/capabilities/${capability.product.slug}/${capability.key}` },
        mostPickedWrong: mostPicked(wrongPicks(sums, false, new Set()), matrixChoices, n),
      },
    ];
  });

  const byFacility = (a: QuestionStats, b: QuestionStats) =>
    (a.facility ?? 1) - (b.facility ?? 1) || b.answers - a.answers;
  const failedMost = questions
    .filter((q) => q.answers >= MIN_ANSWERS_TO_RANK && q.facility !== null && q.facility < 1)
    .sort(byFacility)
    .slice(0, FAIL_MOST_SHOWN);
  const summary = summaryRows[0];
  return {
    quiz,
    summary: {
      attempts: num(summary?.attempts ?? 0),
      people: num(summary?.people ?? 0),
      meanScore: figure(summary?.meanScore ?? null),
      passRate: figure(summary?.passRate ?? null),
    },
    bankQuestions: questions.filter((q) => q.kind === "bank").sort(byFacility),
    matrixQuestions: questions
      .filter((q) => q.kind === "matrix")
      .sort((a, b) => (a.capability?.title ?? "").localeCompare(b.capability?.title ?? "")),
    failedMost,
  };
}

function mostPicked(wrong: Array<{ choice: number; picks: number }>, choices: readonly string[], answers: number) {
  const top = wrong.filter((w) => w.picks > 0).sort((a, b) => b.picks - a.picks || a.choice - b.choice)[0];
  if (!top) return null;
  return {
    choice: choices[top.choice] ?? `Choice ${top.choice + 1}`,
    picks: top.picks,
    share: answers > 0 ? top.picks / answers : 0,
  };
}
