// `npm start`: everything a fresh clone needs, then the production server.
// Builds when the build is missing or older than the sources, creates and
// migrates the SQLite database, seeds the demo data when the database has no
// users (never over existing data), and generates a session secret if none is set.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  BUILD_DIR,
  DEFAULT_DATABASE_URL,
  ROOT,
  databaseFile,
  ensureDatabaseDirectory,
  ensureSessionSecret,
  loadDotEnv,
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

function hasUsers(url: string): boolean {
  const db = new Database(databaseFile(url), { readonly: true });
  try {
    const row = db.prepare('SELECT COUNT(*) AS count FROM "User"').get() as { count: number };
    return row.count > 0;
  } finally {
    db.close();
  }
}

loadDotEnv();
ensureSessionSecret();
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;

if (buildIsStale() || process.argv.includes("--rebuild")) {
  console.log("Building Candor…");
  remixBuild();
}

ensureDatabaseDirectory(databaseUrl);
prismaCli(["migrate", "deploy"]);

if (!hasUsers(databaseUrl)) {
  console.log("Empty database: loading the demo data…");
  const today = process.env.CANDOR_SEED_TODAY;
  tsx(["seed/cli.ts", ...(today ? ["--today", today] : [])]);
}

process.env.NODE_ENV = "production";
const { startServer } = await import("../server.ts");
await startServer(Number(process.env.PORT ?? 3000));
