import type { Prisma } from "../generated/prisma/client.ts";
import { verificationAge } from "../domain/claim-rules.ts";
import type { ClaimSource, MatrixCheckResult } from "../domain/levels.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import { datedRevisionSelect } from "./capability-selects.server.ts";
import { claimLineSelect } from "./claims.server.ts";
import type { VerifyQueueFilter } from "../schemas/verify-queue.ts";

// The engineers' verification queue (PRODUCT.md §3): pending claims, oldest made first, under the
// filter an engineer chose on /verify; and "Next claim" through that same queue, skipping claims
// the engineer logged themselves (they may not judge those).

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  productSlug?: string;
  matrixCheck?: MatrixCheckResult;
  source?: ClaimSource;
  page?: number;
}

const queueOrder: Prisma.ClaimOrderByWithRelationInput[] = [{ madeAt: "asc" }, { createdAt: "asc" }, { id: "asc" }];

/** The pending claims a filter keeps (a product already looked up by its slug). */
function pendingWhere(
  productId: string | null,
  filter: { matrixCheck?: MatrixCheckResult | null; source?: ClaimSource | null },
): Prisma.ClaimWhereInput {
  return {
    status: "PENDING",
    ...(productId ? { productId } : {}),
    ...(filter.matrixCheck ? { matrixCheck: filter.matrixCheck } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
}

/** Pending claims, oldest made first, each with the matrix row as it stood on the claim date. */
export async function listVerificationQueue(filters: QueueFilters, now: Date) {
  const products = await prisma.product.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true },
  });
  const product = products.find((candidate) => candidate.slug === filters.productSlug);
  const where = pendingWhere(product?.id ?? null, filters);
  const total = await prisma.claim.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, filters.page, QUEUE_PAGE_SIZE);
  const rows = await prisma.claim.findMany({
    where,
    orderBy: queueOrder,
    skip,
    take,
    select: {
      ...claimLineSelect,
      createdAt: true,
      channel: true,
      source: true,
      loggedById: true,
      salesperson: { select: { name: true } },
      revision: { select: datedRevisionSelect },
    },
  });
  return {
    products,
    productSlug: product?.slug ?? null,
    total,
    page,
    pageCount,
    rows: rows.map((row) => ({ ...row, age: verificationAge(row.createdAt, now) })),
  };
}

async function queueWhere(filter: VerifyQueueFilter, viewerId: string): Promise<Prisma.ClaimWhereInput> {
  const product = filter.product
    ? await prisma.product.findUnique({ where: { slug: filter.product }, select: { id: true } })
    : null;
  return {
    ...pendingWhere(product?.id ?? null, { matrixCheck: filter.check, source: filter.source }),
    loggedById: { not: viewerId },
  };
}

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
