import Database from "better-sqlite3";
import pg from "pg";
import { dialectOf } from "../app/lib/database-url.ts";

// `--force` empties every data table (never _prisma_migrations). AuditEvent refuses DELETE by
// trigger, so its triggers are dropped for the wipe and recreated from their own stored SQL, all
// in one transaction: either the database is empty and guarded again, or nothing changed.

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Users in the database; throws a plain message when it is missing or not migrated. */
export async function countUsers(url: string): Promise<number> {
  if (dialectOf(url) === "postgres") return countPostgresUsers(url);
  let db: Database.Database;
  try {
    db = new Database(sqlitePath(url), { fileMustExist: true });
  } catch {
    throw new Error(`No database at ${url}. Create it with the migrations first (npx prisma migrate deploy).`);
  }
  try {
    const row: unknown = db.prepare('SELECT COUNT(*) AS n FROM "User"').get();
    return typeof row === "object" && row !== null && "n" in row && typeof row.n === "number" ? row.n : 0;
  } catch {
    throw new Error(
      `The database at ${url} has no User table. Apply the migrations first (npx prisma migrate deploy).`,
    );
  } finally {
    db.close();
  }
}

function rowsOf(db: Database.Database, sql: string): { name: string; sql: string | null }[] {
  const rows: unknown[] = db.prepare(sql).all();
  return rows.flatMap((row) =>
    typeof row === "object" && row !== null && "name" in row && typeof row.name === "string"
      ? [{ name: row.name, sql: "sql" in row && typeof row.sql === "string" ? row.sql : null }]
      : [],
  );
}

export async function wipeDatabase(url: string): Promise<void> {
  if (dialectOf(url) === "postgres") return wipePostgres(url);
  const db = new Database(sqlitePath(url), { fileMustExist: true });
  try {
    const tables = rowsOf(
      db,
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    );
    const triggers = rowsOf(
      db,
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'",
    );
    const hasSequence = rowsOf(db, "SELECT name, sql FROM sqlite_master WHERE name = 'sqlite_sequence'").length > 0;
    db.transaction(() => {
      // Checked at commit, when every table is empty, so the deletion order does not matter.
      db.pragma("defer_foreign_keys = ON");
      for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
      for (const table of tables) db.exec(`DELETE FROM "${table.name}"`);
      if (hasSequence) db.exec("DELETE FROM sqlite_sequence");
      for (const trigger of triggers) if (trigger.sql !== null) db.exec(trigger.sql);
    })();
  } finally {
    db.close();
  }
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach the database at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function countPostgresUsers(url: string): Promise<number> {
  return withPostgres(url, async (client) => {
    try {
      const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "User"');
      return Number(rows[0]?.n ?? 0);
    } catch {
      throw new Error(
        `The database at ${url} has no User table. Apply the migrations first (npx prisma migrate deploy).`,
      );
    }
  });
}

/** PostgreSQL: every data table truncated at once, the audit log's guard off only inside the transaction. */
async function wipePostgres(url: string): Promise<void> {
  await withPostgres(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    const tables = rows.map((row) => `"${row.name.replaceAll('"', '""')}"`).join(", ");
    await client.query("BEGIN");
    try {
      await client.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
      await client.query(`TRUNCATE ${tables}`);
      await client.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}
