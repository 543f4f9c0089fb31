// The two Candor processes the PostgreSQL end-to-end test drives (PRODUCT.md §10): a fresh
// throwaway database, then two `npm start`s on it at once, one on each port of the pair, as two
// machines behind a load balancer would run. They start together on purpose: one migrates and
// loads the demo data while the other waits for it (scripts/start.ts). Each serves from one
// process (WEB_CONCURRENCY=1), so everything they share goes through the database.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { ensureTestPostgres } from "../../scripts/postgres.ts";
import { POSTGRES_PAIR } from "./pair.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

process.env.CANDOR_TEST_POSTGRES_URL = await ensureTestPostgres();
const { databaseUrl, dropDatabase } = await import("../setup/postgres.ts");
await dropDatabase(POSTGRES_PAIR.database);

const children: ChildProcess[] = POSTGRES_PAIR.ports.map((port) =>
  spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl(POSTGRES_PAIR.database),
      WEB_CONCURRENCY: "1",
      // Both processes must read each other's sessions, as behind any load balancer.
      SESSION_SECRET: "end-to-end-postgres-session-secret-0123456789",
    },
  }),
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

// One process failing to start fails the run, and stops the other.
const exits = await Promise.all(
  children.map(async (child) => {
    const [code] = (await once(child, "exit")) as [number | null];
    stop();
    return code;
  }),
);
process.exit(stopping && exits.every((code) => code === 0) ? 0 : 1);
