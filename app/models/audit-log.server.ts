import type { AuditEvent, Prisma } from "../generated/prisma/client.ts";
import {
  auditActionLabel,
  auditEntityLabel,
  describeAuditChanges,
  type AuditChangeText,
} from "../domain/audit-vocabulary.ts";
import { prisma } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { audienceTeamIds, type Audience } from "./audience.server.ts";
import { readPage } from "./paging.server.ts";

// The read side of the audit log. Writing stays in audit.server.ts (recordAudit),
// which has no update or delete path; this file only reads.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogFilters {
  /** Matches actions starting with this text ("claim." or "user.deactivate"). */
  actionPrefix?: string;
  /** Part of the actor's email. */
  actorEmail?: string;
  entityType?: string;
  /** Inclusive, from the start of this UTC instant. */
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  page?: number;
}

export type AuditChange = AuditChangeText;

export interface AuditRow {
  id: number;
  at: Date;
  /** The machine code ("claim.verify"): admins search by it, so pages keep it beside the label. */
  action: string;
  /** "Verdict recorded" (audit-vocabulary.ts). */
  actionLabel: string;
  entityType: string;
  /** "Compensation period". */
  entityLabel: string;
  entityId: string;
  teamId: string | null;
  actor: { id: string; name: string; email: string } | null;
  /** Each changed field in words: its label, and its values through the one vocabulary of labels and formats. */
  changes: AuditChange[];
}

/** An event's before or after JSON as stored; text that is not JSON as it stands, and nothing as undefined. */
export function parseAuditJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The fields whose values differ between an event's before and after JSON, in words. */
export function diffAuditValues(
  entityType: string,
  beforeJson: string | null,
  afterJson: string | null,
): AuditChange[] {
  return describeAuditChanges(entityType, parseAuditJson(beforeJson), parseAuditJson(afterJson));
}

async function toRows(events: AuditEvent[]): Promise<AuditRow[]> {
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  return events.map((event) => ({
    id: event.id,
    at: event.at,
    action: event.action,
    actionLabel: auditActionLabel(event.action),
    entityType: event.entityType,
    entityLabel: auditEntityLabel(event.entityType),
    entityId: event.entityId,
    teamId: event.teamId,
    actor: event.actorId ? (byId.get(event.actorId) ?? null) : null,
    changes: diffAuditValues(event.entityType, event.beforeJson, event.afterJson),
  }));
}

/** An event belongs to the team it was recorded for: admins read every one, managers their teams'. */
function scopeWhere(audience: Audience): Prisma.AuditEventWhereInput {
  const teamIds = audienceTeamIds(audience);
  return teamIds === null ? {} : { teamId: { in: teamIds } };
}

const NOTHING: Prisma.AuditEventWhereInput = { id: { lt: 0 } };

async function filterWhere(filters: AuditLogFilters): Promise<Prisma.AuditEventWhereInput[]> {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filters.actionPrefix) where.push({ action: sql.startsWith(filters.actionPrefix) });
  if (filters.entityType) where.push({ entityType: filters.entityType });
  if (filters.from) where.push({ at: { gte: filters.from } });
  if (filters.until) where.push({ at: { lt: filters.until } });
  if (filters.actorEmail) {
    const actors = await prisma.user.findMany({
      where: { email: sql.contains(filters.actorEmail.toLowerCase()) },
      select: { id: true },
    });
    where.push(actors.length ? { actorId: { in: actors.map((actor) => actor.id) } } : NOTHING);
  }
  return where;
}

/** One page of the audit log, newest first, within the viewer's scope. */
export async function listAuditEvents(audience: Audience, filters: AuditLogFilters) {
  const scope = scopeWhere(audience);
  const where: Prisma.AuditEventWhereInput = { AND: [scope, ...(await filterWhere(filters))] };
  const [total, entityTypes] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ["entityType"], where: scope, orderBy: { entityType: "asc" } }),
  ]);
  const { rows, page, pageCount } = await readPage(total, filters.page, AUDIT_PAGE_SIZE, (slice) =>
    prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], ...slice }),
  );
  return {
    events: await toRows(rows),
    total,
    page,
    pageCount,
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}

/**
 * The latest events about a user or done by them. Sign-in events name the
 * account by email (the user may not exist), so both keys are matched.
 */
export async function listRecentAuditEventsForUser(
  user: { id: string; email: string },
  take = 20,
): Promise<AuditRow[]> {
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [{ actorId: user.id }, { entityType: "User", entityId: { in: [user.id, user.email] } }],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  return toRows(events);
}
