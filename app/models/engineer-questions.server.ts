import type { Prisma } from "../generated/prisma/client.ts";
import { alreadyAnsweredMessage, capabilityChanges } from "../domain/engineer-questions.ts";
import { levelLabel, type CapabilityLevel } from "../domain/levels.ts";
import { fieldError, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceOwnerWhere, type Audience } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { reviseCapabilityInTx } from "./capabilities.server.ts";
import { notedRevisionSelect, reviewedMatrixRowSelect } from "./capability-selects.server.ts";
import { notifyQuestionAnswered } from "./notifications.server.ts";

// "Ask before you claim" (PRODUCT.md §1 EngineerQuestion, §2 "ask / answer engineer questions").

type QuestionField =
  "productId" | "capabilityId" | "question" | "context" | "answer" | "status" | "conditions" | "note";
type QuestionChangeFailure = Refusal<QuestionField>;
type QuestionChangeResult<T> = Outcome<T, QuestionField>;

// Whose questions a reader sees is the audience of "read:question" (audienceFor): askers their
// own, managers those of their teams' salespeople, answerers every one. A question belongs to
// whoever asked it.
function questionAudienceWhere(audience: Audience): Prisma.EngineerQuestionWhereInput {
  return audienceOwnerWhere(audience, "askedById", "askedBy");
}

export async function countOpenEngineerQuestions() {
  return prisma.engineerQuestion.count({ where: { status: "OPEN" } });
}

const questionListSelect = {
  id: true,
  question: true,
  status: true,
  askedAt: true,
  answer: true,
  answeredAt: true,
  revisionId: true,
  product: { select: { name: true, slug: true } },
  capability: { select: { title: true, key: true } },
  askedBy: { select: { name: true } },
  answeredBy: { select: { name: true } },
} satisfies Prisma.EngineerQuestionSelect;

/** A salesperson's latest answers, for their home page. */
export async function listAnswersFor(askedById: string, take = 5) {
  return prisma.engineerQuestion.findMany({
    where: { askedById, status: "ANSWERED" },
    orderBy: { answeredAt: "desc" },
    take,
    select: questionListSelect,
  });
}

/** The open questions that have waited longest, for the engineer's home. */
export async function listOldestOpenQuestions(take = 5) {
  return prisma.engineerQuestion.findMany({
    where: { status: "OPEN" },
    orderBy: [{ askedAt: "asc" }, { id: "asc" }],
    take,
    select: questionListSelect,
  });
}

export const OPEN_QUESTIONS_SHOWN = 100;
export const ANSWERED_PAGE_SIZE = 25;

async function listPage(
  where: Prisma.EngineerQuestionWhereInput,
  orderBy: Prisma.EngineerQuestionOrderByWithRelationInput[],
  page: number,
  pageSize: number,
) {
  const total = await prisma.engineerQuestion.count({ where });
  const { page: current, pageCount, skip, take } = pageWindow(total, page, pageSize);
  const rows = await prisma.engineerQuestion.findMany({
    where,
    orderBy,
    skip,
    take,
    select: questionListSelect,
  });
  return { rows, total, page: current, pageCount };
}

/**
 * The /ask lists: open questions oldest first (the queue), answered ones newest first and paged.
 * A status filter leaves the other list out (null).
 */
export async function listQuestionBoard(
  audience: Audience,
  filters: { productSlug?: string; status?: "OPEN" | "ANSWERED"; page?: number },
) {
  const where: Prisma.EngineerQuestionWhereInput = {
    ...questionAudienceWhere(audience),
    ...(filters.productSlug ? { product: { slug: filters.productSlug } } : {}),
  };
  const [open, answered] = await Promise.all([
    filters.status === "ANSWERED"
      ? null
      : listPage({ ...where, status: "OPEN" }, [{ askedAt: "asc" }, { id: "asc" }], 1, OPEN_QUESTIONS_SHOWN),
    filters.status === "OPEN"
      ? null
      : listPage(
          { ...where, status: "ANSWERED" },
          [{ answeredAt: "desc" }, { id: "asc" }],
          filters.page ?? 1,
          ANSWERED_PAGE_SIZE,
        ),
  ]);
  return { open, answered };
}

/** One question with the capability as it stands, or null when it does not exist or lies outside the audience. */
export async function getQuestionFor(audience: Audience, id: string) {
  const question = await prisma.engineerQuestion.findFirst({
    where: { id, ...questionAudienceWhere(audience) },
    select: {
      ...questionListSelect,
      context: true,
      askedBy: { select: { id: true, name: true, team: { select: { name: true } } } },
      capability: {
        select: { ...reviewedMatrixRowSelect, version: true, verifiedBy: { select: { name: true } } },
      },
    },
  });
  if (!question) return null;
  const revision = question.revisionId
    ? await prisma.capabilityRevision.findUnique({
        where: { id: question.revisionId },
        select: notedRevisionSelect,
      })
    : null;
  return { ...question, revision };
}

export interface AskQuestionInput {
  askedById: string;
  productId: string;
  capabilityId: string | null;
  question: string;
  context: string;
}

export async function askQuestion(
  audit: AuditContext,
  input: AskQuestionInput,
): Promise<QuestionChangeResult<{ id: string }>> {
  return prisma.$transaction(async (tx): Promise<QuestionChangeResult<{ id: string }>> => {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, name: true } });
    if (!product) return fieldError("productId", "Choose one of the products listed.");
    if (input.capabilityId) {
      const capability = await tx.capability.findFirst({
        where: { id: input.capabilityId, productId: product.id },
        select: { id: true },
      });
      if (!capability) return fieldError("capabilityId", `Choose a capability of ${product.name}, or none.`);
    }
    const asker = await tx.user.findUniqueOrThrow({ where: { id: input.askedById }, select: { teamId: true } });
    const created = await tx.engineerQuestion.create({
      data: {
        askedById: input.askedById,
        productId: product.id,
        capabilityId: input.capabilityId,
        question: input.question.trim(),
        context: input.context.trim(),
      },
      select: {
        id: true,
        productId: true,
        capabilityId: true,
        question: true,
        context: true,
        status: true,
        askedAt: true,
      },
    });
    await recordAudit(tx, audit, {
      action: "engineer-question.ask",
      entityType: "EngineerQuestion",
      entityId: created.id,
      teamId: asker.teamId,
      after: created,
    });
    return ok({ id: created.id });
  });
}

export interface CapabilityUpdateInput {
  status: CapabilityLevel;
  conditions: string;
  note: string;
  /** The capability version the answerer saw; a change made meanwhile refuses the answer. */
  expectedVersion: number | null;
}

export interface AnswerQuestionInput {
  questionId: string;
  answeredById: string;
  answer: string;
  capabilityUpdate: CapabilityUpdateInput | null;
  at?: Date;
}

/** Thrown inside the transaction to roll the answer back and hand the caller a refusal. */
class AnswerRefused extends Error {
  constructor(readonly failure: QuestionChangeFailure) {
    super("answer refused");
  }
}

/**
 * Answers an open question and, when asked to, revises its capability in the same transaction:
 * both are stored or neither. Exactly one answer wins: the question is claimed with a conditional
 * update first (which also takes SQLite's write lock at once), so a second answerer gets 409
 * naming who answered when.
 */
export async function answerQuestion(
  audit: AuditContext,
  input: AnswerQuestionInput,
): Promise<QuestionChangeResult<{ id: string; revisionId: string | null; changes: string[] }>> {
  const at = input.at ?? new Date();
  const answer = input.answer.trim();
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.engineerQuestion.updateMany({
        where: { id: input.questionId, status: "OPEN" },
        data: { status: "ANSWERED", answer, answeredById: input.answeredById, answeredAt: at },
      });
      const question = await tx.engineerQuestion.findUnique({
        where: { id: input.questionId },
        select: {
          capabilityId: true,
          answeredAt: true,
          answeredBy: { select: { name: true } },
          askedBy: { select: { teamId: true } },
        },
      });
      if (!question) throw new AnswerRefused(refused(404, "We could not find that question."));
      if (claimed.count === 0) {
        throw new AnswerRefused(
          refused(409, alreadyAnsweredMessage(question.answeredBy?.name ?? null, question.answeredAt)),
        );
      }
      let revisionId: string | null = null;
      let changes: string[] = [];
      const update = input.capabilityUpdate;
      if (update) {
        if (!question.capabilityId) {
          throw new AnswerRefused(refused(400, "This question names no capability, so the answer cannot update one."));
        }
        const capability = await tx.capability.findUniqueOrThrow({
          where: { id: question.capabilityId },
          select: { status: true, conditions: true, version: true },
        });
        if (update.expectedVersion !== null && capability.version !== update.expectedVersion) {
          const now = capability.conditions.trim()
            ? `${levelLabel(capability.status)}: ${capability.conditions.trim()}`
            : levelLabel(capability.status);
          throw new AnswerRefused(
            refused(
              409,
              `Someone changed this capability after you opened the page; it now says ${now}. Check it above and send your answer again.`,
            ),
          );
        }
        changes = capabilityChanges(capability, update);
        if (changes.length === 0) {
          throw new AnswerRefused(
            fieldError(
              "status",
              "That is what the matrix already says: change the status or the conditions, or untick “Update the capability too”.",
            ),
          );
        }
        const revised = await reviseCapabilityInTx(tx, audit, {
          capabilityId: question.capabilityId,
          status: update.status,
          conditions: update.conditions,
          note: update.note,
          authorId: input.answeredById,
          at,
        });
        revisionId = revised.revisionId;
        await tx.engineerQuestion.update({ where: { id: input.questionId }, data: { revisionId } });
      }
      await recordAudit(tx, audit, {
        action: "engineer-question.answer",
        entityType: "EngineerQuestion",
        entityId: input.questionId,
        teamId: question.askedBy.teamId,
        before: { status: "OPEN" },
        after: { status: "ANSWERED", answer, answeredById: input.answeredById, answeredAt: at, revisionId },
      });
      await notifyQuestionAnswered(tx, input.questionId);
      return ok({ id: input.questionId, revisionId, changes });
    });
  } catch (error) {
    if (error instanceof AnswerRefused) return error.failure;
    throw error;
  }
}
