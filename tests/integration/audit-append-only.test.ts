import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { recordAudit } from "../../app/models/audit.server.ts";
import { onPostgres } from "./support/database.ts";

describe("audit events are append-only in the database itself", () => {
  it("accepts inserts and refuses UPDATE and DELETE, even in raw SQL", async () => {
    const context = { actorId: null, requestId: "test-request", ip: "127.0.0.1" };
    await recordAudit(prisma, context, { action: "test.append", entityType: "Test", entityId: "append-only" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "test.append" } });

    await expect(
      prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${event.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow();

    const after = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.action).toBe("test.append");
  });
});

describe.skipIf(!onPostgres)("audit events on PostgreSQL", () => {
  it("refuse TRUNCATE and an ON CONFLICT upsert on an existing id", async () => {
    const context = { actorId: null, requestId: "test-request", ip: "127.0.0.1" };
    await recordAudit(prisma, context, { action: "test.append", entityType: "Test", entityId: "truncate" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "test.append", entityId: "truncate" } });
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    await expect(
      prisma.$executeRaw`INSERT INTO "AuditEvent" ("id", "at", "action", "entityType", "entityId") VALUES (${event.id}, ${event.at}, 'tampered', 'Test', 'truncate') ON CONFLICT("id") DO UPDATE SET "action" = excluded."action"`,
    ).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});

// SQLite only: its REPLACE conflict resolution deletes without firing DELETE triggers.
describe.skipIf(onPostgres)("audit events cannot be rewritten through SQLite's conflict resolution", () => {
  const context = { actorId: null, requestId: "test-request", ip: "127.0.0.1" };

  async function recordedEvent(entityId: string) {
    await recordAudit(prisma, context, { action: "test.append", entityType: "Test", entityId });
    return prisma.auditEvent.findFirstOrThrow({ where: { action: "test.append", entityId } });
  }

  it("refuses INSERT OR REPLACE with an existing id and leaves the event as it was", async () => {
    const event = await recordedEvent("or-replace");
    await expect(
      prisma.$executeRaw`INSERT OR REPLACE INTO "AuditEvent" ("id", "at", "action", "entityType", "entityId") VALUES (${event.id}, ${event.at}, 'tampered', 'Test', 'or-replace')`,
    ).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("refuses REPLACE INTO and an ON CONFLICT upsert on an existing id", async () => {
    const event = await recordedEvent("replace-into");
    await expect(
      prisma.$executeRaw`REPLACE INTO "AuditEvent" ("id", "at", "action", "entityType", "entityId") VALUES (${event.id}, ${event.at}, 'tampered', 'Test', 'replace-into')`,
    ).rejects.toThrow(/append-only/);
    await expect(
      prisma.$executeRaw`INSERT INTO "AuditEvent" ("id", "at", "action", "entityType", "entityId") VALUES (${event.id}, ${event.at}, 'tampered', 'Test', 'replace-into') ON CONFLICT("id") DO UPDATE SET "action" = excluded."action"`,
    ).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    // Ordinary appends still work after the refusals.
    const next = await recordedEvent("replace-into-after");
    expect(next.id).toBeGreaterThan(event.id);
  });
});

describe.skipIf(onPostgres)("every SQLite connection runs with the pragmas a web server needs", () => {
  it("uses WAL, a busy timeout and synchronous=NORMAL", async () => {
    const [journal] = await prisma.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    const [busy] = await prisma.$queryRawUnsafe<Array<{ timeout: bigint | number }>>("PRAGMA busy_timeout");
    const [sync] = await prisma.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous");
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(busy?.timeout)).toBe(5000);
    expect(Number(sync?.synchronous)).toBe(1); // 1 = NORMAL
  });
});
