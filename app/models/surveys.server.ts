import { prisma } from "../lib/db.server.ts";

/** The six-month surveys of a salesperson's deals: answered count and means. */
export async function summariseSurveysOf(salespersonId: string, since: Date) {
  const [answered, due, means, delivered] = await Promise.all([
    prisma.survey.count({ where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since } } }),
    prisma.survey.count({ where: { salespersonId, dueAt: { gte: since, lte: new Date() } } }),
    prisma.survey.aggregate({ where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since } }, _avg: { csat: true } }),
    prisma.survey.groupBy({
      by: ["deliveredAsPromised"],
      where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since }, deliveredAsPromised: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const deliveredTotal = delivered.reduce((sum, group) => sum + group._count._all, 0);
  const deliveredYes = delivered.find((group) => group.deliveredAsPromised === "YES")?._count._all ?? 0;
  return {
    answered,
    due,
    meanCsat: means._avg.csat,
    deliveredYesShare: deliveredTotal === 0 ? null : deliveredYes / deliveredTotal,
  };
}
