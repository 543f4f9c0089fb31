import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import "./paths.ts";
import { createDatabase, dropDatabase } from "./postgres.ts";

// Every test file gets its own copy of the seeded base database, set before any
// app module (and so the Prisma client) is imported.
const database = inject("database");
const copy = `test_${process.env.VITEST_POOL_ID ?? "0"}_${randomUUID().replaceAll("-", "")}`;
let removeCopy: () => Promise<void>;
if (database.kind === "postgres") {
  // PostgreSQL keeps 63 bytes of a name; the uuid's first half is unique enough within a run.
  const name = `${database.base}_${copy}`.slice(0, 63);
  process.env.DATABASE_URL = await createDatabase(name, database.base);
  removeCopy = () => dropDatabase(name);
} else {
  const file = path.join(path.dirname(database.base), `${copy}.db`);
  copyFileSync(database.base, file);
  process.env.DATABASE_URL = `file:${file}`;
  removeCopy = async () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  };
}
process.env.SESSION_SECRET ??= "integration-tests-session-secret-0123456789";
process.env.NODE_ENV = "test";

const globalForDb = globalThis as unknown as { candorPrisma?: { $disconnect(): Promise<void> } };

afterAll(async () => {
  await globalForDb.candorPrisma?.$disconnect();
  delete globalForDb.candorPrisma;
  await removeCopy();
});
