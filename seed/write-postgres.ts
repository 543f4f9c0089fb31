import pg from "pg";
import { TABLES } from "./dataset.ts";
import { RowWriter, insertInto, type Row } from "./row-writer.ts";

// The scale seed's writer for PostgreSQL (ADR 023): the same rows as seed/write-sqlite.ts, in the
// values the PostgreSQL schema (prisma/postgresql/schema.prisma) stores and @prisma/adapter-pg
// reads back:
//   DateTime  timestamp(3) without time zone holding UTC: bound as "YYYY-MM-DD HH:MM:SS.mmm" in
//             UTC, as the adapter formats it. A JS Date would be sent in the machine's time zone,
//             whose offset the column would drop.
//   Boolean   boolean: bound as a JS boolean (node-postgres sends true / false)
//   enums     their PostgreSQL enum types: bound as the value's text, which the server reads as
//             the target column's enum type (INSERT parameters take the column's type)
//   Int/Float numbers as they are; String and ids as text
// Rows are kept per table until their transaction ends and then sent as multi-row INSERTs in the
// order of seed/dataset.ts (a table after the tables its foreign keys point to): PostgreSQL checks
// every foreign key when its statement runs, so a claim must not arrive before its survey.

export type PgValue = string | number | boolean | null;

/** Parameters a statement may bind: PostgreSQL's protocol counts them in 16 bits. */
const MAX_PARAMETERS = 65_535;
const MAX_ROWS_PER_STATEMENT = 1_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A DateTime as @prisma/adapter-pg binds it to a timestamp(3) column: UTC, no zone. */
export function postgresTimestamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

export function toPostgres(value: unknown): PgValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return postgresTimestamp(value);
  if (typeof value === "boolean" || typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "bigint") return value.toString();
  throw new TypeError(`cannot store ${typeof value} in PostgreSQL`);
}

const insertionOrder = new Map(TABLES.map(([, table], index) => [table, index]));

export class PostgresWriter extends RowWriter {
  private readonly pending = new Map<string, { columns: string[]; rows: Row[] }>();
  private inTransaction = false;

  private constructor(private readonly client: pg.Client) {
    super();
  }

  static async open(url: string): Promise<PostgresWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresWriter(client);
  }

  /** Kept until the transaction ends, under the columns of the table's first row in it; inside `transaction` only. */
  protected write(table: string, columns: string[], rows: readonly Row[]): void {
    if (!this.inTransaction) throw new Error(`Insert into ${table} outside a transaction`);
    let entry = this.pending.get(table);
    if (entry === undefined) {
      entry = { columns, rows: [] };
      this.pending.set(table, entry);
    }
    for (const row of rows) entry.rows.push(row);
  }

  /** Collects `work`'s rows, then writes them all in one transaction: a failed batch leaves nothing of it. */
  async transaction(work: () => void): Promise<void> {
    this.inTransaction = true;
    try {
      work();
    } finally {
      this.inTransaction = false;
    }
    const tables = [...this.pending.entries()].sort(
      ([a], [b]) => (insertionOrder.get(a) ?? TABLES.length) - (insertionOrder.get(b) ?? TABLES.length),
    );
    this.pending.clear();
    await this.inOneTransaction(async () => {
      for (const [table, { columns, rows }] of tables) await this.send(table, columns, rows);
    });
  }

  /** Statements without parameters, as one transaction. */
  async execute(statements: readonly string[]): Promise<void> {
    await this.inOneTransaction(async () => {
      for (const statement of statements) await this.client.query(statement);
    });
  }

  /**
   * Planner statistics and the visibility map for the freshly loaded tables, as a database that
   * has been in use for a while would have them (autovacuum would get there, minutes later).
   */
  async finish(): Promise<void> {
    await this.client.query("VACUUM ANALYZE");
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private async inOneTransaction(work: () => Promise<void>): Promise<void> {
    await this.client.query("BEGIN");
    try {
      await work();
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  private async send(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void> {
    const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length));
    const head = `${insertInto(table, columns)} VALUES `;
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement);
      const values: PgValue[] = [];
      const tuples = batch.map((row) => {
        const placeholders = columns.map((column) => {
          values.push(toPostgres(row[column]));
          return `$${values.length}`;
        });
        return `(${placeholders.join(", ")})`;
      });
      // Full batches share their text, so the server parses and plans that statement once.
      const name = batch.length === perStatement ? `seed_${table}_${perStatement}` : undefined;
      await this.client.query({ name, text: head + tuples.join(", "), values });
    }
  }
}
