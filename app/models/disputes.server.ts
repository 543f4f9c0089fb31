import { RECENTLY_RESOLVED_DAYS } from "../domain/claim-rules.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceFor, salespersonAudienceWhere, type Audience, type AudienceReader } from "./audience.server.ts";
import { disputeSelect } from "./claims.server.ts";

// The dispute queue (PRODUCT.md §8): the disputes a manager must resolve, found without knowing
// the claim's address. Whose disputes a reader sees is the audience of "resolve:dispute" — a
// manager's own teams, every team for an admin — so the queue, the navigation count and the
// dashboard tile agree with who may actually resolve them.

const RECENTLY_RESOLVED_SHOWN = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

function disputeAudienceWhere(audience: Audience): Prisma.ClaimDisputeWhereInput {
  return { claim: salespersonAudienceWhere(audience) };
}

const disputeRowSelect = {
  ...disputeSelect,
  claim: {
    select: {
      id: true,
      statement: true,
      accountName: true,
      status: true,
      severity: true,
      verifiedAt: true,
      verifiedBy: { select: { name: true } },
      salesperson: { select: { id: true, name: true, team: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ClaimDisputeSelect;

/** Whole days a dispute has waited: 0 on the day it was raised. */
export function disputeAgeDays(raisedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - raisedAt.getTime()) / DAY_MS));
}

/**
 * The dispute queue of an audience of "resolve:dispute": open disputes oldest first, then those
 * resolved in the last 30 days, newest first.
 */
export async function listDisputesForResolver(audience: Audience, now: Date) {
  const since = new Date(now.getTime() - RECENTLY_RESOLVED_DAYS * DAY_MS);
  const [open, resolved] = await Promise.all([
    prisma.claimDispute.findMany({
      where: { AND: [{ status: "OPEN" }, disputeAudienceWhere(audience)] },
      orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
      select: disputeRowSelect,
    }),
    prisma.claimDispute.findMany({
      where: { AND: [{ status: { not: "OPEN" } }, { resolvedAt: { gte: since } }, disputeAudienceWhere(audience)] },
      orderBy: [{ resolvedAt: "desc" }, { id: "asc" }],
      take: RECENTLY_RESOLVED_SHOWN,
      select: disputeRowSelect,
    }),
  ]);
  return {
    open: open.map((dispute) => ({ ...dispute, ageDays: disputeAgeDays(dispute.raisedAt, now) })),
    resolved,
  };
}

/** The number of open disputes the reader may resolve: one COUNT, cheap enough for every page's navigation. */
export async function countOpenDisputesFor(reader: AudienceReader): Promise<number | null> {
  const audience = await audienceFor(reader, "resolve:dispute");
  if (audience === null) return null;
  return prisma.claimDispute.count({ where: { AND: [{ status: "OPEN" }, disputeAudienceWhere(audience)] } });
}
