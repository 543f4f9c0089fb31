import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import "./paths.ts";

// Every test file gets its own copy of the seeded base database, set before any
// app module (and so the Prisma client) is imported.
const runDirectory = inject("runDirectory");
const file = path.join(runDirectory, `test-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
copyFileSync(path.join(runDirectory, "base.db"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET ??= "integration-tests-session-secret-0123456789";
process.env.NODE_ENV = "test";

const globalForDb = globalThis as unknown as { candorPrisma?: { $disconnect(): Promise<void> } };

afterAll(async () => {
  await globalForDb.candorPrisma?.$disconnect();
  delete globalForDb.candorPrisma;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
