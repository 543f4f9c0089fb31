// The SQL behind the claims table (app/models/claims-table.server.ts) on 200,000 claims.
//
// SQLite picks one index per table and, without statistics, guesses badly when two filters
// each match tens of thousands of claims: counting "status = INACCURATE among a manager's
// 100 salespeople" through one index looks up ~25,000 table rows (~80 ms). Every Claim index
// ends in madeAt and (implicitly) rowid, so a filter on an indexed column can instead be read
// from its index alone: the outer query scans one index, and each other indexed filter becomes
// `rowid IN (SELECT rowid … that filter's index)`, a membership test that never touches the
// table (~6 ms for the same count). Which shape is cheaper depends on how many claims each
// filter matches, so those counts are taken first (each one a covering-index count) and the
// plan is chosen from them. The unary `+` on a column or on rowid stops SQLite from driving
// the query from that term, which is how the chosen outer index is enforced without naming
// indexes. Ties on madeAt are broken by rowid, which every index carries, so a page never
// needs the table rows it skips.
//
// PostgreSQL has no rowid and no unary `+`: sql.rowKey is the primary key there (unique, so
// ties on madeAt still fall in one fixed order, though not insertion order), and sql.noIndex
// leaves the term as it is, since PostgreSQL's planner chooses by cost from its own statistics.
// The plans below are then merely equivalent rewrites of the same selection.
import { Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import { rowDate, sql, type EnumType } from "../lib/sql-dialect.server.ts";
import { countAllClaims } from "./rollups.server.ts";

/** The filterable Claim columns; each has an index on [column, madeAt] (prisma/schema.prisma). */
export type ClaimColumn =
  | "salespersonId"
  | "status"
  | "productId"
  | "capabilityId"
  | "matrixCheck"
  | "channel"
  | "severity"
  | "source"
  | "dispute";

/** The enum type of each enum column, whose bound values PostgreSQL needs cast (sql.enumValue). */
const ENUM_TYPE: Partial<Record<ClaimColumn, EnumType>> = {
  status: "ClaimStatus",
  matrixCheck: "MatrixCheck",
  channel: "Channel",
  severity: "Severity",
  source: "ClaimSource",
};

const INDEXED: ReadonlySet<ClaimColumn> = new Set<ClaimColumn>([
  "salespersonId",
  "status",
  "productId",
  "capabilityId",
  "matrixCheck",
  "channel",
  "severity",
  "source",
]);

/** Pairs of filter columns with one index on both, then madeAt (prisma/schema.prisma). */
const PAIRED: ReadonlyArray<readonly [ClaimColumn, ClaimColumn]> = [
  ["status", "salespersonId"],
  ["productId", "matrixCheck"],
];

/**
 * `column IN values`; a null value (severity only) means IS NULL. "dispute" is not a Claim
 * column but the claim's ClaimDispute row: "OPEN" for one awaiting a decision, "ANY" for any.
 * Disputes are few, so it is never planned as an index scan: the claim id's unique index
 * answers it from the dispute rows.
 */
export interface Term {
  column: ClaimColumn;
  values: ReadonlyArray<string | null>;
}

export interface ClaimSelection {
  terms: Term[];
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  before?: Date;
}

export type Dir = "asc" | "desc";

export interface RowKey {
  /** sql.rowKey: SQLite's rowid, PostgreSQL's primary key. */
  rid: number | string;
  madeAt: Date;
}

/** A raw row key as RowKey holds it (SQLite may answer a rowid as a bigint). */
export const toRid = (value: unknown): number | string =>
  typeof value === "bigint" || typeof value === "number" ? Number(value) : String(value);

// Relative costs per claim, measured on the scale database (data/scale.db): looking up a table
// row, adding an index entry to a rowid list, and reading an index entry while scanning.
const LOOKUP_COST = 12;
const LIST_ENTRY_COST = 1;
const SCAN_COST = 0.3;
// Driving from a filter this small and reading its table rows is always cheap (a few ms), so
// sizes are first counted only up to here, and counted in full only when every filter is larger.
const FEW = 2_000;

type Sql = Prisma.Sql;

function termSql(term: Term, drive: boolean): Sql {
  if (term.column === "dispute") {
    return term.values.includes("OPEN")
      ? Prisma.sql`"id" IN (SELECT "claimId" FROM "ClaimDispute" WHERE "status" = 'OPEN')`
      : Prisma.sql`"id" IN (SELECT "claimId" FROM "ClaimDispute")`;
  }
  const column = Prisma.raw(drive ? `"${term.column}"` : sql.noIndex(`"${term.column}"`));
  if (term.values.includes(null)) return Prisma.sql`${column} IS NULL`;
  const type = ENUM_TYPE[term.column];
  const values = term.values.map((value) => (type ? sql.enumValue(type, value ?? "") : Prisma.sql`${value}`));
  if (values.length === 1) return Prisma.sql`${column} = ${values[0]}`;
  return Prisma.sql`${column} IN (${Prisma.join(values)})`;
}

function rangeSql(selection: ClaimSelection): Sql[] {
  const parts: Sql[] = [];
  if (selection.from) parts.push(Prisma.sql`"madeAt" >= ${selection.from}`);
  if (selection.before) parts.push(Prisma.sql`"madeAt" < ${selection.before}`);
  return parts;
}

function listSql(term: Term, selection: ClaimSelection): Sql {
  const where = Prisma.join([termSql(term, true), ...rangeSql(selection)], " AND ");
  return Prisma.sql`${Prisma.raw(sql.noIndex(sql.rowKey()))} IN (SELECT ${Prisma.raw(sql.rowKey())} FROM "Claim" WHERE ${where})`;
}

const isIndexed = (term: Term) => INDEXED.has(term.column);
const termKey = (term: Term | null, selection: ClaimSelection) =>
  JSON.stringify([
    term?.column ?? null,
    term?.values ?? null,
    selection.from?.toISOString() ?? null,
    selection.before?.toISOString() ?? null,
  ]);

/**
 * How the outer query reads the filters: which term drives it, which become rowid lists, and
 * which one (`with`) SQLite may seek together with the driver through a two-column index.
 */
interface Plan {
  drive: Term | null;
  lists: Term[];
  with?: Term;
}

/**
 * One request's queries over one selection of claims. It remembers how many claims each
 * indexed filter matches, so the page, the count and the export batches plan from the same
 * figures without counting twice.
 */
export class ClaimQuery {
  private readonly sizes = new Map<string, Promise<number>>();
  private readonly few: number;

  /** `options.few` replaces FEW: tests set 0 to reach the cost-based plans on the small demo data. */
  constructor(
    readonly selection: ClaimSelection,
    options: { few?: number } = {},
  ) {
    this.few = options.few ?? FEW;
  }

  /** Claims matching one filter (or, for null, the date range alone): a covering-index count. */
  private size(term: Term | null, cap?: number): Promise<number> {
    const key = `${termKey(term, this.selection)}/${cap ?? "all"}`;
    let size = this.sizes.get(key);
    if (!size && term === null && !cap && !this.selection.from && !this.selection.before) {
      size = countAllClaims(prisma);
      this.sizes.set(key, size);
    }
    if (!size) {
      const parts = [...(term ? [termSql(term, true)] : []), ...rangeSql(this.selection)];
      const where = parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
      const rows = cap
        ? prisma.$queryRaw<
            Array<{ n: number | bigint }>
          >`SELECT count(*) AS "n" FROM (SELECT 1 FROM "Claim" ${where} LIMIT ${cap}) AS capped`
        : prisma.$queryRaw<Array<{ n: number | bigint }>>`SELECT count(*) AS "n" FROM "Claim" ${where}`;
      size = rows.then((result) => Number(result[0]?.n ?? 0));
      this.sizes.set(key, size);
    }
    return size;
  }

  private async sized(terms: Term[], cap?: number): Promise<Array<{ term: Term; size: number }>> {
    const sizes = await Promise.all(terms.map((term) => this.size(term, cap)));
    return terms.map((term, index) => ({ term, size: sizes[index] ?? 0 })).sort((a, b) => a.size - b.size);
  }

  /**
   * Chooses how the outer query reads the filters, from how many claims each one matches:
   * drive from one filter's index and read table rows for the rest; or drive from one index
   * (the largest filter, or `prefer`'s) and test the other indexed filters against rowid lists;
   * or, for a GROUP BY on an indexed column no filter names, scan that column's index with every
   * filter as a list. `reach` is the share of the matching claims the query must read: 1 for a
   * count, (skip + take) / expected for a page, which stops once it has its rows. A driving
   * filter on one value yields claims in madeAt order and can stop early; one on n values
   * (a team's salespeople) reads up to n times as far.
   */
  private async plan(terms: Term[], reach: number, prefer?: ClaimColumn): Promise<Plan> {
    const indexed = terms.filter(isIndexed);
    const residual = terms.filter((term) => !isIndexed(term));
    const groupsByResidual = prefer !== undefined && !INDEXED.has(prefer);
    const preferScan = prefer !== undefined && INDEXED.has(prefer) && !indexed.some((term) => term.column === prefer);
    if (indexed.length === 0 && !preferScan) return { drive: null, lists: [] };
    if (indexed.length === 1 && residual.length === 0 && !preferScan) return { drive: indexed[0] ?? null, lists: [] };
    // Two filters with an index on both (a manager's "inaccurate" view, a product's claims that
    // overstate the matrix): each pair of values is one range of it and nothing else is read.
    // A page reads it in madeAt order only with one value each; otherwise by the plans below.
    const pair = PAIRED.find(
      ([a, b]) =>
        indexed.length === 2 && indexed.some((term) => term.column === a) && indexed.some((term) => term.column === b),
    );
    if (
      pair &&
      residual.length === 0 &&
      prefer === undefined &&
      (reach === 1 || indexed.every((term) => term.values.length === 1))
    ) {
      const [first, second] = pair.map((column) => indexed.find((term) => term.column === column));
      if (first && second) return { drive: first, lists: [], with: second };
    }
    const [smallest] = await this.sized(indexed, this.few + 1);
    if (smallest && smallest.size <= this.few) return { drive: smallest.term, lists: [] };
    const needsTotal = preferScan || residual.length > 0 || groupsByResidual;
    const [sized, total] = await Promise.all([this.sized(indexed), needsTotal ? this.size(null) : Promise.resolve(0)]);
    const read = (entry: { term: Term; size: number }) => entry.size * Math.min(1, reach * entry.term.values.length);
    // Claims that pass every indexed filter (assuming independence) still need their table row
    // when a filter or the grouping is on a column without an index.
    const survivors = sized.reduce((product, entry) => product * (entry.size / Math.max(total, 1)), total);
    const residualCost = residual.length > 0 || groupsByResidual ? survivors * reach * LOOKUP_COST : 0;
    const candidates: Array<{ plan: Plan; cost: number }> = [];

    for (const entry of sized) {
      const othersNeedRows = terms.length > 1 || (prefer !== undefined && prefer !== entry.term.column);
      candidates.push({
        plan: { drive: entry.term, lists: [] },
        cost: read(entry) * (othersNeedRows ? LOOKUP_COST : SCAN_COST),
      });
    }
    const driver = sized.find((entry) => entry.term.column === prefer) ?? sized[sized.length - 1];
    if (driver && sized.length > 1) {
      const lists = sized.filter((entry) => entry !== driver);
      const cost =
        lists.reduce((sum, entry) => sum + entry.size * LIST_ENTRY_COST, 0) + read(driver) * SCAN_COST + residualCost;
      candidates.push({ plan: { drive: driver.term, lists: lists.map((entry) => entry.term) }, cost });
    }
    if (preferScan) {
      const cost =
        sized.reduce((sum, entry) => sum + entry.size * LIST_ENTRY_COST, 0) + total * SCAN_COST + residualCost;
      candidates.push({ plan: { drive: null, lists: sized.map((entry) => entry.term) }, cost });
    }
    candidates.sort((a, b) => a.cost - b.cost);
    return candidates[0]?.plan ?? { drive: null, lists: [] };
  }

  private where(terms: Term[], plan: Plan, extra: Sql[] = []): Sql {
    const parts = terms.map((term) => {
      if (plan.lists.includes(term)) return listSql(term, this.selection);
      return termSql(term, term === plan.drive || term === plan.with);
    });
    const all = [...parts, ...rangeSql(this.selection), ...extra];
    return all.length ? Prisma.sql`WHERE ${Prisma.join(all, " AND ")}` : Prisma.empty;
  }

  /** How many claims the selection (narrowed by `segment`) holds. */
  async count(segment?: Term): Promise<number> {
    const terms = segment ? [...this.selection.terms, segment] : this.selection.terms;
    // Every claim: the rollups' count (ADR 019) rather than a pass over the whole table.
    if (terms.length === 0) return this.size(null);
    const plan = await this.plan(terms, 1);
    const rows = await prisma.$queryRaw<
      Array<{ n: number | bigint }>
    >`SELECT count(*) AS "n" FROM "Claim" ${this.where(terms, plan)}`;
    return Number(rows[0]?.n ?? 0);
  }

  /** Claim counts per value of `column` (severity's null included). */
  async countBy(column: ClaimColumn): Promise<Array<{ value: string | null; count: number }>> {
    const plan = await this.plan(this.selection.terms, 1, column);
    const rows = await prisma.$queryRaw<Array<{ value: string | null; n: number | bigint }>>`
      SELECT ${Prisma.raw(`"${column}"`)} AS "value", count(*) AS "n" FROM "Claim" ${this.where(this.selection.terms, plan)}
      GROUP BY ${Prisma.raw(`"${column}"`)}`;
    return rows.map((row) => ({ value: row.value, count: Number(row.n) }));
  }

  /**
   * Keys of claims in madeAt order (ties by rowid), within `segment` when given: `skip` rows
   * are passed over (a page), or only rows after `after` are read (an export batch).
   * `expected` is how many claims the segment holds, which tells the planner how far the scan goes.
   */
  async keys(options: {
    segment?: Term;
    dir: Dir;
    skip: number;
    take: number;
    after?: RowKey;
    expected: number;
  }): Promise<RowKey[]> {
    const { segment, dir, skip, take, after, expected } = options;
    const terms = segment ? [...this.selection.terms, segment] : this.selection.terms;
    const plan = await this.plan(terms, Math.min(1, (skip + take) / Math.max(expected, 1)), segment?.column);
    const order = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
    const rowKey = Prisma.raw(sql.rowKey());
    const keyset = after
      ? [
          dir === "asc"
            ? Prisma.sql`("madeAt", ${rowKey}) > (${after.madeAt}, ${after.rid})`
            : Prisma.sql`("madeAt", ${rowKey}) < (${after.madeAt}, ${after.rid})`,
        ]
      : [];
    const rows = await prisma.$queryRaw<Array<{ rid: number | bigint | string; madeAt: Date | string }>>`
      SELECT ${rowKey} AS "rid", "madeAt" AS "madeAt" FROM "Claim" ${this.where(terms, plan, keyset)}
      ORDER BY "madeAt" ${order}, ${rowKey} ${order} LIMIT ${take} OFFSET ${skip}`;
    return rows.map((row) => ({
      rid: toRid(row.rid),
      madeAt: rowDate(row.madeAt),
    }));
  }
}
