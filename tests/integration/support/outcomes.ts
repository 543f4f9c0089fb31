import { prisma } from "../../../app/lib/db.server.ts";

// What the integration tests read back of the models' answers and of the audit log.

/** The value of a model call the test needs to succeed; a refusal fails the test with what came back. */
export function valueOf<T>(outcome: { ok: true; value: T } | { ok: false }): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value;
}

/** The audit events of one action on one record, oldest first. */
export const auditRows = (action: string, entityId: string) =>
  prisma.auditEvent.findMany({ where: { action, entityId }, orderBy: { id: "asc" } });
