import { prisma } from "../lib/db.server.ts";

export async function countQuestionsNeedingReview() {
  return prisma.question.count({ where: { state: "NEEDS_REVIEW" } });
}
