import { prisma } from "../lib/db.server.ts";
import { Prisma } from "../generated/prisma/client.ts";

/** Which claims a reader may see: a salesperson's own, a manager's teams', or all. */
export type ClaimAudience = { kind: "own"; userId: string } | { kind: "teams"; teamIds: string[] } | { kind: "all" };

export function claimAudienceWhere(audience: ClaimAudience): Prisma.ClaimWhereInput {
  switch (audience.kind) {
    case "own":
      return { salespersonId: audience.userId };
    case "teams":
      return { salesperson: { teamId: { in: audience.teamIds } } };
    case "all":
      return {};
  }
}

export async function listRecentClaimsOf(salespersonId: string, take = 10) {
  return prisma.claim.findMany({
    where: { salespersonId },
    orderBy: { madeAt: "desc" },
    take,
    select: {
      id: true,
      madeAt: true,
      accountName: true,
      statement: true,
      assertedLevel: true,
      matrixCheck: true,
      status: true,
      severity: true,
      product: { select: { name: true } },
      capability: { select: { title: true } },
    },
  });
}

/** Claim counts by verdict status for claims made since `since`. */
export async function countClaimsByStatus(where: Prisma.ClaimWhereInput, since: Date) {
  const groups = await prisma.claim.groupBy({
    by: ["status"],
    where: { ...where, madeAt: { gte: since } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all])) as Partial<Record<string, number>>;
}

export interface PendingQueueSummary {
  pending: number;
  oldestMadeAt: Date | null;
  oldestLoggedAt: Date | null;
}

export async function getPendingQueueSummary(): Promise<PendingQueueSummary> {
  const [pending, oldest] = await Promise.all([
    prisma.claim.count({ where: { status: "PENDING" } }),
    prisma.claim.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { madeAt: true, createdAt: true } }),
  ]);
  return { pending, oldestMadeAt: oldest?.madeAt ?? null, oldestLoggedAt: oldest?.createdAt ?? null };
}

export interface TeamClaimSummary {
  teamId: string;
  teamName: string;
  salespeople: number;
  claims: number;
  pending: number;
  overstated: number;
  weightedCredit: number;
  weight: number;
}

/**
 * Per-team claim figures since `since`, aggregated in SQL. Credit and weight are
 * those of PRODUCT.md §4 step 1 (app/domain/verdicts.ts), without the prior.
 */
export async function summariseClaimsByTeam(teamIds: string[] | "all", since: Date): Promise<TeamClaimSummary[]> {
  const teams = await prisma.team.findMany({
    where: teamIds === "all" ? {} : { id: { in: teamIds } },
    select: { id: true, name: true, _count: { select: { members: { where: { role: "SALES", active: true } } } } },
    orderBy: { name: "asc" },
  });
  if (teams.length === 0) return [];
  // Dates go in as parameters so the adapter writes them in the stored format.
  const rows = await prisma.$queryRaw<
    Array<{ teamId: string; claims: bigint; pending: bigint; overstated: bigint; weightedCredit: number | null; weight: number | null }>
  >`SELECT u."teamId" AS teamId,
            COUNT(*) AS claims,
            SUM(CASE WHEN c."status" = 'PENDING' THEN 1 ELSE 0 END) AS pending,
            SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS overstated,
            SUM(CASE WHEN c."status" IN ('ACCURATE','PARTIALLY_ACCURATE','INACCURATE')
                     THEN (CASE c."severity" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 4 ELSE 2 END)
                        * (CASE c."status" WHEN 'ACCURATE' THEN 1.0 WHEN 'PARTIALLY_ACCURATE' THEN 0.5 ELSE 0.0 END)
                     ELSE 0 END) AS weightedCredit,
            SUM(CASE WHEN c."status" IN ('ACCURATE','PARTIALLY_ACCURATE','INACCURATE')
                     THEN (CASE c."severity" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 4 ELSE 2 END) ELSE 0 END) AS weight
       FROM "Claim" c JOIN "User" u ON u."id" = c."salespersonId"
      WHERE c."madeAt" >= ${since} AND u."teamId" IN (${Prisma.join(teams.map((team) => team.id))})
      GROUP BY u."teamId"`;
  const byTeam = new Map(rows.map((row) => [row.teamId, row]));
  return teams.map((team) => {
    const row = byTeam.get(team.id);
    return {
      teamId: team.id,
      teamName: team.name,
      salespeople: team._count.members,
      claims: Number(row?.claims ?? 0),
      pending: Number(row?.pending ?? 0),
      overstated: Number(row?.overstated ?? 0),
      weightedCredit: Number(row?.weightedCredit ?? 0),
      weight: Number(row?.weight ?? 0),
    };
  });
}
