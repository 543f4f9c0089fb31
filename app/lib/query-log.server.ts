import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";

// The benchmark's view of a page's SQL (tests/bench/run.ts, docs/architecture.md). With CANDOR_QUERY_LOG set
// to a file, a request that carries the header below has every statement it runs appended to
// that file as one JSON line (the SQL, its arguments as Prisma passed them, its time), so the
// benchmark can replay exactly those statements on the same database (better-sqlite3, or a pg
// client on PostgreSQL) and compare the page with its SQL floor. Without the variable
// (production) nothing is wrapped and the header does nothing; requests without the header are
// never slowed by the recording.

export const RECORD_QUERIES_HEADER = "x-candor-record-queries";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type PostgresAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type SqlQuery = Parameters<SqliteAdapter["queryRaw"]>[0];

/** One line of the query log. */
export interface LoggedStatement {
  requestId: string;
  kind: "query" | "execute";
  /** The statement as the adapter sends it: `?` parameters on SQLite, `$1` ones on PostgreSQL. */
  sql: string;
  args: unknown[];
  /** Prisma's type of each argument (on PostgreSQL also its column's `dbType`), which a replay binds by. */
  argTypes: Array<{ scalarType: string; arity?: string; dbType?: string }>;
  /** Wall time in the server from the call to its answer, adapter included (statements a loader runs side by side overlap). */
  ms: number;
}

// The server (loaded by tsx) and the app (bundled by Vite) each get their own copy of this
// module; the request context they share lives on globalThis under a registered symbol.
const CONTEXT_KEY = Symbol.for("candor.query-log.request");

function requestContext(): AsyncLocalStorage<string> {
  const holder = globalThis as { [CONTEXT_KEY]?: AsyncLocalStorage<string> };
  holder[CONTEXT_KEY] ??= new AsyncLocalStorage<string>();
  return holder[CONTEXT_KEY];
}

/** The file statements are logged to, or undefined when query logging is off (always, in production). */
export function queryLogFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.CANDOR_QUERY_LOG || undefined;
}

/** Runs a request's work with its statements logged under its request id. */
export function recordingQueries<T>(requestId: string, work: () => T): T {
  return requestContext().run(requestId, work);
}

function append(file: string, entry: Omit<LoggedStatement, "requestId">) {
  const requestId = requestContext().getStore();
  if (requestId === undefined) return;
  appendFileSync(file, `${JSON.stringify({ requestId, ...entry })}\n`);
}

async function timed<T>(
  file: string,
  kind: LoggedStatement["kind"],
  query: Pick<SqlQuery, "sql" | "args" | "argTypes">,
  run: () => Promise<T>,
): Promise<T> {
  if (requestContext().getStore() === undefined) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    append(file, { kind, sql: query.sql, args: query.args, argTypes: query.argTypes, ms: performance.now() - started });
  }
}

/**
 * Wraps a connection so the statements of recorded requests are logged to `file`. Transactions
 * run their statements through these same two methods (app/lib/immediate-transactions.server.ts),
 * BEGIN IMMEDIATE, COMMIT and ROLLBACK included.
 */
export function withQueryLog<A extends Pick<SqliteAdapter, "queryRaw" | "executeRaw">>(file: string, adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = (query) => timed(file, "query", query, () => queryRaw(query));
  adapter.executeRaw = (query) => timed(file, "execute", query, () => executeRaw(query));
  return adapter;
}

/**
 * The PostgreSQL adapter's connection, logged as above. Its interactive transactions run on a
 * connection of their own taken from the pool, with their own queryRaw/executeRaw (Prisma sends
 * COMMIT or ROLLBACK through them), so each transaction is wrapped as well. The adapter sends its
 * BEGIN before handing the transaction over; it is logged as one "BEGIN" whose time includes
 * taking the connection, so a transaction counts the same statements as on SQLite.
 */
export function withPostgresQueryLog(file: string, adapter: PostgresAdapter): PostgresAdapter {
  withQueryLog(file, adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const begin = isolationLevel ? `BEGIN ISOLATION LEVEL ${isolationLevel}` : "BEGIN";
    const transaction = await timed(file, "execute", { sql: begin, args: [], argTypes: [] }, () =>
      startTransaction(isolationLevel),
    );
    return withQueryLog(file, transaction);
  };
  return adapter;
}
