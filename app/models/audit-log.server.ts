import type { AuditEvent, Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceTeamIds, type Audience } from "./audience.server.ts";

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

export interface AuditChange {
  key: string;
  before: string;
  after: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  teamId: string | null;
  actor: { id: string; name: string; email: string } | null;
  changes: AuditChange[];
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? "—" : JSON.stringify(value);
}

/**
 * The keys whose values differ between an event's before and after JSON, each
 * value shown as JSON. An event with only one side lists every key of that side.
 */
export function diffAuditValues(beforeJson: string | null, afterJson: string | null): AuditChange[] {
  const before = parseJson(beforeJson);
  const after = parseJson(afterJson);
  if (before === undefined && after === undefined) return [];
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: "(value)", before: show(before), after: show(after) }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .map((key) => ({ key, before: show(left[key]), after: show(right[key]) }));
}

async function toRows(events: AuditEvent[]): Promise<AuditRow[]> {
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  return events.map((event) => ({
    id: event.id,
    at: event.at,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    teamId: event.teamId,
    actor: event.actorId ? byId.get(event.actorId) ?? null : null,
    changes: diffAuditValues(event.beforeJson, event.afterJson),
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
  if (filters.actionPrefix) where.push({ action: { startsWith: filters.actionPrefix } });
  if (filters.entityType) where.push({ entityType: filters.entityType });
  if (filters.from) where.push({ at: { gte: filters.from } });
  if (filters.until) where.push({ at: { lt: filters.until } });
  if (filters.actorEmail) {
    const actors = await prisma.user.findMany({ where: { email: { contains: filters.actorEmail.toLowerCase() } }, select: { id: true } });
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
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filters.page ?? 1)), pageCount);
  const events = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return {
    events: await toRows(events),
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
export async function listRecentAuditEventsForUser(user: { id: string; email: string }, take = 20): Promise<AuditRow[]> {
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [{ actorId: user.id }, { entityType: "User", entityId: { in: [user.id, user.email] } }],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  return toRows(events);
}
