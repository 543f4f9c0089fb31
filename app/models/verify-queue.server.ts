import type { Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import type { VerifyQueueFilter } from "../schemas/verify-queue.ts";

// "Next claim" for an engineer working through the verification queue (PRODUCT.md §3): the queue's
// order (oldest made first, as listVerificationQueue in claim-verdicts.server.ts) under the filter
// the engineer chose on /verify, skipping claims they logged themselves (they may not judge those).

async function queueWhere(filter: VerifyQueueFilter, viewerId: string): Promise<Prisma.ClaimWhereInput> {
  const product = filter.product
    ? await prisma.product.findUnique({ where: { slug: filter.product }, select: { id: true } })
    : null;
  return {
    status: "PENDING",
    loggedById: { not: viewerId },
    ...(product ? { productId: product.id } : {}),
    ...(filter.check ? { matrixCheck: filter.check } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
}

const queueOrder: Prisma.ClaimOrderByWithRelationInput[] = [{ madeAt: "asc" }, { createdAt: "asc" }, { id: "asc" }];
const nextSelect = { id: true, accountName: true, salesperson: { select: { name: true } } } as const;

/**
 * The claim after `claimId` in the filtered queue — or, past its end, the first one still waiting
 * (claims skipped earlier) — and how many claims the viewer may judge remain, this one left out.
 * `next` is null when nothing else waits.
 */
export async function findNextInQueue(filter: VerifyQueueFilter, claimId: string, viewerId: string) {
  const [where, current] = await Promise.all([
    queueWhere(filter, viewerId),
    prisma.claim.findUnique({ where: { id: claimId }, select: { madeAt: true, createdAt: true, id: true } }),
  ]);
  const others: Prisma.ClaimWhereInput = { ...where, id: { not: claimId } };
  const after: Prisma.ClaimWhereInput | null = current
    ? {
        OR: [
          { madeAt: { gt: current.madeAt } },
          { madeAt: current.madeAt, createdAt: { gt: current.createdAt } },
          { madeAt: current.madeAt, createdAt: current.createdAt, id: { gt: current.id } },
        ],
      }
    : null;
  const [remaining, following] = await Promise.all([
    prisma.claim.count({ where: others }),
    after
      ? prisma.claim.findFirst({ where: { AND: [others, after] }, orderBy: queueOrder, select: nextSelect })
      : Promise.resolve(null),
  ]);
  const next =
    following ??
    (remaining > 0 ? await prisma.claim.findFirst({ where: others, orderBy: queueOrder, select: nextSelect }) : null);
  return {
    next: next ? { id: next.id, accountName: next.accountName, salespersonName: next.salesperson.name } : null,
    remaining,
  };
}
