// PostgreSQL-side helpers for the schema-engine stand-in (see schema-engine.mjs and
// docs/decisions/023-postgresql.md). The Wasm schema engine drives PostgreSQL through
// @prisma/adapter-pg; each function here covers one way that pairing differs from the native
// engine, and says which.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export const isPostgresUrl = (url) => typeof url === "string" && /^postgres(ql)?:\/\//.test(url);

/** The database's name in a connection URL, and the same server's `postgres` database. */
function parts(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return { name, adminUrl: admin.toString() };
}

const quote = (name) => `"${String(name).replaceAll('"', '""')}"`;

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE cannot run in the target). */
async function onAdminDatabase(url, sql) {
  const client = new pg.Client({ connectionString: parts(url).adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseExists(url) {
  const { rows } = await onAdminDatabase(url, {
    text: "SELECT 1 FROM pg_database WHERE datname = $1",
    values: [parts(url).name],
  });
  return rows.length > 0;
}

/**
 * Two fixes to an adapter the engine uses:
 * - `migrate dev` reads catalog columns of type `"char"` (OID 18), which adapter-pg refuses
 *   ("Column type 'char' could not be deserialized"); it is text to the engine, so report it as
 *   text (OID 25).
 * - adapter-pg's executeScript splits a script on `;`, which cuts `$$ … $$` function bodies apart
 *   and leaves a migration half-applied; PostgreSQL runs a whole script sent as one simple
 *   query, atomically, so send it whole.
 */
function engineAdapter(adapter) {
  const charAsText = (queryable) => {
    const performIO = queryable.performIO.bind(queryable);
    queryable.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    return queryable;
  };
  charAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => charAsText(await startTransaction(isolationLevel));
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * The database behind a `postgresql://` URL, as the stand-in needs it. adapter-pg's own
 * connectToShadowDb() keeps the connection string, which names the main database, so the
 * "shadow" would be the main database itself (P3006 "type … already exists"): we create a
 * throwaway `prisma_migrate_shadow_db_<uuid>` through the `postgres` database instead (the role
 * needs CREATEDB, as with the native engine) and drop it on dispose; a configured shadow
 * database is emptied first.
 */
export function openPostgres(url, shadowUrl) {
  const factory = new PrismaPg({ connectionString: url });
  let opened;
  const main = () => (opened ??= factory.connect().then(engineAdapter));
  return {
    name: parts(url).name,
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: main,
      connectToShadowDb: async () => {
        if (shadowUrl) {
          const shadow = engineAdapter(await new PrismaPg({ connectionString: shadowUrl }).connect());
          await emptySchema(shadow);
          return shadow;
        }
        const name = `prisma_migrate_shadow_db_${randomUUID()}`;
        await onAdminDatabase(url, `CREATE DATABASE ${quote(name)}`);
        const shadowAt = new URL(url);
        shadowAt.pathname = `/${name}`;
        const shadow = engineAdapter(await new PrismaPg({ connectionString: shadowAt.toString() }).connect());
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await onAdminDatabase(url, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
        };
        return shadow;
      },
    },
    main,
    exists: () => databaseExists(url),
    create: async () => {
      if (!(await databaseExists(url))) await onAdminDatabase(url, `CREATE DATABASE ${quote(parts(url).name)}`);
    },
    drop: () => onAdminDatabase(url, `DROP DATABASE IF EXISTS ${quote(parts(url).name)} WITH (FORCE)`),
    reset: async () => emptySchema(await main()),
    migrationsTableState: async () => {
      const { rows } = await (
        await main()
      ).queryRaw({
        sql: `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
        args: [],
        argTypes: [],
      });
      return { exists: rows.some(([name]) => name === "_prisma_migrations"), empty: rows.length === 0 };
    },
    createMigrationsTable: async () => (await main()).executeScript(MIGRATIONS_TABLE_DDL),
    dropMigrationsTable: async () => (await main()).executeScript('DROP TABLE IF EXISTS "_prisma_migrations"'),
    dispose: async () => {
      const adapter = opened;
      opened = undefined;
      if (adapter) await (await adapter).dispose();
    },
  };
}

/** `migrate reset` on PostgreSQL, as the native engine does it: the schema dropped and made anew. */
async function emptySchema(adapter) {
  await adapter.executeScript(
    "DO $$ DECLARE s text := current_schema(); BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', s); EXECUTE format('CREATE SCHEMA %I', s); END $$;",
  );
}

// Copied from prisma-engines (sql-schema-connector, PostgreSQL flavour).
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;
