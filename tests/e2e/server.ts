// The server the end-to-end tests drive: the production build started exactly as
// `npm start` does, on a fresh database of its own.
import { rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const file = path.join(ROOT, `data/e2e-${process.env.PORT ?? "3100"}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET ??= "end-to-end-tests-session-secret-0123456789";
await import("../../scripts/start.ts");
