// `npm run backup -- <target-file>`: a consistent copy of the SQLite database in DATABASE_URL
// (default file:./data/candor.db; .env is read as by `npm start`), made with SQLite's
// `VACUUM INTO`. Safe while Candor serves: it reads one snapshot (WAL lets the server keep
// writing), and the copy is a compact, complete database file — restoring is copying it back
// while Candor is stopped (docs/deploy.md). PostgreSQL is backed up with pg_dump instead.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { dialectOf } from "../app/lib/database-url.ts";
import { DEFAULT_DATABASE_URL, databaseFile, loadDotEnv } from "./lib.ts";

/** Writes a copy of the SQLite database at `url` to `target`, a file that must not exist yet. */
export function backupSqlite(url: string, target: string) {
  if (dialectOf(url) === "postgres") {
    throw new Error("DATABASE_URL is a PostgreSQL database: back it up with pg_dump (see docs/deploy.md).");
  }
  if (existsSync(target)) throw new Error(`${target} already exists; a backup never overwrites a file.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(databaseFile(url), { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npm run backup -- <target-file>   (e.g. backups/candor-$(date +%F).db)");
    process.exit(2);
  }
  loadDotEnv();
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  // npm runs scripts in the project folder; a relative target means the caller's folder.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
  try {
    const started = performance.now();
    backupSqlite(url, file);
    console.log(`Backed up ${databaseFile(url)} to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
