import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describePostgresUrl, type Dialect } from "../../app/lib/database-url.ts";
import { ROOT, prismaCli, tsx } from "../../scripts/lib.ts";
import { ensureTestPostgres } from "../../scripts/postgres.ts";
import { toPostgres } from "../../seed/write-postgres.ts";
import { toSqlite } from "../../seed/write-sqlite.ts";
import { sizeLabel } from "./report.ts";

// The scale data the benchmark serves (PRODUCT.md §6), on either database (ADR 023): a SQLite
// file under data/, or a PostgreSQL database of its own on the machine's server (the one
// scripts/postgres.ts starts for the tests, whose databases are named candor_test_… and
// candor_e2e_…). Besides the server, the bench reads a few rows itself (the upload's owners, the
// pages addressed by generated ids) and writes one (an API token): through this, in SQL both
// databases read — quoted identifiers, TRUE/FALSE, `?` parameters.

const DATA = path.join(ROOT, "data");
const DEFAULT_CLAIMS = 200_000;

export interface ScaleDatabase {
  dialect: Dialect;
  /** DATABASE_URL for the server and the seed. */
  url: string;
  /** Where it is, for the report: the file under the project, or PostgreSQL's host:port/database. */
  label: string;
  /** The rows of a read; `?` are its parameters, in order. */
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A write; `?` are its parameters, in order. */
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/** `?` → `$1`, `$2`…: the bench's own statements hold no question mark inside a literal. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function sqliteScale(file: string): ScaleDatabase {
  const open = <T>(readonly: boolean, work: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    dialect: "sqlite",
    url: `file:${file}`,
    label: path.relative(ROOT, file),
    rows: async <T>(sql: string, params: readonly unknown[] = []) =>
      open(true, (db) => db.prepare(sql).all(...params.map(toSqlite)) as T[]),
    run: async (sql, params = []) => {
      open(false, (db) => db.prepare(sql).run(...params.map(toSqlite)));
    },
  };
}

async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresScale(url: string): ScaleDatabase {
  return {
    dialect: "postgres",
    url,
    label: `PostgreSQL ${describePostgresUrl(url)}`,
    rows: async <T>(sql: string, params: readonly unknown[] = []) =>
      onPostgres(url, async (client) => (await client.query(numbered(sql), params.map(toPostgres))).rows as T[]),
    run: async (sql, params = []) => {
      await onPostgres(url, (client) => client.query(numbered(sql), params.map(toPostgres)));
    },
  };
}

/** The size's database name on PostgreSQL: candor_bench for the default 200,000 claims. */
const postgresName = (claims: number) =>
  claims === DEFAULT_CLAIMS ? "candor_bench" : `candor_bench_${sizeLabel(claims).toLowerCase()}`;

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Seeds the scale data into `url` (migrated already) the way `npm run seed -- --scale large` does; returns the seconds it took. */
function seed(url: string, claims: number): number {
  const started = Date.now();
  tsx(["seed/cli.ts", "--scale", "large", "--claims", String(claims)], { ...process.env, DATABASE_URL: url });
  return (Date.now() - started) / 1000;
}

function prepareSqlite(claims: number, reseed: boolean): { database: ScaleDatabase; seedSeconds: number | null } {
  const file = path.join(DATA, claims === DEFAULT_CLAIMS ? "scale.db" : `scale-${sizeLabel(claims)}.db`);
  const database = sqliteScale(file);
  if (existsSync(file) && !reseed) {
    // Data seeded before a later migration (an index, say) gets it, so the bench measures the schema as it is.
    prismaCli(["migrate", "deploy"], { ...process.env, DATABASE_URL: database.url });
    return { database, seedSeconds: null };
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(DATA, { recursive: true });
  prismaCli(["migrate", "deploy"], { ...process.env, DATABASE_URL: database.url });
  return { database, seedSeconds: seed(database.url, claims) };
}

/**
 * PostgreSQL: the data are loaded into `<name>_loading` and renamed to `<name>` once complete,
 * so a run stopped half-way never leaves a database the next run would take as ready.
 */
async function preparePostgres(
  claims: number,
  reseed: boolean,
): Promise<{ database: ScaleDatabase; seedSeconds: number | null }> {
  const server = await ensureTestPostgres();
  const name = postgresName(claims);
  const loading = `${name}_loading`;
  const database = postgresScale(withDatabase(server, name));
  const exists = await onPostgres(
    server,
    async (client) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
  );
  if (exists && !reseed) {
    prismaCli(["migrate", "deploy"], { ...process.env, DATABASE_URL: database.url });
    return { database, seedSeconds: null };
  }
  await onPostgres(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${loading}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${loading}"`);
  });
  const loadingUrl = withDatabase(server, loading);
  prismaCli(["migrate", "deploy"], { ...process.env, DATABASE_URL: loadingUrl });
  const seedSeconds = seed(loadingUrl, claims);
  await onPostgres(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`ALTER DATABASE "${loading}" RENAME TO "${name}"`);
  });
  return { database, seedSeconds };
}

/** The size's scale database, seeded when missing (or when `reseed`); `seedSeconds` is null when it was there already. */
export async function prepareScaleDatabase(
  dialect: Dialect,
  claims: number,
  reseed: boolean,
): Promise<{ database: ScaleDatabase; seedSeconds: number | null }> {
  return dialect === "postgres" ? preparePostgres(claims, reseed) : prepareSqlite(claims, reseed);
}
