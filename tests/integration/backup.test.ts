import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { backupSqlite } from "../../scripts/backup.ts";

// `npm run backup` (docs/deploy.md): the copy VACUUM INTO writes is a whole, sound database with
// every row — including writes still in the WAL — so restoring it loses nothing.

const source = process.env.DATABASE_URL ?? "";
const TABLES = ["User", "Claim", "AuditEvent"] as const;

function counts(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

describe.skipIf(!source.startsWith("file:"))("SQLite backup (DATABASE_URL is a file: URL)", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "candor-backup-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("copies a sound database holding every row of the source, the latest write included", async () => {
    const marker = await prisma.auditEvent.create({
      data: { action: "backup.test", entityType: "Backup", entityId: folder },
    });
    const target = path.join(folder, "candor.db");
    backupSqlite(source, target);

    const backup = new Database(target, { readonly: true, fileMustExist: true });
    try {
      expect(backup.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(backup.prepare('SELECT action FROM "AuditEvent" WHERE id = ?').get(marker.id)).toEqual({
        action: "backup.test",
      });
    } finally {
      backup.close();
    }
    const restored = counts(target);
    expect(restored).toEqual(counts(source.replace(/^file:/, "")));
    expect(restored.User).toBeGreaterThan(0);
    expect(restored.Claim).toBeGreaterThan(0);
  });

  it("never overwrites an existing file, and sends PostgreSQL to pg_dump", () => {
    const target = path.join(folder, "taken.db");
    backupSqlite(source, target);
    expect(() => backupSqlite(source, target)).toThrow(/already exists/);
    expect(() => backupSqlite("postgresql://candor@db.example/candor", path.join(folder, "pg.db"))).toThrow(/pg_dump/);
  });
});
