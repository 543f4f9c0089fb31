import {
  describeClaimEvent,
  idsNamedBy,
  type ClaimHistoryEvent,
  type ClaimHistoryLine,
} from "../domain/claim-history.ts";
import { prisma } from "../lib/db.server.ts";
import { parseAuditJson } from "./audit-log.server.ts";

// A claim's history as its page shows it: the claim's audit events, oldest first, each worded
// by domain/claim-history.ts with the names of the people, capabilities and products it names.

async function namesOf<T extends { id: string }>(
  ids: string[],
  find: (ids: string[]) => Promise<Array<T & { name: string }>>,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await find(ids)).map((row) => [row.id, row.name]));
}

export async function getClaimHistory(claimId: string): Promise<ClaimHistoryLine[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "asc" },
  });
  if (rows.length === 0) return [];
  const events = rows.map((row) => ({
    actorId: row.actorId,
    event: {
      id: row.id,
      at: row.at,
      action: row.action,
      actorName: null,
      before: parseAuditJson(row.beforeJson),
      after: parseAuditJson(row.afterJson),
    } satisfies ClaimHistoryEvent,
  }));
  const named = idsNamedBy(events.map(({ event }) => event));
  const actorIds = rows.flatMap((row) => (row.actorId ? [row.actorId] : []));
  const [users, capabilities, products] = await Promise.all([
    namesOf([...new Set([...actorIds, ...named.users])], (ids) =>
      prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    ),
    namesOf(named.capabilities, async (ids) =>
      (await prisma.capability.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map(
        (row) => ({ id: row.id, name: row.title }),
      ),
    ),
    namesOf(named.products, (ids) =>
      prisma.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    ),
  ]);
  return events.map(({ actorId, event }) =>
    describeClaimEvent(
      { ...event, actorName: actorId ? (users.get(actorId) ?? null) : null },
      { users, capabilities, products },
    ),
  );
}
