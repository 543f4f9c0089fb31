import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { rebuildRollups } from "../app/models/rollups.server.ts";
import type { Dataset } from "./dataset.ts";

// The demo seed writes through the Prisma client (the same path the app uses), in one
// transaction: a failed seed leaves the database as it was.

const BATCH = 500;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function writeWithPrisma(prisma: PrismaClient, data: Dataset): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await inBatches(data.teams, (data) => tx.team.createMany({ data }));
      await inBatches(data.users, (data) => tx.user.createMany({ data }));
      await inBatches(data.teamManagers, (data) => tx.teamManager.createMany({ data }));
      await inBatches(data.products, (data) => tx.product.createMany({ data }));
      await inBatches(data.capabilities, (data) => tx.capability.createMany({ data }));
      await inBatches(data.revisions, (data) => tx.capabilityRevision.createMany({ data }));
      await inBatches(data.accounts, (data) => tx.account.createMany({ data }));
      await inBatches(data.deals, (data) => tx.deal.createMany({ data }));
      await inBatches(data.surveys, (data) => tx.survey.createMany({ data }));
      await inBatches(data.conversations, (data) => tx.conversation.createMany({ data }));
      await inBatches(data.conversationSentences, (data) => tx.conversationSentence.createMany({ data }));
      await inBatches(data.candidateClaims, (data) => tx.candidateClaim.createMany({ data }));
      await inBatches(data.claims, (data) => tx.claim.createMany({ data }));
      await inBatches(data.disputes, (data) => tx.claimDispute.createMany({ data }));
      await inBatches(data.engineerQuestions, (data) => tx.engineerQuestion.createMany({ data }));
      await inBatches(data.quizzes, (data) => tx.quiz.createMany({ data }));
      await inBatches(data.questions, (data) => tx.question.createMany({ data }));
      await inBatches(data.attempts, (data) => tx.quizAttempt.createMany({ data }));
      await inBatches(data.answers, (data) => tx.quizAnswer.createMany({ data }));
      await inBatches(data.plans, (data) => tx.compPlan.createMany({ data }));
      await inBatches(data.periods, (data) => tx.compPeriod.createMany({ data }));
      await inBatches(data.statements, (data) => tx.compStatement.createMany({ data }));
      await inBatches(data.audit, (data) => tx.auditEvent.createMany({ data }));
      await inBatches(data.settings, (data) => tx.setting.createMany({ data }));
      // The dashboard's rollups, from the rows just written (ADR 019).
      await rebuildRollups(tx);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
