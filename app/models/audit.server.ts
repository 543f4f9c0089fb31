import type { Db, Tx } from "../lib/db.server.ts";
import { getClientIp, getRequestId } from "../lib/request.server.ts";

export interface AuditContext {
  actorId: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  teamId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function auditContextFrom(request: Request, actorId: string | null): AuditContext {
  return { actorId, requestId: getRequestId(request), ip: getClientIp(request) };
}

/**
 * Appends one audit event. Pass the transaction client of the change it records,
 * so the event and the change commit together or not at all. There is no update
 * or delete counterpart: the table is append-only (triggers in the migration).
 */
export async function recordAudit(db: Tx | Db, context: AuditContext, entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      actorId: context.actorId,
      requestId: context.requestId,
      ip: context.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      teamId: entry.teamId ?? null,
      beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
      afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
