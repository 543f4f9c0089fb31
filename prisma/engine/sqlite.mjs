// SQLite-side helpers for the schema-engine stand-in (see schema-engine.mjs and
// docs/decisions/001-offline-schema-engine.md). Everything here exists because
// the Wasm schema engine + better-sqlite3 adapter behave differently from the
// native engine on SQLite; each function says which difference it covers.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/**
 * `file:./data/candor.db?x=y` → absolute file path. Relative paths resolve
 * against the working directory, which the Prisma CLI sets when it spawns us
 * (the app's own adapter resolves them the same way).
 */
function sqlitePath(url) {
  if (typeof url !== "string" || !url.startsWith("file:")) {
    throw new Error(`Only SQLite "file:" URLs are supported by this schema engine, got: ${url}`);
  }
  const file = decodeURIComponent(url.slice("file:".length).replace(/[?#].*$/, ""));
  return file === ":memory:" ? file : path.resolve(file);
}

/**
 * The driver-adapter factory handed to the Wasm engine. It differs from a
 * plain PrismaBetterSqlite3 factory in three ways:
 *
 * - Connections open lazily. The Wasm engine connects as soon as it is
 *   created, and better-sqlite3 would then create the database file (or fail
 *   when its directory is missing) even for commands that never touch the
 *   database, such as `migrate diff --from-empty --to-schema`. The native
 *   engine connects on first use; so do we.
 * - There is one connection to the main database, shared by the engine and by
 *   our own fixes (`main`): after applyMigrations the engine's connection
 *   keeps `PRAGMA locking_mode=EXCLUSIVE`, so a second connection would only
 *   get SQLITE_BUSY until the process ends.
 * - The engine sends some multi-statement scripts through
 *   queryRaw/executeRaw (notably when replaying migrations on the shadow
 *   database), and better-sqlite3's prepare() refuses those with
 *   `RangeError: The supplied SQL string contains more than one statement`
 *   (or "…contains no statements", for a migration that is only comments).
 *   When that happens for a parameterless query we run the text as a script
 *   instead. SQLite's own parser then splits it, so `CREATE TRIGGER … BEGIN
 *   …; …; END;` bodies, string literals and comments are never cut apart.
 */
function adapterFactory(file, shadowFile) {
  const inner = new PrismaBetterSqlite3(
    { url: `file:${file}` },
    // Without a configured shadow database the adapter uses ":memory:", which
    // is what the native engine does on SQLite too.
    shadowFile ? { shadowDatabaseUrl: `file:${shadowFile}` } : undefined,
  );
  const main = lazyAdapter(() => inner.connect(), inner.adapterName);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    main,
    connect: async () => main,
    connectToShadowDb: async () => lazyAdapter(() => inner.connectToShadowDb(), inner.adapterName),
  };
}

function lazyAdapter(open, adapterName) {
  let opened;
  const real = () => (opened ??= open());
  const script = async (sql) => (await real()).executeScript(sql);
  return {
    provider: "sqlite",
    adapterName,
    queryRaw: withScriptFallback(async (query) => (await real()).queryRaw(query), script, EMPTY_RESULT),
    executeRaw: withScriptFallback(async (query) => (await real()).executeRaw(query), script, 0),
    executeScript: script,
    startTransaction: async (isolationLevel) => {
      const tx = await (await real()).startTransaction(isolationLevel);
      // A transaction runs on its adapter's one better-sqlite3 connection, so
      // the adapter's executeScript runs inside it.
      tx.queryRaw = withScriptFallback(tx.queryRaw.bind(tx), script, EMPTY_RESULT);
      tx.executeRaw = withScriptFallback(tx.executeRaw.bind(tx), script, 0);
      return tx;
    },
    dispose: async () => {
      const adapter = opened;
      opened = undefined; // a later use reopens
      if (adapter) await (await adapter).dispose();
    },
  };
}

// better-sqlite3's prepare() accepts exactly one statement.
const NOT_ONE_STATEMENT = /more than one statement|contains no statements/;
const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

function withScriptFallback(run, runScript, fallbackResult) {
  return async (query) => {
    try {
      return await run(query);
    } catch (error) {
      if (!(error instanceof RangeError && NOT_ONE_STATEMENT.test(error.message)) || query.args.length > 0) throw error;
      await runScript(query.sql);
      return fallbackResult;
    }
  };
}

async function userObjects(adapter) {
  const { rows } = await adapter.queryRaw({
    sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    args: [],
    argTypes: [],
  });
  return rows.map(([type, name]) => ({ type, name }));
}

const quote = (name) => `"${String(name).replaceAll('"', '""')}"`;

/**
 * Where the native engine treats a missing `_prisma_migrations` table as "no
 * migration applied yet", several Wasm-engine commands fail with P1014 ("The
 * underlying table for model `_prisma_migrations` does not exist").
 * `{ exists, empty }` tells the caller which case it is in; `empty` means the
 * database holds no table or view at all.
 */
async function migrationsTableState(adapter) {
  const objects = await userObjects(adapter);
  return { exists: objects.some((o) => o.name === "_prisma_migrations"), empty: objects.length === 0 };
}

/** Creates `_prisma_migrations` exactly as the native engine would. */
async function createMigrationsTable(adapter) {
  await adapter.executeScript(MIGRATIONS_TABLE_DDL);
}

async function dropMigrationsTable(adapter) {
  await adapter.executeScript('DROP TABLE IF EXISTS "_prisma_migrations";');
}

// Copied from prisma-engines (sql-schema-connector, SQLite flavour).
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

/**
 * `migrate reset` must leave an empty database (the native engine truncates
 * the file). The Wasm engine's reset reports success on SQLite but only
 * DELETEs the rows and keeps every table, so the migrations that
 * `migrate reset` then re-applies fail with "table … already exists". We drop
 * every view and table instead (their indexes and triggers go with them), then
 * VACUUM so the file really shrinks. Foreign keys are off meanwhile, since tables are
 * dropped in no particular order (the setting cannot change inside a
 * transaction, hence outside BEGIN…COMMIT).
 */
async function resetDatabase(adapter) {
  const objects = await userObjects(adapter);
  const drops = objects
    .sort((a, b) => (a.type === b.type ? 0 : a.type === "view" ? -1 : 1))
    .map((o) => `DROP ${o.type === "view" ? "VIEW" : "TABLE"} IF EXISTS ${quote(o.name)};`);
  const { rows } = await adapter.queryRaw({ sql: "PRAGMA foreign_keys", args: [], argTypes: [] });
  const foreignKeys = Number(rows[0]?.[0] ?? 0) ? "ON" : "OFF";
  await adapter.executeScript(
    [
      "PRAGMA foreign_keys = OFF;",
      "BEGIN;",
      ...drops,
      "COMMIT;",
      `PRAGMA foreign_keys = ${foreignKeys};`,
      "VACUUM;",
    ].join("\n"),
  );
}

/** `schema-engine cli can-connect-to-database`: a missing file is P1003. */
function databaseExists(file) {
  return file === ":memory:" || fs.existsSync(file);
}

/** `schema-engine cli create-database`: like the native engine, mkdir -p. */
async function createDatabase(file) {
  if (file === ":memory:" || fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Connections open lazily, so make this one do something.
  const { main } = adapterFactory(file);
  await main.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] });
  await main.dispose();
}

/** The database behind a `file:` URL, with the same shape as postgres.mjs's openPostgres(). */
export function openSqlite(url, shadowUrl) {
  const file = url ? sqlitePath(url) : ":memory:";
  const sqlite = adapterFactory(file, shadowUrl ? sqlitePath(shadowUrl) : undefined);
  return {
    name: file,
    factory: sqlite,
    main: async () => sqlite.main,
    exists: async () => databaseExists(file),
    create: () => createDatabase(file),
    drop: async () => {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
    reset: () => resetDatabase(sqlite.main),
    migrationsTableState: () => migrationsTableState(sqlite.main),
    createMigrationsTable: () => createMigrationsTable(sqlite.main),
    dropMigrationsTable: () => dropMigrationsTable(sqlite.main),
    dispose: () => sqlite.main.dispose(),
  };
}
