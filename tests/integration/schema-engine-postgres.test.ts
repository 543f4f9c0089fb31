// The offline schema engine (prisma/engine/schema-engine.mjs and postgres.mjs, ADR 001 and ADR 023)
// driven through the real Prisma CLI on PostgreSQL, in a scratch project with scratch databases:
// migrate dev (with its throwaway shadow database), a hand-written migration with a plpgsql
// trigger, migrate deploy on a fresh database, and migrate diff. Runs in the PostgreSQL project;
// the SQLite engine has schema-engine.test.ts.
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, dropDatabase } from "../setup/postgres.ts";
import { onPostgres } from "./support/database.ts";
import { ok, scratchProject, STEP_TIMEOUT } from "./support/prisma-cli.ts";

const run = `${process.pid}_${Date.now()}`;
const DEV = `engine_dev_${run}`;
const FRESH = `engine_fresh_${run}`;

const work = mkdtempSync(path.join(os.tmpdir(), "candor-schema-engine-pg-"));
const project = scratchProject(work, "postgresql");
const { schemaFile, migrationsDir } = project;
const migrations = () => project.migrations();

// A function body between $$ … $$ holds semicolons: the script must reach PostgreSQL whole.
const TRIGGER_SQL = `
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only; no %', TG_OP;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
`;

/** The CLI on the scratch database `database`. */
function prisma(args: string[], database: string) {
  return project.prisma(args, databaseUrl(database));
}

/** What a database holds, read with pg rather than through Prisma. */
async function inspect(database: string) {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const column = async (sql: string) => (await client.query<{ name: string }>(sql)).rows.map((row) => row.name);
    const tables = await column(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    const userColumns = await column(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'User' ORDER BY 1",
    );
    const triggers = await column("SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1");
    const applied = tables.includes("_prisma_migrations")
      ? await column("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1")
      : [];
    return { tables, userColumns, triggers, applied };
  } finally {
    await client.end();
  }
}

/** Databases on the server whose names start with `prefix` (the engine's throwaway shadows). */
async function databasesNamed(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}%`,
    ]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe.skipIf(!onPostgres)("the offline schema engine on PostgreSQL", { timeout: 10 * STEP_TIMEOUT }, () => {
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await Promise.all([dropDatabase(DEV), dropDatabase(FRESH)]);
  });

  it("migrate dev creates the database, writes the first migration and applies it", async () => {
    ok(prisma(["migrate", "dev", "--name", "init"], DEV));
    expect(migrations()).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
    const db = await inspect(DEV);
    expect(db.tables).toEqual(expect.arrayContaining(["Team", "User", "AuditEvent", "_prisma_migrations"]));
    expect(db.applied).toEqual(migrations());
  });

  it("migrate dev turns a schema change into a second migration, through a shadow database it drops again", async () => {
    project.addNickname();
    ok(prisma(["migrate", "dev", "--name", "second"], DEV));
    expect(migrations()).toEqual([expect.stringMatching(/_init$/), expect.stringMatching(/_second$/)]);
    expect((await inspect(DEV)).userColumns).toContain("nickname");
    expect(await databasesNamed("prisma_migrate_shadow_db_")).toEqual([]);
  });

  it("applies a hand-written migration whose plpgsql body holds semicolons, and replays it on the shadow", async () => {
    ok(prisma(["migrate", "dev", "--name", "append_only", "--create-only"], DEV));
    const third = migrations().find((name) => name.endsWith("_append_only")) ?? "";
    appendFileSync(path.join(migrationsDir, third, "migration.sql"), TRIGGER_SQL);
    ok(prisma(["migrate", "dev"], DEV));
    expect((await inspect(DEV)).triggers).toEqual(["AuditEvent_append_only"]);
    const again = ok(prisma(["migrate", "dev", "--name", "noop"], DEV));
    expect(again.output).toMatch(/in sync/);
    expect(migrations()).toHaveLength(3);
  });

  it("migrate deploy applies every migration to a fresh database", async () => {
    ok(prisma(["migrate", "deploy"], FRESH));
    const db = await inspect(FRESH);
    expect(db.applied).toEqual(migrations());
    expect(db.userColumns).toContain("nickname");
    expect(db.triggers).toEqual(["AuditEvent_append_only"]);
    expect(ok(prisma(["migrate", "status"], FRESH)).output).toMatch(/Database schema is up to date!/);
  });

  // The Wasm engine reads the server's version through DATABASE_URL, so on PostgreSQL `migrate
  // diff` needs that database to exist (ADR 023); it only reads.
  it("migrate diff prints PostgreSQL's SQL and changes nothing in the database", async () => {
    const before = await inspect(FRESH);
    const result = ok(prisma(["migrate", "diff", "--from-empty", "--to-schema", schemaFile, "--script"], FRESH));
    expect(result.stdout).toMatch(/CREATE TABLE "User"/);
    expect(result.stdout).toMatch(/SERIAL/);
    expect(await inspect(FRESH)).toEqual(before);
  });
});
