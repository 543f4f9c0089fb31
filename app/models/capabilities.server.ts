import { prisma } from "../lib/db.server.ts";

/** Matrix rows whose review is overdue: stale until an engineer re-verifies them. */
export async function listCapabilitiesDueForReview(now: Date, take = 10) {
  const where = { OR: [{ reviewDueAt: { lt: now } }, { reviewDueAt: null }] };
  const [count, rows] = await Promise.all([
    prisma.capability.count({ where }),
    prisma.capability.findMany({
      where,
      orderBy: [{ reviewDueAt: "asc" }],
      take,
      select: {
        id: true,
        key: true,
        title: true,
        status: true,
        reviewDueAt: true,
        product: { select: { name: true, slug: true } },
        owner: { select: { name: true } },
      },
    }),
  ]);
  return { count, rows };
}
