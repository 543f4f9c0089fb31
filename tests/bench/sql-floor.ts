import Database from "better-sqlite3";
import { isTransactionControl, median, sqliteArgs, type RecordedStatement } from "./report.ts";

// A page's SQL floor: the statements it ran (recorded by the server in bench mode), replayed on
// better-sqlite3 directly — the same pragmas and per-statement prepare as the Prisma adapter, no
// Prisma, no Remix, no HTTP. The whole list is replayed up to REPLAYS times (at least MIN_REPLAYS,
// then while under REPLAY_BUDGET_MS), each time inside one transaction that is rolled back, so
// writes leave the scale data as it was; the floor is the median total time.

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
