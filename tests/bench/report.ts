// The benchmark's arithmetic and its tables, pure so they are unit-tested
// (tests/integration/bench-report.test.ts): reading the query log, binding its arguments as the
// better-sqlite3 adapter does, percentiles, the page ÷ (healthz + SQL floor) ratio and the
// growth between two sizes of the scale data.

/** One statement of a page, as app/lib/query-log.server.ts writes it. */
export interface RecordedStatement {
  kind: "query" | "execute";
  sql: string;
  args: unknown[];
  argTypes: Array<{ scalarType: string; arity?: string }>;
  ms: number;
}

/** The statements the request `requestId` ran, in order; lines of other requests or torn lines are skipped. */
export function statementsOf(log: string, requestId: string): RecordedStatement[] {
  const statements: RecordedStatement[] = [];
  for (const line of log.split("\n")) {
    if (!line.includes(requestId)) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof entry !== "object" || entry === null) continue;
    const { requestId: id, kind, sql, args, argTypes, ms } = entry as Record<string, unknown>;
    if (
      id !== requestId ||
      (kind !== "query" && kind !== "execute") ||
      typeof sql !== "string" ||
      !Array.isArray(args) ||
      !Array.isArray(argTypes)
    )
      continue;
    statements.push({
      kind,
      sql,
      args,
      argTypes: argTypes as RecordedStatement["argTypes"],
      ms: typeof ms === "number" ? ms : 0,
    });
  }
  return statements;
}

/**
 * Transaction control the replay leaves out: it runs a page's statements inside one transaction
 * of its own and rolls it back, so the scale data is the same before and after.
 */
export function isTransactionControl(sql: string): boolean {
  return /^\s*(BEGIN|COMMIT|ROLLBACK|END)\b/i.test(sql) && !/^\s*ROLLBACK\s+TO\b/i.test(sql);
}

export type SqliteValue = string | number | bigint | Buffer | null;

/**
 * An argument as @prisma/adapter-better-sqlite3 7.10 binds it (its mapArg, with the default
 * iso8601 timestamps): numbers that arrive as strings are parsed, booleans become 1/0, dates
 * "…+00:00" text, bytes a Buffer.
 */
export function sqliteArg(arg: unknown, scalarType: string | undefined): SqliteValue {
  if (arg === null || arg === undefined) return null;
  if (typeof arg === "string") {
    if (scalarType === "int") return Number.parseInt(arg, 10);
    if (scalarType === "float" || scalarType === "decimal") return Number.parseFloat(arg);
    if (scalarType === "bigint") return BigInt(arg);
    if (scalarType === "datetime") return new Date(arg).toISOString().replace("Z", "+00:00");
    if (scalarType === "bytes") return Buffer.from(arg, "base64");
    return arg;
  }
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (typeof arg === "number" || typeof arg === "bigint") return arg;
  // JSON values the adapter would receive as strings already; anything else is bound as its JSON.
  return JSON.stringify(arg);
}

export function sqliteArgs(statement: Pick<RecordedStatement, "args" | "argTypes">): SqliteValue[] {
  return statement.args.map((arg, index) => sqliteArg(arg, statement.argTypes[index]?.scalarType));
}

/** The value at percentile `p` (0–100) of ascending `sorted`, nearest-rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * How many times its irreducible cost a page takes: its median ÷ (the trivial route's median +
 * the median time of its own SQL replayed on its database). 1 would be a page that costs
 * nothing beyond HTTP, the framework and its queries; null when there is nothing to divide by.
 */
export function pageRatio(pageMedianMs: number, healthzMedianMs: number, sqlFloorMs: number): number | null {
  const floor = healthzMedianMs + sqlFloorMs;
  if (!(floor > 0) || !Number.isFinite(pageMedianMs)) return null;
  return pageMedianMs / floor;
}

export interface SizedResult {
  name: string;
  medianMs: number;
  sqlFloorMs: number | null;
}

export interface GrowthRow {
  name: string;
  small: number;
  large: number;
  /** large ÷ small of the median; null when a size lacks the case. */
  growth: number | null;
  floorSmall: number | null;
  floorLarge: number | null;
  floorGrowth: number | null;
}

/** The growth of each case's median (and SQL floor) from the smaller scale data to the larger. */
export function growthRows(small: readonly SizedResult[], large: readonly SizedResult[]): GrowthRow[] {
  const byName = new Map(large.map((result) => [result.name, result]));
  return small.flatMap((before) => {
    const after = byName.get(before.name);
    if (!after) return [];
    const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && a > 0 ? b / a : null);
    return [
      {
        name: before.name,
        small: before.medianMs,
        large: after.medianMs,
        growth: ratio(before.medianMs, after.medianMs),
        floorSmall: before.sqlFloorMs,
        floorLarge: after.sqlFloorMs,
        floorGrowth: ratio(before.sqlFloorMs, after.sqlFloorMs),
      },
    ];
  });
}

/** "200k" → 200000, "2m" → 2000000, "350000" → 350000; null when it is none of these. */
export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) return null;
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[(match[2] ?? "").toLowerCase()] ?? 1;
  const value = Math.round(Number(match[1]) * factor);
  return value > 0 ? value : null;
}

export function sizeLabel(claims: number): string {
  if (claims % 1_000_000 === 0) return `${claims / 1_000_000}M`;
  if (claims % 1_000 === 0) return `${claims / 1_000}k`;
  return String(claims);
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? "-" : value.toFixed(digits);
