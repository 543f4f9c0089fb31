import Database from "better-sqlite3";

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

export class SqliteWriter {
  private readonly statements = new Map<string, { columns: string[]; statement: Database.Statement }>();
  readonly counts = new Map<string, number>();

  constructor(private readonly db: Database.Database) {}

  /** The migrated database file at `path`, set up for one bulk load (no fsync until `finish`). */
  static open(path: string): SqliteWriter {
    const db = new Database(path, { fileMustExist: true });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    return new SqliteWriter(db);
  }

  /** Rows must all have the first row's columns (the seed's rows are complete Prisma models). */
  insert(table: string, rows: readonly Readonly<Record<string, unknown>>[]): void {
    const first = rows[0];
    if (first === undefined) return;
    let entry = this.statements.get(table);
    if (entry === undefined) {
      const columns = Object.keys(first);
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
      entry = { columns, statement: this.db.prepare(sql) };
      this.statements.set(table, entry);
    }
    const { columns, statement } = entry;
    for (const row of rows) statement.run(columns.map((column) => toSqlite(row[column])));
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
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
