import type { Prisma } from "../generated/prisma/client.ts";
import { parseChosen } from "../domain/quiz-rules.ts";
import { fieldError, ok, refused, type Outcome } from "../domain/outcome.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import { questionContent, type QuestionFormValues, type QuestionState } from "../schemas/quiz.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

// The engineers' question bank (PRODUCT.md §1 Question): ACTIVE questions are drawn;
// NEEDS_REVIEW ones (their capability changed) wait for re-approval; RETIRED ones are kept for
// the attempts that asked them.

const bankRowSelect = {
  id: true,
  type: true,
  prompt: true,
  state: true,
  version: true,
  updatedAt: true,
  product: { select: { id: true, name: true, slug: true } },
  capability: { select: { title: true, key: true, status: true } },
  author: { select: { name: true } },
} satisfies Prisma.QuestionSelect;

/** What a question asks: its capability, type, prompt, choices, right answer and explanation. */
export const questionContentSelect = {
  capabilityId: true,
  type: true,
  prompt: true,
  choicesJson: true,
  correctJson: true,
  explanation: true,
} satisfies Prisma.QuestionSelect;

/** The bank, filtered by product slug and state; with counts per state for the filter. */
export async function listBankQuestions(filters: { product?: string; state?: QuestionState }) {
  const productWhere: Prisma.QuestionWhereInput = filters.product ? { product: { slug: filters.product } } : {};
  const [rows, byState] = await Promise.all([
    prisma.question.findMany({
      where: { ...productWhere, ...(filters.state ? { state: filters.state } : {}) },
      orderBy: [{ product: { name: "asc" } }, { state: "asc" }, { updatedAt: "desc" }],
      take: 500,
      select: bankRowSelect,
    }),
    prisma.question.groupBy({ by: ["state"], where: productWhere, _count: { _all: true } }),
  ]);
  const counts: Record<QuestionState, number> = { ACTIVE: 0, NEEDS_REVIEW: 0, RETIRED: 0 };
  for (const row of byState) counts[row.state] = row._count._all;
  return { rows, counts };
}

/** For the engineer's home: questions whose capability changed, oldest flag first. */
export async function listQuestionsAwaitingReview(take = 10) {
  const where = { state: "NEEDS_REVIEW" } as const;
  const [total, rows] = await Promise.all([
    prisma.question.count({ where }),
    prisma.question.findMany({ where, orderBy: { updatedAt: "asc" }, take, select: bankRowSelect }),
  ]);
  return { total, rows };
}

export async function getBankQuestion(id: string) {
  const question = await prisma.question.findUnique({
    where: { id },
    select: {
      ...bankRowSelect,
      productId: true,
      capabilityId: true,
      choicesJson: true,
      correctJson: true,
      explanation: true,
      capability: { select: { title: true, key: true, status: true, conditions: true } },
    },
  });
  if (!question) return null;
  const choices: unknown = JSON.parse(question.choicesJson);
  return {
    ...question,
    choices: Array.isArray(choices) ? choices.map(String) : [],
    correct: parseChosen(question.correctJson),
  };
}

type QuestionField = keyof QuestionFormValues;
type QuestionSaveResult = Outcome<{ id: string }, QuestionField>;
const NO_QUESTION = "We could not find that question.";

/** Creates a question (ACTIVE) or, with `edit`, updates one whose version the author saw; audited. */
export async function saveQuestion(
  audit: AuditContext,
  authorId: string,
  values: QuestionFormValues,
  edit?: { id: string; version: number },
): Promise<QuestionSaveResult> {
  const { choices, correct } = questionContent(values);
  const data = {
    productId: values.productId,
    capabilityId: values.capabilityId || null,
    type: values.type,
    prompt: values.prompt,
    choicesJson: JSON.stringify(choices),
    correctJson: JSON.stringify(correct),
    explanation: values.explanation,
  };
  return prisma.$transaction(async (tx): Promise<QuestionSaveResult> => {
    if (!(await tx.product.findUnique({ where: { id: data.productId }, select: { id: true } }))) {
      return fieldError("productId", "Choose one of the products listed.");
    }
    if (
      data.capabilityId &&
      !(await tx.capability.findFirst({
        where: { id: data.capabilityId, productId: data.productId },
        select: { id: true },
      }))
    ) {
      return fieldError("capabilityId", "Choose a capability of the chosen product, or none.");
    }
    if (!edit) {
      const created = await tx.question.create({ data: { ...data, authorId }, select: { id: true } });
      await recordAudit(tx, audit, {
        action: "question.create",
        entityType: "Question",
        entityId: created.id,
        after: { ...data, state: "ACTIVE" },
      });
      return ok({ id: created.id });
    }
    const before = await tx.question.findUnique({
      where: { id: edit.id },
      select: { productId: true, ...questionContentSelect, version: true },
    });
    if (!before) return refused(404, NO_QUESTION);
    const guard = await tx.question.updateMany({
      where: { id: edit.id, version: edit.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (guard.count === 0) {
      return refused(
        409,
        "Someone changed this question after you opened it. Reload the page to see their version, then make your change again.",
      );
    }
    await recordAudit(tx, audit, {
      action: "question.update",
      entityType: "Question",
      entityId: edit.id,
      before,
      after: { ...data, version: edit.version + 1 },
    });
    return ok({ id: edit.id });
  });
}

const STATE_ACTIONS = {
  approve: { from: ["NEEDS_REVIEW"], to: "ACTIVE", action: "question.approve" },
  retire: { from: ["ACTIVE", "NEEDS_REVIEW"], to: "RETIRED", action: "question.retire" },
  restore: { from: ["RETIRED"], to: "ACTIVE", action: "question.restore" },
} as const satisfies Record<string, { from: readonly QuestionState[]; to: QuestionState; action: string }>;
export type QuestionStateChange = keyof typeof STATE_ACTIONS;

/** Re-approves, retires or restores a question; refused (409) when it is no longer in a state that allows it. */
export async function changeQuestionState(
  audit: AuditContext,
  id: string,
  change: QuestionStateChange,
): Promise<Outcome> {
  const rule = STATE_ACTIONS[change];
  return prisma.$transaction(async (tx): Promise<Outcome> => {
    const before = await tx.question.findUnique({ where: { id }, select: { state: true } });
    if (!before) return refused(404, NO_QUESTION);
    const updated = await tx.question.updateMany({
      where: { id, state: { in: [...rule.from] } },
      data: { state: rule.to, version: { increment: 1 } },
    });
    if (updated.count === 0)
      return refused(409, `This question is ${before.state.replace("_", " ").toLowerCase()} now; nothing was changed.`);
    await recordAudit(tx, audit, {
      action: rule.action,
      entityType: "Question",
      entityId: id,
      before: { state: before.state },
      after: { state: rule.to },
    });
    return ok(null);
  });
}

/** Quiz questions about a capability whose facts changed must be re-approved before being drawn. */
export async function flagLinkedQuestionsInTx(tx: Tx, capabilityId: string): Promise<number> {
  const result = await tx.question.updateMany({
    where: { capabilityId, state: "ACTIVE" },
    data: { state: "NEEDS_REVIEW", version: { increment: 1 } },
  });
  return result.count;
}
