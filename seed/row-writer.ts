// What the scale seed's two writers share (seed/write-sqlite.ts, seed/write-postgres.ts): rows
// arrive a table at a time, all with the first row's columns (the seed's rows are complete Prisma
// models), and are counted per table for the summary.

export type Row = Readonly<Record<string, unknown>>;

export abstract class RowWriter {
  readonly counts = new Map<string, number>();

  insert(table: string, rows: readonly Row[]): void {
    const first = rows[0];
    if (first === undefined) return;
    this.write(table, Object.keys(first), rows);
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
  }

  /** Writes `rows` (or keeps them for their transaction); `columns` are the first row's. */
  protected abstract write(table: string, columns: string[], rows: readonly Row[]): void;
}

/** `INSERT INTO "table" ("a", "b")`, as both databases read it. */
export function insertInto(table: string, columns: readonly string[]): string {
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})`;
}
