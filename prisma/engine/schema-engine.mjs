#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI
// would otherwise download from a host this project cannot reach. It speaks
// the same protocol the CLI speaks to the binary and forwards the work to
// Prisma's own WebAssembly build of that engine (@prisma/schema-engine-wasm),
// connected to SQLite through @prisma/adapter-better-sqlite3.
// Why and what it costs: docs/decisions/001-offline-schema-engine.md.
//
// How the CLI (node_modules/prisma/build/cli.js) uses the binary:
//   schema-engine --version                  → print "schema-engine-cli <hash>"
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//                                            → exit 0, or log an error as JSON on stderr and exit 1
//   schema-engine [--datamodels <file>]… [--datasource '{"url":…}']
//                                            → JSON-RPC 2.0, one message per line on stdin/stdout,
//                                              JSON log lines on stderr
//
// Re-check this file whenever Prisma is upgraded (all Prisma packages are
// pinned to exact versions for that reason).
import fs from "node:fs";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { isPostgresUrl, openPostgres } from "./postgres.mjs";
import { openSqlite } from "./sqlite.mjs";

// JSON-RPC methods the Wasm engine handles like the native one on SQLite;
// the others are adapted in serveJsonRpc().
const FORWARDED = [
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationRolledBack",
  "schemaPush",
];
const args = parseArgs(process.argv.slice(2));
const wasmPanic = { message: undefined };

if (args.version) {
  // The CLI shows this in `prisma --version` and compares the hash with the
  // engines version it was built for; report the Wasm engine's real hash so a
  // mismatch after an upgrade is visible rather than papered over.
  const bg = await loadWasm();
  process.stdout.write(`schema-engine-cli ${bg.version()}\n`);
  process.exit(0);
}

const datasource = args.datasource ? JSON.parse(args.datasource) : {};
// A `postgresql://` URL is PostgreSQL (postgres.mjs); anything else is a SQLite file (sqlite.mjs).
const database = isPostgresUrl(datasource.url)
  ? openPostgres(datasource.url, datasource.shadowDatabaseUrl)
  : openSqlite(datasource.url, datasource.shadowDatabaseUrl);
if (args.cli) {
  process.exit(await runCliCommand(args.cli));
}
await serveJsonRpc().catch((error) => {
  // The CLI shows the last ERROR line when the engine exits with 1.
  log("ERROR", { is_panic: false, message: String(error?.message ?? error) });
  process.exit(1);
});

// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const out = { datamodels: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") out.version = true;
    else if (arg === "--datamodels") out.datamodels.push(argv[++i]);
    else if (arg === "--datasource") out.datasource = argv[++i];
    // Preview features and extension types have no Wasm-engine equivalent
    // and nothing in this project uses them.
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") out.cli = argv[++i];
  }
  return out;
}

/** Instantiates the Wasm engine without Node's (flagged) Wasm ES-module support. */
async function loadWasm() {
  // The engine's panic hook reports the Rust panic message here; without it a
  // panic is only "RuntimeError: unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (wasmPanic.message = message) };
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const bytes = fs.readFileSync(new URL("schema_engine_bg.wasm", bgUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/** The CLI reads stderr as JSON log lines, like the native engine's tracing output. */
function log(level, fields) {
  process.stderr.write(`${JSON.stringify({ level, fields, target: "schema_engine::logger" })}\n`);
}

// --- `cli` subcommands -------------------------------------------------------

async function runCliCommand(command) {
  // The CLI discards the first stderr line before looking for the error.
  log("INFO", { message: "Starting schema engine CLI (Wasm stand-in)" });
  try {
    if (command === "can-connect-to-database") {
      if (!(await database.exists())) {
        // P1003 is what makes `migrate dev|deploy` / `db push` ask us to create it.
        log("ERROR", {
          is_panic: false,
          error_code: "P1003",
          message: `Database \`${database.name.split(/[\\/]/).pop()}\` does not exist at \`${database.name}\``,
        });
        return 1;
      }
    } else if (command === "create-database") {
      await database.create();
    } else if (command === "drop-database") {
      await database.drop();
    } else {
      throw new Error(`Unknown cli subcommand: ${command}`);
    }
    return 0;
  } catch (error) {
    log("ERROR", { is_panic: false, error_code: "", message: String(error?.message ?? error) });
    return 1;
  }
}

// --- JSON-RPC ------------------------------------------------------------------

async function serveJsonRpc() {
  const factory = bindMigrationAwareSqlAdapterFactory(database.factory);
  const datamodels = args.datamodels.length ? args.datamodels.map((p) => [p, fs.readFileSync(p, "utf8")]) : undefined;
  const bg = await loadWasm();
  const engine = await bg.SchemaEngine.new({ datamodels }, forwardEngineLog, factory);

  // Methods whose Wasm behaviour differs from the native engine on SQLite.

  // devDiagnostic (and diagnoseMigrationHistory with a shadow database) fail
  // with P1014 where the native engine reads a missing `_prisma_migrations`
  // as "nothing applied yet". Give them the table. On an empty database it
  // stays (applyMigrations, which comes next, would create it anyway); on a
  // database that already has tables it is removed again, so that
  // `migrate deploy` still refuses with P3005 ("schema is not empty, baseline
  // it") instead of adopting the database.
  const withMigrationsTable = async (run) => {
    const { exists, empty } = await database.migrationsTableState();
    if (exists) return run();
    await database.createMigrationsTable();
    try {
      return await run();
    } finally {
      if (!empty) await database.dropMigrationsTable();
    }
  };
  // `migrate status` (no shadow database) must not write: answer as the
  // native engine does when the table is missing.
  const diagnoseMigrationHistory = async (params) => {
    const { exists } = await database.migrationsTableState();
    if (exists || params.optInToShadowDatabase) {
      return withMigrationsTable(() => engine.diagnoseMigrationHistory(params));
    }
    const unapplied = params.migrationsList.migrationDirectories.map((d) => d.path);
    return {
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: false,
      history: unapplied.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: unapplied } : null,
    };
  };
  // `migrate resolve --applied` is how a database is baselined, so here the
  // native engine creates the table whatever else the database holds.
  const markMigrationApplied = async (params) => {
    if (!(await database.migrationsTableState()).exists) await database.createMigrationsTable();
    return engine.markMigrationApplied(params);
  };

  // evaluateDataLoss/createMigration compute "the schema the migrations
  // produce" from a per-process cache and, on a miss, replay the migrations
  // without the shadow-database factory — which the Wasm engine cannot do on
  // SQLite ("SQLite shadow DB must be provided through an external factory").
  // The cache misses when `migrate dev` has just applied pending migrations
  // (fresh clone, a teammate's new migration). diagnoseMigrationHistory with a
  // shadow database does the same replay *with* the factory and fills the
  // cache for the applied migrations, which by then are all of them.
  const withWarmShadowSchema = async (method, params) => {
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message)) throw error;
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return engine[method](params);
    }
  };
  let nextPrintId = 1;
  const methods = {
    devDiagnostic: (params) => withMigrationsTable(() => engine.devDiagnostic(params)),
    diagnoseMigrationHistory,
    markMigrationApplied,
    evaluateDataLoss: (params) => withWarmShadowSchema("evaluateDataLoss", params),
    createMigration: (params) => withWarmShadowSchema("createMigration", params),
    reset: async () => {
      await database.reset();
      return {};
    },
    createDatabase: async () => {
      await database.create();
      return { databaseName: database.name };
    },
    getDatabaseVersion: (params) => engine.version(params ?? undefined),
    diff: async (params) => {
      // The native engine hands the diff to the CLI as a `print` request
      // (which the CLI writes to stdout, honouring `--output`) and returns no
      // stdout of its own; the Wasm engine returns it instead.
      const { stdout, ...rest } = await engine.diff(params);
      if (stdout) {
        const content = stdout.replace(/\n$/, ""); // the CLI adds one
        send({ jsonrpc: "2.0", id: `print-${nextPrintId++}`, method: "print", params: { content } });
      }
      return { ...rest, stdout: null };
    },
  };
  for (const method of FORWARDED) methods[method] = (params) => engine[method](params);
  const call = async (method, params) => {
    if (!Object.hasOwn(methods, method)) {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
    return methods[method](params);
  };

  // One request at a time, in order, like the native engine.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (!request.method) return; // the CLI's acknowledgement of a `print` request
    queue = queue.then(async () => {
      try {
        const result = await call(request.method, request.params);
        send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
      } catch (error) {
        const panicked = error instanceof WebAssembly.RuntimeError;
        send({ jsonrpc: "2.0", id: request.id, error: rpcError(error, factory.errorRegistry, panicked) });
        // A panicked Wasm instance is unusable; the native engine exits 101 too.
        if (panicked) process.exit(101);
      }
    });
  });
  // The CLI ends stdin and kills us straight away (SIGTERM). Close the
  // database properly either way: under the engine's exclusive locking mode
  // SQLite otherwise leaves an (inert) `-journal` file next to it.
  const shutdown = async () => {
    await database.dispose().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => queue.then(shutdown));
  lines.on("close", () => queue.then(shutdown));
}

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** The Wasm engine's log lines already have the native engine's JSON shape. */
function forwardEngineLog(line) {
  const text = String(line).trim();
  if (text) process.stderr.write(`${text}\n`);
}

/**
 * The error shape the CLI understands: `data.error_code` + `data.message` for
 * user-facing errors (P3006, P1014, …), `data.is_panic` for crashes.
 * Errors thrown by the driver adapter reach us only as "External error id#N";
 * the adapter factory's registry holds the original, which we append.
 */
function rpcError(error, registry, isPanic) {
  let message = isPanic && wasmPanic.message ? wasmPanic.message : String(error?.message ?? error);
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    const original = registry.consumeError(Number(id))?.error;
    return original ? `${text}: ${original.message ?? original}` : text;
  });
  return {
    code: error?.rpcCode ?? 4466,
    // For panics the CLI reports this message rather than data.message.
    message: isPanic ? message : "An error happened. Check the data field for details.",
    data: {
      is_panic: isPanic,
      message,
      ...(error?.code ? { error_code: error.code, meta: error.meta ?? {} } : {}),
    },
  };
}
