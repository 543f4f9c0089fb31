import Database from "better-sqlite3";
import pg from "pg";
import { postgresTimestamp } from "../../seed/write-postgres.ts";
import { isTransactionControl, median, sqliteArgs, type RecordedStatement } from "./report.ts";

// A page's SQL floor: the statements it ran (recorded by the server in bench mode), replayed on
// the same database directly — on SQLite through better-sqlite3 with the same pragmas and
// per-statement prepare as the Prisma adapter, on PostgreSQL through one node-postgres connection
// with the adapter's unnamed statements — no Prisma, no Remix, no HTTP. The whole list is
// replayed up to REPLAYS times (at least MIN_REPLAYS, then while under REPLAY_BUDGET_MS), each
// time inside one transaction that is rolled back, so writes leave the scale data as it was; the
// floor is the median total time.

const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 15);
const MIN_REPLAYS = 3;
const REPLAY_BUDGET_MS = 10_000;

export interface SqlFloor {
  /** Median total time of one replay of every statement, in milliseconds. */
  floorMs: number;
  /** Statements the page ran (transaction control included). */
  statements: number;
  /** Statements that failed when replayed (a write whose row the page itself had just created). */
  failed: number;
  /** Sum of the statements' wall times inside the server (overlapping ones count twice): for reference only. */
  serverMs: number;
}

function runOnce(db: Database.Database, statements: readonly RecordedStatement[]): { ms: number; failed: number } {
  let failed = 0;
  const started = performance.now();
  db.exec("BEGIN");
  try {
    for (const statement of statements) {
      if (isTransactionControl(statement.sql)) continue;
      try {
        const prepared = db.prepare(statement.sql).bind(sqliteArgs(statement));
        if (prepared.reader) prepared.raw().all();
        else prepared.run();
      } catch {
        failed++;
      }
    }
  } finally {
    db.exec("ROLLBACK");
  }
  return { ms: performance.now() - started, failed };
}

export function sqlFloor(databaseFile: string, statements: readonly RecordedStatement[]): SqlFloor {
  const db = new Database(databaseFile, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // The adapter reads every integer as a BigInt.
    db.defaultSafeIntegers(true);
    // One warm-up replay: the server had the pages in its cache, this connection has not.
    const warm = runOnce(db, statements);
    const times: number[] = [];
    const started = performance.now();
    while (times.length < REPLAYS && (times.length < MIN_REPLAYS || performance.now() - started < REPLAY_BUDGET_MS))
      times.push(runOnce(db, statements).ms);
    return {
      floorMs: median(times),
      statements: statements.length,
      failed: warm.failed,
      serverMs: statements.reduce((sum, statement) => sum + statement.ms, 0),
    };
  } finally {
    db.close();
  }
}

type PgArg = string | number | boolean | Buffer | null | PgArg[];

/**
 * An argument as @prisma/adapter-pg 7.10 binds it (its mapArg): DateTimes as UTC text without a
 * zone (the columns are timestamp(3) holding UTC), bytes from base64, lists element by element,
 * anything else as Prisma passed it.
 */
function postgresArg(arg: unknown, type: RecordedStatement["argTypes"][number] | undefined): PgArg {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg) && type?.arity === "list") return arg.map((value: unknown) => postgresArg(value, type));
  if (type?.scalarType === "datetime" && (typeof arg === "string" || typeof arg === "number"))
    return postgresTimestamp(new Date(arg));
  if (type?.scalarType === "bytes" && typeof arg === "string") return Buffer.from(arg, "base64");
  if (typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean") return arg;
  // JSON values the adapter would receive as text already; anything else is bound as its JSON.
  return JSON.stringify(arg);
}

// The rows are left as the text the server sent: the floor is the database's work and the wire.
const TEXT_AS_SENT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/** A recorded statement as the replay sends it to PostgreSQL. */
export function postgresQuery(statement: RecordedStatement): pg.QueryConfig {
  return {
    text: statement.sql,
    values: statement.args.map((arg, index) => postgresArg(arg, statement.argTypes[index])),
    rowMode: "array",
    types: TEXT_AS_SENT,
  } as pg.QueryConfig;
}

async function replayOnPostgres(client: pg.Client, statements: readonly RecordedStatement[]): Promise<number> {
  const started = performance.now();
  await client.query("BEGIN");
  try {
    for (const statement of statements) await client.query(postgresQuery(statement));
  } finally {
    await client.query("ROLLBACK");
  }
  return performance.now() - started;
}

/**
 * The SQL floor on PostgreSQL (`npm run bench -- --db postgres`). A failed statement aborts a
 * PostgreSQL transaction, so the warm-up replay runs each statement under a savepoint: those that
 * fail (a write whose row the page itself had just created) are counted and left out of the
 * timed replays, where they would have changed nothing. The replay runs the statements one after
 * another on one connection, while the server spreads a loader's side-by-side queries over its
 * pool's connections: a page can come in under its floor (a ratio below 1), which SQLite's one
 * connection per process makes unlikely.
 */
export async function postgresSqlFloor(url: string, statements: readonly RecordedStatement[]): Promise<SqlFloor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const replayed: RecordedStatement[] = [];
    let failed = 0;
    await client.query("BEGIN");
    try {
      for (const statement of statements) {
        if (isTransactionControl(statement.sql)) continue;
        await client.query("SAVEPOINT bench_replay");
        try {
          await client.query(postgresQuery(statement));
          await client.query("RELEASE SAVEPOINT bench_replay");
          replayed.push(statement);
        } catch {
          await client.query("ROLLBACK TO SAVEPOINT bench_replay");
          failed++;
        }
      }
    } finally {
      await client.query("ROLLBACK");
    }
    const times: number[] = [];
    const started = performance.now();
    while (times.length < REPLAYS && (times.length < MIN_REPLAYS || performance.now() - started < REPLAY_BUDGET_MS))
      times.push(await replayOnPostgres(client, replayed));
    return {
      floorMs: median(times),
      statements: statements.length,
      failed,
      serverMs: statements.reduce((sum, statement) => sum + statement.ms, 0),
    };
  } finally {
    await client.end();
  }
}
