import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client.ts";
import { dialectOf, type Dialect } from "./database-url.ts";
import { httpError } from "./http-error.server.ts";
import { withImmediateTransactions } from "./immediate-transactions.server.ts";
import { queryLogFile, withPostgresQueryLog, withQueryLog } from "./query-log.server.ts";

// WAL lets readers proceed during a write; busy_timeout makes a writer wait for
// the lock instead of failing at once; NORMAL is durable enough under WAL. A 64 MB page
// cache (SQLite's default is 2 MB) keeps the indexes a page reads in memory once the
// database holds years of history: the admin's dashboard on 2,000,000 claims went from
// ~260 ms to ~145 ms with it (ADR 019).
const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL;",
  "PRAGMA busy_timeout = 5000;",
  "PRAGMA synchronous = NORMAL;",
  "PRAGMA foreign_keys = ON;",
  "PRAGMA cache_size = -65536;",
].join("\n");

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

/** The better-sqlite3 adapter, with our pragmas run on every connection it opens. */
export function createSqliteAdapter(url: string) {
  const factory = new PrismaBetterSqlite3({ url, timeout: 5000 });
  const logFile = queryLogFile();
  const withPragmas = async (connect: () => Promise<SqliteAdapter>) => {
    // BEGIN IMMEDIATE: several server processes share the file (app/lib/immediate-transactions.server.ts).
    const adapter = withImmediateTransactions(await connect());
    await adapter.executeScript(CONNECTION_PRAGMAS);
    // Bench mode only: CANDOR_QUERY_LOG is never set in production (app/lib/query-log.server.ts).
    return logFile ? withQueryLog(logFile, adapter) : adapter;
  };
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    connect: () => withPragmas(() => factory.connect()),
    connectToShadowDb: () => withPragmas(() => factory.connectToShadowDb()),
  };
}

export const READ_ONLY_STORAGE =
  "Candor's storage is read-only, so nothing was saved. Ask your administrator to check the database file's permissions.";
export const READ_ONLY_DATABASE =
  "Candor's database accepts no changes right now (a standby server, or set read-only), so nothing was saved. Ask your administrator to point Candor at the primary database.";

/**
 * The sentence for a write the database refused because it cannot be written: SQLITE_READONLY
 * and its extended codes (the file, its directory or its mount), or PostgreSQL's 25006
 * (read_only_sql_transaction: a hot standby, or default_transaction_read_only). Null otherwise.
 */
function readOnlyRefusal(error: unknown): string | null {
  if (!(error instanceof Error) || !("meta" in error)) return null;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof code !== "string") return null;
  if (code.startsWith("SQLITE_READONLY")) return READ_ONLY_STORAGE;
  return code === "25006" ? READ_ONLY_DATABASE : null;
}

async function mappingReadOnly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const refusal = readOnlyRefusal(error);
    if (refusal) throw httpError(503, refusal);
    throw error;
  }
}

/**
 * The PostgreSQL client. Its generated code comes from prisma/postgresql/schema.prisma, which is
 * prisma/schema.prisma with another provider (ADR 023), so the models, their fields and the
 * queries the app writes are the same; the app is typed against the SQLite client.
 */
function createPostgresClient(url: string): PrismaClient {
  const logFile = queryLogFile();
  const factory = new PrismaPg({ connectionString: url });
  const adapter = logFile
    ? {
        provider: "postgres" as const,
        adapterName: factory.adapterName,
        connect: async () => withPostgresQueryLog(logFile, await factory.connect()),
      }
    : factory;
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}

/** A plain client for either database; the app's own (`prisma`) adds the read-only mapping below. */
export function createBaseClient(url: string): PrismaClient {
  return dialectOf(url) === "postgres"
    ? createPostgresClient(url)
    : new PrismaClient({ adapter: createSqliteAdapter(url) });
}

export function createPrismaClient(url: string) {
  const base = createBaseClient(url);
  // Every write goes through here, so a read-only database answers one 503 with a sentence
  // wherever it is met, instead of a 500 and an engine error from whichever action ran.
  const client = base.$extends({
    query: {
      $allOperations: ({ args, query }) => mappingReadOnly(() => query(args)),
    },
  });
  // A transaction takes the write lock at BEGIN (BEGIN IMMEDIATE), so on read-only storage it
  // fails there, before any model operation the extension above would see.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === "$transaction"
        ? (...args: unknown[]) => mappingReadOnly(() => transaction(...args))
        : Reflect.get(target, property, receiver),
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process: the dev server re-evaluates modules, so keep it on
// globalThis rather than in module scope.
const globalForDb = globalThis as unknown as { candorPrisma?: Db };

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/candor.db";

/** Which SQL the models' raw queries speak (app/lib/sql-dialect.server.ts). */
export const dialect: Dialect = dialectOf(databaseUrl);

export const prisma: Db = globalForDb.candorPrisma ?? (globalForDb.candorPrisma = createPrismaClient(databaseUrl));

/**
 * A write refused by a unique index (Prisma's P2002): the name, email or key is taken, or another
 * request stored the same row first. Models turn it into a field error or a 409, never a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Runs `change` in one transaction; when a unique index refuses one of its writes (another request
 * took the name, key or row first), nothing is stored and the answer is `taken()` instead.
 */
export async function transactionUnlessTaken<T>(
  change: (tx: Tx) => Promise<T>,
  taken: () => T | Promise<T>,
): Promise<T> {
  try {
    return await prisma.$transaction(change);
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}
