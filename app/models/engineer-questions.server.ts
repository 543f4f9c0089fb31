import { prisma } from "../lib/db.server.ts";

export async function countOpenEngineerQuestions() {
  return prisma.engineerQuestion.count({ where: { status: "OPEN" } });
}

export async function listAnswersFor(askedById: string, take = 5) {
  return prisma.engineerQuestion.findMany({
    where: { askedById, status: "ANSWERED" },
    orderBy: { answeredAt: "desc" },
    take,
    select: { id: true, question: true, answer: true, answeredAt: true, product: { select: { name: true } }, answeredBy: { select: { name: true } } },
  });
}
