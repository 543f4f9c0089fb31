// `npm start`: everything a fresh clone needs, then the production server.
// Checks the settings before touching the disk, claims the database file for this
// process, generates a session secret if none is set and the Prisma client if it is
// missing, builds when the build is missing or older than the sources, creates and
// migrates the database (a SQLite file, or PostgreSQL for a postgresql:// URL — ADR 023), and
// seeds the demo data when the database has no users (never over existing data). Then it serves: in this process with WEB_CONCURRENCY=1,
// otherwise through one worker process per core (or WEB_CONCURRENCY of them) that this
// process starts and watches (server/cluster.ts).
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import pg from "pg";
import { describePostgresUrl, dialectOf } from "../app/lib/database-url.ts";
import { environmentProblems } from "../app/lib/env.server.ts";
import { countUsers } from "../seed/wipe.ts";
import { workerCountFrom } from "../server/cluster-policy.ts";
import {
  BUILD_DIR,
  DEFAULT_DATABASE_URL,
  DatabaseInUseError,
  ROOT,
  acquireDatabaseLock,
  databaseFile,
  ensureDatabaseDirectory,
  ensurePrismaClient,
  ensureSessionSecret,
  loadDotEnv,
  postgresConnectionError,
  prismaCli,
  remixBuild,
  tsx,
} from "./lib.ts";

function newestSourceTime(entries: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const child of readdirSync(target)) visit(path.join(target, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(path.join(ROOT, entry));
  return newest;
}

function buildIsStale(): boolean {
  const built = path.join(BUILD_DIR, "server/index.js");
  if (!existsSync(built)) return true;
  const sources = newestSourceTime(["app", "public", "vite.config.ts", "package-lock.json"]);
  return sources > statSync(built).mtimeMs;
}

/** null when the PostgreSQL server answers (the database itself may not exist yet: migrating creates it). */
async function postgresProblem(url: string): Promise<string | null> {
  const error = await postgresConnectionError(url);
  // 3D000: the database does not exist yet, which migrating fixes.
  if (error === null || error.code === "3D000") return null;
  return `the PostgreSQL database at ${describePostgresUrl(url)} cannot be reached (${error.message}).`;
}

/**
 * A session advisory lock, taken through the server's `postgres` database (the target may not
 * exist until migrated), keyed by the target database's name; held until the returned function.
 */
async function postgresStartLock(url: string): Promise<() => Promise<void>> {
  const admin = new URL(url);
  const database = admin.pathname;
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtext($1))", [`candor start ${database}`]);
  return () => client.end();
}

function cannotStart(problem: string): never {
  console.error(`Candor cannot start: ${problem}`);
  process.exit(1);
}

loadDotEnv();
// The server runs as production whatever NODE_ENV says (below).
const problems = environmentProblems({ ...process.env, NODE_ENV: "production" }, { secretWillBeGenerated: true });
if (problems.length > 0) {
  for (const problem of problems) console.error(`Candor cannot start: ${problem}`);
  process.exit(1);
}
const workerCount = workerCountFrom(process.env.WEB_CONCURRENCY, availableParallelism());
if (!workerCount.ok) cannotStart(workerCount.problem);
const workers = workerCount.count;
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;

if (dialectOf(databaseUrl) === "postgres") {
  const problem = await postgresProblem(databaseUrl);
  if (problem) cannotStart(problem);
} else {
  if (existsSync(databaseFile(databaseUrl)) && statSync(databaseFile(databaseUrl)).isDirectory()) {
    cannotStart(`DATABASE_URL points to ${databaseFile(databaseUrl)}, which is a folder, not a database file.`);
  }
  try {
    ensureDatabaseDirectory(databaseUrl);
  } catch (error) {
    cannotStart(
      `DATABASE_URL points to ${databaseFile(databaseUrl)}, whose folder cannot be created (${(error as Error).message}).`,
    );
  }
  try {
    const release = acquireDatabaseLock(databaseFile(databaseUrl));
    process.on("exit", release);
  } catch (error) {
    if (error instanceof DatabaseInUseError) cannotStart(error.message);
    cannotStart(
      `DATABASE_URL points to ${databaseFile(databaseUrl)}, which cannot be used (${(error as Error).message}).`,
    );
  }
}

ensureSessionSecret();
ensurePrismaClient();

if (buildIsStale() || process.argv.includes("--rebuild")) {
  console.log("Building Candor…");
  remixBuild();
}

// Several servers may share one PostgreSQL database and start together: one migrates and seeds
// while the others wait for it (SQLite has the file lock above instead).
const releaseStartLock = dialectOf(databaseUrl) === "postgres" ? await postgresStartLock(databaseUrl) : null;
prismaCli(["migrate", "deploy"]);

if ((await countUsers(databaseUrl)) === 0) {
  console.log("Empty database: loading the demo data…");
  const today = process.env.CANDOR_SEED_TODAY;
  tsx(["seed/cli.ts", ...(today ? ["--today", today] : [])]);
}
await releaseStartLock?.();

process.env.NODE_ENV = "production";
if (process.env.CANDOR_QUERY_LOG) {
  console.log(
    `CANDOR_QUERY_LOG is set: the SQL of requests that ask for it is written to ${process.env.CANDOR_QUERY_LOG} (for benchmarks only; unset it in production).`,
  );
}
const port = Number(process.env.PORT ?? 3000);
if (workers === 1) {
  const { startServer } = await import("../server.ts");
  await startServer(port);
} else {
  // Everything above ran once, here; the workers only serve (ADR 020).
  const { serveWithWorkers } = await import("../server/cluster.ts");
  await serveWithWorkers({ count: workers, port });
}
