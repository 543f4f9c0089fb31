import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../lib/db.server.ts";

// Imports write thousands of rows in one transaction. Prisma's createMany costs about half a
// millisecond a row on SQLite here (10,000 deals with their audit rows took ~20 s); one
// multi-row INSERT per 500 rows, with every value bound, takes a fraction of that.

export type Cell = string | number | null | Date;

/** DateTime as Prisma stores it in SQLite: ISO 8601 text with "+00:00" for UTC. */
export function sqliteDateTime(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}

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
      .map(
        (row) => Prisma.sql`(${Prisma.join(row.map((cell) => (cell instanceof Date ? sqliteDateTime(cell) : cell)))})`,
      );
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}

/**
 * Makes a write the transaction's first statement. The adapter begins transactions DEFERRED; one
 * that reads first and writes later can fail at once with SQLITE_BUSY when another connection
 * wrote meanwhile. A write that changes nothing still takes the write lock (waiting for it under
 * busy_timeout), so everything read afterwards stays true until the commit.
 */
export async function takeWriteLock(tx: Tx) {
  await tx.$executeRaw`UPDATE "Deal" SET "externalId" = "externalId" WHERE 0`;
}
