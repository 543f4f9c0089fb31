import { addDays } from "../../app/domain/dates.ts";
import { matrixQuestionsFor, type MatrixQuestion } from "../../app/domain/matrix-questions.ts";
import { revisionInForce } from "../../app/domain/matrix-check.ts";
import type { Question, Quiz } from "../../app/generated/prisma/client.ts";
import type { Rng } from "../random.ts";
import type { CatalogProduct } from "./catalog.ts";
import type { BankQuestion, QuizModel } from "./context.ts";
import type { Timeline } from "./timeline.ts";

// One published quiz per product and the engineers' question bank. A question linked to a
// capability that changed is written after the change, or — when flagged — was written before
// it and now waits for an engineer's review (NEEDS_REVIEW), so it is no longer drawn.

export function buildQuizzes(
  catalog: readonly CatalogProduct[],
  engineerIds: readonly string[],
  timeline: Timeline,
  rng: Rng,
  ids: Rng,
) {
  const quizzes: QuizModel[] = [];
  const rows = { quizzes: [] as Quiz[], questions: [] as Question[] };
  const written = addDays(timeline.matrixStart, 2);
  for (const product of catalog) {
    const spec = product.content.quiz;
    const createdById = product.capabilities[0]?.ownerId ?? rng.pick(engineerIds);
    const quiz: Quiz = {
      id: ids.id(),
      title: spec.title,
      productId: product.id,
      questionCount: spec.questionCount,
      includeMatrixQuestions: spec.includeMatrixQuestions,
      timeLimitMinutes: spec.timeLimitMinutes,
      passMark: spec.passMark,
      maxAttempts: spec.maxAttempts,
      requiredForComp: spec.requiredForComp,
      certificationDays: spec.certificationDays,
      published: true,
      createdById,
      createdAt: written,
      updatedAt: written,
    };
    const bank: BankQuestion[] = product.content.questions.map((question) => {
      const capability = product.capabilities.find((c) => c.spec.key === question.capabilityKey) ?? null;
      const lastChange = capability?.revisions.filter((r) => r.changed).at(-1) ?? null;
      const early = addDays(written, rng.float(0, 8));
      const createdAt =
        lastChange !== null && !question.needsReview ? addDays(lastChange.validFrom, rng.float(1, 5)) : early;
      const flaggedAt = question.needsReview ? (lastChange?.validFrom ?? addDays(timeline.now, -10)) : null;
      const row: Question = {
        id: ids.id(),
        productId: product.id,
        capabilityId: capability?.id ?? null,
        type: question.type,
        prompt: question.prompt,
        choicesJson: JSON.stringify(question.choices),
        correctJson: JSON.stringify(question.correct),
        explanation: question.explanation,
        authorId: capability?.ownerId ?? rng.pick(engineerIds),
        state: question.needsReview ? "NEEDS_REVIEW" : "ACTIVE",
        version: 1,
        createdAt,
        updatedAt: flaggedAt ?? createdAt,
      };
      return { row, spec: question, flaggedAt };
    });
    rows.quizzes.push(quiz);
    rows.questions.push(...bank.map((q) => q.row));
    quizzes.push({ row: quiz, product, bank });
  }
  return { quizzes, rows };
}

// Keyed by the product object, so two seeds in one process never share entries.
const matrixQuestionCache = new WeakMap<CatalogProduct, Map<string, MatrixQuestion[]>>();

/** The matrix questions a quiz would generate on the day `at`, from the rows in force then. */
export function matrixQuestionsAsOf(product: CatalogProduct, at: Date): MatrixQuestion[] {
  const key = at.toISOString().slice(0, 10);
  let byDay = matrixQuestionCache.get(product);
  if (byDay === undefined) {
    byDay = new Map();
    matrixQuestionCache.set(product, byDay);
  }
  const cached = byDay.get(key);
  if (cached) return cached;
  const rows = product.capabilities.flatMap((capability) => {
    const revision = revisionInForce(capability.revisions, at);
    if (revision === null) return [];
    return [
      {
        id: capability.id,
        title: capability.spec.title,
        status: revision.status,
        conditions: revision.conditions,
        verifiedAt: revision.validFrom,
      },
    ];
  });
  const questions = matrixQuestionsFor(product.content.name, rows, at, product.content.reviewCycleDays);
  byDay.set(key, questions);
  return questions;
}
