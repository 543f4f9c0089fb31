import Database from "better-sqlite3";
import { RowWriter, insertInto, type Row } from "./row-writer.ts";

// The scale seed writes straight to SQLite with prepared statements, in exactly the format the
// Prisma client and its better-sqlite3 adapter use (checked by writing a row through Prisma to
// a scratch database and reading it back raw):
//   DateTime  TEXT, ISO 8601 with "+00:00" instead of "Z" ("2026-11-26T09:30:00.000+00:00");
//             the adapter compares dates as text, so the exact shape matters.
//   Boolean   INTEGER 1 / 0
//   enums     TEXT, the enum value
//   ids       TEXT (cuid-shaped; the seed makes its own, deterministically)
// seed/write-postgres.ts is the same writer for PostgreSQL.

export type SqlValue = string | number | bigint | null;

export function toSqlite(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  throw new TypeError(`cannot store ${typeof value} in SQLite`);
}

export class SqliteWriter extends RowWriter {
  private readonly statements = new Map<string, { columns: string[]; statement: Database.Statement }>();

  constructor(private readonly db: Database.Database) {
    super();
  }

  /** The migrated database file at `path`, set up for one bulk load (no fsync until `finish`). */
  static open(path: string): SqliteWriter {
    const db = new Database(path, { fileMustExist: true });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    return new SqliteWriter(db);
  }

  /** Each table's statement is prepared once, for the columns of the first row it was given. */
  protected write(table: string, firstColumns: string[], rows: readonly Row[]): void {
    let entry = this.statements.get(table);
    if (entry === undefined) {
      const sql = `${insertInto(table, firstColumns)} VALUES (${firstColumns.map(() => "?").join(", ")})`;
      entry = { columns: firstColumns, statement: this.db.prepare(sql) };
      this.statements.set(table, entry);
    }
    const { columns, statement } = entry;
    for (const row of rows) statement.run(columns.map((column) => toSqlite(row[column])));
  }

  /** Runs `work`'s inserts as one transaction (asynchronous only to share PostgresWriter's shape). */
  async transaction(work: () => void): Promise<void> {
    this.db.transaction(work)();
  }

  /** Statements without parameters, as one transaction. */
  async execute(statements: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const statement of statements) this.db.exec(statement);
    })();
  }

  /** Durable again, and the WAL folded into the file, before a server opens it. */
  async finish(): Promise<void> {
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
