import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import pg from "pg";
import { buildDirectory } from "../server/build-directory.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DEFAULT_DATABASE_URL = "file:./data/candor.db";
/** Where `remix vite:build` writes; CANDOR_BUILD_DIR lets parallel test runs keep separate builds. */
export const BUILD_DIR = buildDirectory(ROOT);

/** The settings file `npm start` reads and writes; CANDOR_ENV_FILE points tests elsewhere. */
export const ENV_FILE = path.resolve(ROOT, process.env.CANDOR_ENV_FILE ?? ".env");

/** Environment variables: process.env, or a plain object in tests. */
export type Settings = Record<string, string | undefined>;

/** Loads .env (if present) without overriding variables already set. */
export function loadDotEnv(file = ENV_FILE, env: Settings = process.env) {
  // An empty SESSION_SECRET in the environment would hide the one in .env, and a new
  // secret would then sign everyone out; empty counts as unset.
  if (env.SESSION_SECRET === "") delete env.SESSION_SECRET;
  if (!existsSync(file)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) env[name] ??= value;
}

// "SESSION_SECRET=", "SESSION_SECRET=''" …: a line that sets the secret to nothing.
const EMPTY_SECRET_LINE = /^[ \t]*(?:export[ \t]+)?SESSION_SECRET[ \t]*=[ \t]*(?:""|'')?[ \t]*$/m;

/**
 * Generates a session secret into .env the first time Candor starts. A configured
 * secret is never replaced (that would sign everyone out); an empty SESSION_SECRET
 * line is filled in where it stands rather than followed by a second one.
 */
export function ensureSessionSecret(file = ENV_FILE, env: Settings = process.env) {
  if (env.SESSION_SECRET) return;
  const secret = randomBytes(32).toString("hex");
  const line = `SESSION_SECRET=${secret}`;
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const updated = EMPTY_SECRET_LINE.test(existing)
    ? existing.replace(EMPTY_SECRET_LINE, line)
    : `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}${line}\n`;
  writeFileSync(file, updated, { mode: 0o600 });
  env.SESSION_SECRET = secret;
  console.log(
    `Generated a session secret and stored it in ${file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file}`,
  );
}

/** The SQLite file behind a file: URL, resolved against the project root. */
export function databaseFile(url: string): string {
  return path.resolve(ROOT, url.replace(/^file:/, ""));
}

export function ensureDatabaseDirectory(url: string) {
  mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * Whether a process has ended but not been reaped (Linux's state Z). A server killed with its
 * parent stays a zombie until an init reaps it, and a container whose first process does not
 * reap keeps it so for good: it still answers `kill(pid, 0)` but holds nothing.
 */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false; // no /proc (macOS), or the process ended just now: kill(pid, 0) has decided
  }
  // "pid (command) S …": the command may hold spaces and parentheses, the state follows the last ")".
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
}

export class DatabaseInUseError extends Error {}

/** The pid in a lock file; NaN when the file vanished (its holder just stopped) or holds no pid. */
function lockHolder(lockFile: string): number {
  try {
    return Number.parseInt(readFileSync(lockFile, "utf8"), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return Number.NaN;
    throw error;
  }
}

/**
 * Claims a SQLite database for this Candor server: `<database>.lock`, created only if
 * absent, holds the owner's pid. A lock whose process has died (a crash, kill -9) is
 * taken over. Two servers on one file would each migrate and seed as if alone. With
 * several workers (server/cluster.ts) the primary holds the lock for them all: it alone
 * migrates and seeds, before it starts them. Returns the function that releases the lock.
 */
export function acquireDatabaseLock(databasePath: string, pid = process.pid): () => void {
  const lockFile = `${databasePath}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, `${pid}\n`, { flag: "wx" });
      return () => {
        const holder = existsSync(lockFile) ? readFileSync(lockFile, "utf8").trim() : "";
        if (holder === String(pid)) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder(lockFile);
    // The holder's own pid again means a container restarted it with the same pid.
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && processIsAlive(holder)) {
      throw new DatabaseInUseError(
        `another Candor process is using ${databasePath} (process ${holder}). Stop it first; if none is running, delete ${lockFile}.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  throw new DatabaseInUseError(
    `another Candor process is using ${databasePath} (its lock ${lockFile} keeps changing hands).`,
  );
}

/** The Prisma client is generated into app/generated (gitignored); a build needs it. */
export const PRISMA_CLIENT = path.join(ROOT, "app/generated/prisma/client.ts");
const POSTGRES_PRISMA_CLIENT = path.join(ROOT, "app/generated/prisma-postgres/client.ts");

/** Both generated clients (SQLite and PostgreSQL: the app loads both, ADR 023). */
export function ensurePrismaClient() {
  if (existsSync(PRISMA_CLIENT) && existsSync(POSTGRES_PRISMA_CLIENT)) return;
  console.log("Generating the Prisma clients…");
  prismaCli(["generate", "--schema", "prisma/schema.prisma"]);
  prismaCli(["generate", "--schema", "prisma/postgresql/schema.prisma"]);
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

const BIN = (name: string) => path.join(ROOT, "node_modules/.bin", name);

export function prismaCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  run(BIN("prisma"), args, { env });
}

export function tsx(args: string[], env: NodeJS.ProcessEnv = process.env) {
  run(BIN("tsx"), args, { env });
}

export function remixBuild() {
  run(BIN("remix"), ["vite:build"], { env: { ...process.env, NODE_ENV: "production" } });
}

/** Why a PostgreSQL connection to `url` fails (its error, with pg's `code`), or null when it opens. */
export async function postgresConnectionError(url: string): Promise<(Error & { code?: string }) | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error as Error & { code?: string };
  } finally {
    await client.end().catch(() => {});
  }
}
