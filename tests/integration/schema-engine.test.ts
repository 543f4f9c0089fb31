// The offline schema engine (prisma/engine/schema-engine.mjs, ADR 001) driven
// through the real Prisma CLI, in a scratch project, the way developers and CI
// use it. Every step spawns the CLI, which spawns the engine: slow but real.
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { onPostgres } from "./support/database.ts";
import { ok, scratchProject, STEP_TIMEOUT } from "./support/prisma-cli.ts";

const work = mkdtempSync(path.join(os.tmpdir(), "candor-schema-engine-"));
const project = scratchProject(work, "sqlite");
const { schemaFile, migrationsDir } = project;
const migrations = () => project.migrations();
const devDb = path.join(work, "dev.db");

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The CLI on the SQLite file `databaseFile`. */
function prisma(args: string[], databaseFile: string) {
  return project.prisma(args, `file:${databaseFile}`);
}

/** What the database holds, read with better-sqlite3 rather than through Prisma. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ type: string; name: string }>;
    const names = (type: string) => objects.filter((o) => o.type === type).map((o) => o.name);
    const tables = names("table");
    const columns = Object.fromEntries(
      tables.map((table) => [
        table,
        (db.prepare("SELECT name FROM pragma_table_info(?)").all(table) as Array<{ name: string }>).map((c) => c.name),
      ]),
    );
    const applied = tables.includes("_prisma_migrations")
      ? (
          db
            .prepare(
              "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
            )
            .all() as Array<{ migration_name: string }>
        ).map((m) => m.migration_name)
      : [];
    return { tables, views: names("view"), triggers: names("trigger"), columns, applied };
  } finally {
    db.close();
  }
}

const TRIGGER_SQL = `
-- Semicolons inside BEGIN…END must not split the statement.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only; no UPDATE');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only; no DELETE');
END;
`;

// SQLite's engine, whichever project runs the file; PostgreSQL's: schema-engine-postgres.test.ts.
describe.skipIf(onPostgres)("the offline schema engine behind the Prisma CLI", { timeout: 10 * STEP_TIMEOUT }, () => {
  it("reports its version as the native engine would", () => {
    const run = ok(prisma(["--version"], devDb));
    expect(run.stdout).toMatch(/Schema Engine\s*:\s*schema-engine-cli [0-9a-f]{40}/);
  });

  it("migrate dev --name init creates and applies the first migration on an empty database", () => {
    ok(prisma(["migrate", "dev", "--name", "init"], devDb));
    expect(migrations()).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
    const db = inspect(devDb);
    expect(db.tables).toEqual(expect.arrayContaining(["Team", "User", "AuditEvent", "_prisma_migrations"]));
    expect(db.applied).toEqual(migrations());
  });

  it("migrate dev --name second turns a schema change into a second migration and applies it", () => {
    project.addNickname();
    ok(prisma(["migrate", "dev", "--name", "second"], devDb));
    expect(migrations()).toEqual([expect.stringMatching(/_init$/), expect.stringMatching(/_second$/)]);
    const db = inspect(devDb);
    expect(db.columns.User).toContain("nickname");
    expect(db.applied).toEqual(migrations());
  });

  it("applies a hand-written migration with multi-statement triggers, and replays it on the shadow database", () => {
    ok(prisma(["migrate", "dev", "--name", "append_only", "--create-only"], devDb));
    const third = migrations().find((name) => name.endsWith("_append_only"));
    expect(third, "the --create-only migration").toBeDefined();
    appendFileSync(path.join(migrationsDir, third ?? "", "migration.sql"), TRIGGER_SQL);

    // Applies the pending migration, then evaluates the schema against it.
    ok(prisma(["migrate", "dev"], devDb));
    expect(inspect(devDb).triggers).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
    // Nothing left to do: replays the whole history on the shadow database.
    const again = ok(prisma(["migrate", "dev", "--name", "noop"], devDb));
    expect(again.output).toMatch(/in sync/);
    expect(migrations()).toHaveLength(3);
  });

  it("migrate status reports the database up to date", () => {
    const run = ok(prisma(["migrate", "status"], devDb));
    expect(run.output).toMatch(/Database schema is up to date!/);
  });

  const freshDb = path.join(work, "fresh/deploy.db");

  it("migrate deploy applies every migration to a fresh database", () => {
    ok(prisma(["migrate", "deploy"], freshDb));
    const db = inspect(freshDb);
    expect(db.applied).toEqual(migrations());
    expect(db.columns.User).toContain("nickname");
    expect(db.triggers).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
  });

  function resetAndExpectEmptyThenMigrated(setupSql: string) {
    const db = new Database(freshDb);
    db.exec(setupSql);
    db.close();

    ok(prisma(["migrate", "reset", "--force"], freshDb));

    const after = inspect(freshDb);
    expect(after.tables).toEqual(["AuditEvent", "Team", "User", "_prisma_migrations"]);
    expect(after.views).toEqual([]);
    expect(after.triggers).toEqual(["AuditEvent_no_delete", "AuditEvent_no_update"]);
    expect(after.applied).toEqual(migrations());
    const check = new Database(freshDb, { readonly: true });
    try {
      for (const table of ["Team", "User", "AuditEvent"]) {
        expect(check.prepare(`SELECT count(*) AS n FROM "${table}"`).get(), table).toEqual({ n: 0 });
      }
    } finally {
      check.close();
    }
  }

  // The Wasm engine's own reset only DELETEs rows and keeps the tables, so the
  // re-applied migrations would fail on "table already exists".
  it("migrate reset --force drops every table, then re-applies the migrations", () => {
    resetAndExpectEmptyThenMigrated(`
      INSERT INTO "Team" ("name") VALUES ('Red');
      INSERT INTO "User" ("email", "teamId") VALUES ('a@example.com', 1);
      CREATE TABLE "Stray" ("x" INTEGER);
      INSERT INTO "Stray" VALUES (1);`);
  });

  it("migrate reset --force also drops views and rows that triggers protect", () => {
    resetAndExpectEmptyThenMigrated(`
      INSERT INTO "AuditEvent" ("action") VALUES ('append-only');
      CREATE VIEW "TeamNames" AS SELECT "name" FROM "Team";`);
  });

  it("migrate diff prints SQL without touching the database", () => {
    const untouched = path.join(work, "never/created.db");
    const run = ok(prisma(["migrate", "diff", "--from-empty", "--to-schema", schemaFile, "--script"], untouched));
    expect(run.stdout).toMatch(/CREATE TABLE "User"/);
    expect(existsSync(untouched)).toBe(false);
  });

  const pushedDb = path.join(work, "push/push.db");

  it("db push creates the schema on a fresh database", () => {
    ok(prisma(["db", "push"], pushedDb));
    expect(inspect(pushedDb).columns.User?.sort()).toEqual(["email", "id", "nickname", "teamId"]);
  });

  it("leaves an unmigrated database alone until it is baselined with migrate resolve", () => {
    const deploy = prisma(["migrate", "deploy"], pushedDb);
    expect(deploy.status, deploy.output).not.toBe(0);
    expect(deploy.output).toMatch(/P3005/);
    const status = prisma(["migrate", "status"], pushedDb);
    expect(status.status, status.output).toBe(1);
    expect(status.output).toMatch(/not yet been applied/);
    expect(inspect(pushedDb).tables).not.toContain("_prisma_migrations");

    for (const migration of migrations()) ok(prisma(["migrate", "resolve", "--applied", migration], pushedDb));
    expect(ok(prisma(["migrate", "status"], pushedDb)).output).toMatch(/Database schema is up to date!/);
  });
});
