import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { ROOT } from "../setup/paths.ts";
import { onPostgres } from "./support/database.ts";

// Several server processes share one SQLite file (ADR 020). The Prisma adapter begins its
// transactions DEFERRED; app/lib/db.server.ts makes them BEGIN IMMEDIATE, so a transaction holds
// the write lock from its start and a read-then-write transaction waits for another process's
// writer instead of failing with SQLITE_BUSY.

function databaseFile(): string {
  return (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
}

describe.skipIf(onPostgres)("transactions take SQLite's write lock when they begin", () => {
  it("holds the write lock through a transaction that has only read so far", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let began: () => void = () => {};
    const inside = new Promise<void>((resolve) => (began = resolve));
    const transaction = prisma.$transaction(async (tx) => {
      await tx.user.count();
      began();
      await held;
    });
    await inside;
    // Another connection that will not wait: it cannot start writing while the transaction is open…
    const other = new Database(databaseFile(), { timeout: 0 });
    try {
      expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/database is locked/);
      release();
      await transaction;
      // …and can as soon as it ends.
      other.exec("BEGIN IMMEDIATE");
      other.exec("ROLLBACK");
    } finally {
      release();
      other.close();
    }
  });

  it("keeps the connection usable after a transaction could not get the lock in time", async () => {
    const other = new Database(databaseFile(), { timeout: 0 });
    try {
      other.exec("BEGIN IMMEDIATE");
      // busy_timeout (5 s) passes while the other connection holds the lock: this transaction fails…
      await expect(prisma.$transaction(async (tx) => tx.user.count())).rejects.toThrow();
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    // …and the next one runs (a BEGIN that failed must not keep the connection's transaction lock).
    await expect(prisma.$transaction(async (tx) => tx.user.count(), { maxWait: 2000 })).resolves.toBeGreaterThan(0);
  }, 30_000);

  it("lets two processes run read-then-write transactions side by side without a failure", async () => {
    const run = (label: string) =>
      new Promise<{ ok: number; failed: number; errors: string[] }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "tests/integration/support/read-then-write.ts", "60", label],
          {
            cwd: ROOT,
            env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => {
          const line = out.trim().split("\n").at(-1) ?? "";
          if (code !== 0 || !line.startsWith("{")) reject(new Error(`${label} exited ${code}: ${out}`));
          else resolve(JSON.parse(line) as { ok: number; failed: number; errors: string[] });
        });
      });
    const results = await Promise.all([run("first"), run("second")]);
    expect(results).toEqual([
      { ok: 60, failed: 0, errors: [] },
      { ok: 60, failed: 0, errors: [] },
    ]);
    const written = await prisma.auditEvent.count({ where: { action: "test.read-then-write" } });
    expect(written).toBe(120);
  }, 120_000);
});
