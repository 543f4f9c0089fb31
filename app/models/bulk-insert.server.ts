import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";

// Imports write thousands of rows in one transaction. Prisma's createMany costs about half a
// millisecond a row on SQLite here (10,000 deals with their audit rows took ~20 s); one
// multi-row INSERT per 500 rows, with every value bound, takes a fraction of that.

export type Cell = string | number | null | Date;

const ROWS_PER_STATEMENT = 500;

/** Inserts rows into one of our tables; the table and column names are ours, the values are bound. */
export async function bulkInsert(
  tx: Tx,
  table: "Account" | "Deal" | "Survey" | "AuditEvent" | "ConversationSentence",
  columns: readonly string[],
  rows: readonly Cell[][],
) {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((row) => Prisma.sql`(${Prisma.join(row.map((cell) => (cell instanceof Date ? sql.date(cell) : cell)))})`);
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}

/**
 * Makes taking the write lock the transaction's first statement (sql.writeLock). On SQLite the
 * adapter begins transactions DEFERRED; one that reads first and writes later can fail at once
 * with SQLITE_BUSY when another connection wrote meanwhile, and a write that changes nothing
 * takes the lock (waiting for it under busy_timeout). On PostgreSQL it is a transaction-level
 * advisory lock on one constant: every transaction that calls this waits for the one holding
 * it, so these writers run one at a time, as on SQLite. Either way everything read afterwards
 * stays true until the commit.
 */
export async function takeWriteLock(tx: Tx) {
  await tx.$executeRaw`${sql.writeLock}`;
}
