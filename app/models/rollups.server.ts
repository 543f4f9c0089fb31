// The dashboard's rollups (ADR 019): per person and UTC month, the sums the dashboard's figures
// are made of, kept in the same transaction as every write they count and rebuilt from the rows
// on demand. The rules (months, windows, time-to-verdict bins, the median) live in
// app/domain/rollups.ts; this module is their SQL.
//
// Keeping them: a write names the rows it touched (refreshRollups); the (person, month) buckets
// of those rows — before and after the change — are recomputed from the rows themselves with the
// same SELECT the full rebuild runs. A bucket holds a month of one person's rows, so a refresh
// reads a few dozen rows, and incremental upkeep can never drift from the rebuild.
//
// Reading them: a window of time is split into whole months, read from the rollups, and the
// partial months at its ends, read from the rows with the same column expressions
// (sumRollups and friends), so every figure equals the direct SQL over the rows.
import { Prisma } from "../generated/prisma/client.ts";
import {
  monthStart,
  splitByMonths,
  VERDICT_TIME_BINS,
  VERDICT_TIME_EDGES_DAYS,
  type BinPlace,
  type MonthKey,
  type TimeRange,
} from "../domain/rollups.ts";
import type { Db, Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { deliveredYesSql, surveyScoreSql, weightedCreditSql, weightSql } from "./accuracy-sql.server.ts";

/** The app's client or a transaction: both run raw SQL. */
type Client = Db | Tx;

// ---------------------------------------------------------------- columns and families

/** MonthlyRollup's verdict-time columns, bin by bin. */
export const VERDICT_TIME_COLUMNS: readonly string[] = Array.from(
  { length: VERDICT_TIME_BINS },
  (_, bin) => `verdictTime${bin}`,
);

/** MonthlyRollup's figures before the verdict-time bins, in table order. */
const CLAIM_SUM_COLUMNS = ["claims", "pending", "overstated", "judgedWeight", "judgedCredit"] as const;

/** MonthlyRollup's figures after the verdict-time bins, in table order. */
const OTHER_SUM_COLUMNS = [
  "attempts",
  "attemptsPassed",
  "surveys",
  "surveysAnswered",
  "csatSum",
  "csatCount",
  "deliveredCount",
  "deliveredYes",
  "satisfactionSum",
  "satisfactionCount",
  "wonDeals",
  "coveredDeals",
] as const;

/** The figures a window's sums name one by one: every column but the verdict-time bins. */
const SUM_COLUMNS = [...CLAIM_SUM_COLUMNS, ...OTHER_SUM_COLUMNS] as const;

/** MonthlyRollup's figure columns, in table order. */
export const ROLLUP_COLUMNS = [...CLAIM_SUM_COLUMNS, ...VERDICT_TIME_COLUMNS, ...OTHER_SUM_COLUMNS] as const;

type RollupFamily = "claims" | "verdicts" | "attempts" | "surveys" | "deals";

interface Family {
  /** The table with its one-letter alias. */
  table: string;
  /** Whose row it is, and the date that places it in a month. */
  owner: string;
  date: string;
  /** Which rows count at all. */
  where: string;
  /**
   * How a window's partial month is read for a set of people: by "owner" (a seek per person on
   * an index that covers the columns) or by "date" (one range of the date's index, each row's
   * owner checked: no seek per person, and never a person's whole history).
   */
  rangeBy: "owner" | "date";
  /** Whether a bucket's rows are sought by owner and date (an index has both), or by owner alone. */
  bucketBy: "owner and date" | "owner";
  /** The family's columns; every other column is 0 for its rows. */
  columns: Record<string, string>;
}

const countIf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The time to verdict in days, exactly as the dashboard has always measured it. */
const VERDICT_DAYS = sql.daysBetween(`c."createdAt"`, `c."verifiedAt"`);

/**
 * The bin of VERDICT_DAYS (app/domain/rollups.ts verdictTimeBin in SQL), NULL without a verdict;
 * the days are worked out once per claim.
 */
const VERDICT_BIN = `(SELECT CASE WHEN v.days IS NULL THEN NULL ${VERDICT_TIME_EDGES_DAYS.map((edge, bin) => `WHEN v.days < ${String(edge)} THEN ${bin}`).join(" ")} ELSE ${VERDICT_TIME_EDGES_DAYS.length} END FROM (SELECT ${VERDICT_DAYS} AS days) v)`;

const answered = `s."respondedAt" IS NOT NULL`;

/** Claims, by the salesperson who made them and the day they were made: both claim families read them. */
const CLAIMS_MADE = { table: `"Claim" c`, owner: `c."salespersonId"`, date: `c."madeAt"` } as const;

const FAMILIES: Record<RollupFamily, Family> = {
  claims: {
    ...CLAIMS_MADE,
    where: "TRUE",
    rangeBy: "owner",
    bucketBy: "owner and date",
    columns: {
      claims: "COUNT(*)",
      pending: countIf(`c."status" = 'PENDING'`),
      overstated: countIf(`c."matrixCheck" = 'OVERSTATES'`),
      judgedWeight: `SUM(${weightSql("c").sql})`,
      judgedCredit: `SUM(${weightedCreditSql("c").sql})`,
    },
  },
  // The judged claims' times to verdict, read through the (verdictBin, madeAt, …) index.
  verdicts: {
    ...CLAIMS_MADE,
    where: `c."verdictBin" IN (${VERDICT_TIME_COLUMNS.map((_, bin) => bin).join(", ")})`,
    rangeBy: "date",
    bucketBy: "owner and date",
    columns: Object.fromEntries(
      VERDICT_TIME_COLUMNS.map((column, bin) => [column, countIf(`c."verdictBin" = ${bin}`)]),
    ),
  },
  attempts: {
    table: `"QuizAttempt" a`,
    owner: `a."userId"`,
    date: `a."submittedAt"`,
    where: `a."submittedAt" IS NOT NULL`,
    rangeBy: "owner",
    bucketBy: "owner and date",
    columns: { attempts: "COUNT(*)", attemptsPassed: countIf(`a."passed" = TRUE`) },
  },
  surveys: {
    table: `"Survey" s`,
    owner: `s."salespersonId"`,
    date: `s."dueAt"`,
    where: "TRUE",
    rangeBy: "date",
    bucketBy: "owner and date",
    columns: {
      surveys: "COUNT(*)",
      surveysAnswered: countIf(answered),
      csatSum: `COALESCE(SUM(CASE WHEN ${answered} THEN s."csat" END), 0)`,
      csatCount: countIf(`${answered} AND s."csat" IS NOT NULL`),
      deliveredCount: countIf(`${answered} AND ${deliveredYesSql("s").sql} IS NOT NULL`),
      deliveredYes: countIf(`${answered} AND ${deliveredYesSql("s").sql} = 1.0`),
      satisfactionSum: `COALESCE(SUM(CASE WHEN ${answered} THEN ${surveyScoreSql("s").sql} END), 0.0)`,
      satisfactionCount: countIf(`${answered} AND ${surveyScoreSql("s").sql} IS NOT NULL`),
    },
  },
  deals: {
    table: `"Deal" d`,
    owner: `d."ownerId"`,
    date: `d."closedAt"`,
    // PRODUCT.md §7 coverage: won deals by their close, covered by a claim of any source.
    where: `d."status" = 'WON' AND d."closedAt" IS NOT NULL`,
    rangeBy: "date",
    // The (ownerId, status) index: an owner's won deals, not every deal won that month.
    bucketBy: "owner",
    columns: {
      wonDeals: "COUNT(*)",
      coveredDeals: countIf(`EXISTS (SELECT 1 FROM "Claim" x WHERE x."dealId" = d."id")`),
    },
  },
};

const ALL_FAMILIES = Object.keys(FAMILIES) as RollupFamily[];

// The keys of a refresh, as a CTE over one bound JSON parameter (any number of keys).
const KEYS_CTE_NAME = "rollup_keys";

type Scope = { kind: "all" } | { kind: "keys" } | { kind: "range"; people: Prisma.Sql; from: Date; to: Date };

/** One family's figures per (userId, month) for the rows in scope: `wanted` columns, 0 where not the family's. */
function familyRows(family: Family, scope: Scope, wanted: readonly string[] = ROLLUP_COLUMNS): Prisma.Sql {
  const columns = wanted.map((column) => `${family.columns[column] ?? "0"} AS "${column}"`).join(", ");
  const select = `SELECT ${family.owner} AS "userId", ${sql.monthOf(family.date)} AS "month", ${columns}`;
  const head = Prisma.raw(`${select} FROM ${family.table}`);
  const group = Prisma.raw(`GROUP BY ${family.owner}, ${sql.monthOf(family.date)}`);
  switch (scope.kind) {
    case "all":
      return Prisma.sql`${head} WHERE ${Prisma.raw(family.where)} ${group}`;
    case "keys":
      // CROSS JOIN (sql.orderedJoin) keeps the keys as the outer loop (SQLite never reorders it):
      // a seek per bucket, never a scan of the table probing the keys.
      return Prisma.raw(`${select} FROM ${KEYS_CTE_NAME} k ${sql.orderedJoin} ${family.table}
        ON ${family.owner} = k."userId" AND ${family.bucketBy === "owner" ? sql.noIndex(family.date) : family.date} >= k."fromAt" AND ${family.date} < k."toAt"
        WHERE ${family.where} ${group.sql}`);
    case "range": {
      // A unary + keeps SQLite from seeking the owner's index (SQLite's documented way to rule a term out of index use).
      const owner = Prisma.raw(family.rangeBy === "date" ? sql.noIndex(family.owner) : family.owner);
      return Prisma.sql`${head} WHERE ${Prisma.raw(family.where)} AND ${Prisma.raw(family.date)} >= ${scope.from} AND ${Prisma.raw(family.date)} < ${scope.to}
        AND ${owner} IN ${scope.people} ${group}`;
    }
  }
}

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");
const summed = (columns: readonly string[], from = "x") =>
  columns.map((column) => `COALESCE(SUM(${from}."${column}"), 0) AS "${column}"`).join(", ");

/** MonthlyRollup's rows for the scope: every family's rows, added up per (userId, month). */
function rollupRowsSql(scope: Scope): Prisma.Sql {
  const families = Prisma.join(
    ALL_FAMILIES.map((name) => familyRows(FAMILIES[name], scope)),
    " UNION ALL ",
  );
  return Prisma.sql`SELECT x."userId", x."month", ${Prisma.raw(summed(ROLLUP_COLUMNS))} FROM (${families}) x GROUP BY x."userId", x."month"`;
}

/** CapabilityMonthRollup's rows for the scope (claims only). */
function capabilityRowsSql(scope: Exclude<Scope, { kind: "range" }>): Prisma.Sql {
  const from = Prisma.raw(
    scope.kind === "keys"
      ? `${KEYS_CTE_NAME} k ${sql.orderedJoin} "Claim" c ON c."salespersonId" = k."userId" AND c."madeAt" >= k."fromAt" AND c."madeAt" < k."toAt"`
      : `"Claim" c`,
  );
  const overstated = countIf(`c."matrixCheck" = 'OVERSTATES'`);
  const inaccurate = countIf(`c."status" = 'INACCURATE'`);
  const month = Prisma.raw(sql.monthOf(`c."madeAt"`));
  return Prisma.sql`SELECT ${month} AS "month", c."capabilityId", c."salespersonId", ${Prisma.raw(`${overstated} AS "overstated", ${inaccurate} AS "inaccurate"`)}
      FROM ${from}
     WHERE c."capabilityId" IS NOT NULL
     GROUP BY ${month}, c."capabilityId", c."salespersonId"
    HAVING ${Prisma.raw(`${overstated} + ${inaccurate} > 0`)}`;
}

const ROLLUP_INSERT = Prisma.raw(`INSERT INTO "MonthlyRollup" ("userId", "month", ${quoted(ROLLUP_COLUMNS)})`);
const CAPABILITY_INSERT = Prisma.raw(
  `INSERT INTO "CapabilityMonthRollup" ("month", "capabilityId", "salespersonId", "overstated", "inaccurate")`,
);

// ---------------------------------------------------------------- rebuilding

/**
 * Every statement of a full rebuild, in order: each claim's verdict bin, then both rollup tables
 * from scratch. Plain SQL without parameters, so the scale seed can run it through
 * better-sqlite3 and a migration could hold it.
 */
export function rebuildRollupsSql(): string[] {
  const statements = [
    Prisma.raw(
      `UPDATE "Claim" AS c SET "verdictBin" = ${VERDICT_BIN} WHERE c."verdictBin" IS DISTINCT FROM ${VERDICT_BIN}`,
    ),
    Prisma.raw(`DELETE FROM "MonthlyRollup"`),
    Prisma.sql`${ROLLUP_INSERT} ${rollupRowsSql({ kind: "all" })}`,
    Prisma.raw(`DELETE FROM "CapabilityMonthRollup"`),
    Prisma.sql`${CAPABILITY_INSERT} ${capabilityRowsSql({ kind: "all" })}`,
  ];
  return statements.map((statement) => {
    if (statement.values.length > 0) throw new Error("A rebuild statement must not need parameters.");
    return statement.sql;
  });
}

/** Anything that runs a raw statement: the app's client, a transaction, the seed's own client. */
interface StatementRunner {
  $executeRawUnsafe(query: string): PromiseLike<number>;
}

/** Rebuilds the rollups from the rows (`npm run rollups:rebuild`, the seeds); pass a transaction to make it atomic. */
export async function rebuildRollups(client: StatementRunner): Promise<void> {
  for (const sql of rebuildRollupsSql()) await client.$executeRawUnsafe(sql);
}

// ---------------------------------------------------------------- keeping them

/** A rollup bucket: one person's month. */
export interface RollupKey {
  userId: string;
  month: MonthKey;
}

/** The rows a write touched, by table. */
export interface TouchedRows {
  claimIds?: readonly string[];
  attemptIds?: readonly string[];
  surveyIds?: readonly string[];
  dealIds?: readonly string[];
}

/** `table alias` for the rows of the given ids: the ids as the outer loop, each row by its primary key. */
const rowsWithIds = (table: string, alias: string, ids: readonly string[]) =>
  Prisma.sql`${sql.jsonStrings(ids, "i")} ${Prisma.raw(`${sql.orderedJoin} "${table}" ${alias}`)} ON ${Prisma.raw(alias)}."id" = i."value"`;
const monthOf = (column: string) => Prisma.raw(sql.monthOf(column));
const join = Prisma.raw(sql.orderedJoin);

/**
 * The buckets the rows count in: a claim's own (salesperson, month made) and its deal's
 * coverage bucket; an attempt's (taker, month submitted); a survey's (salesperson, month due);
 * a won deal's (owner, month closed) and its survey's. Read this before a change that moves a
 * row to another bucket (a survey's due date, a deal's owner or close) and pass it to
 * refreshRollups after.
 */
export async function rollupKeysOf(client: Client, rows: TouchedRows): Promise<RollupKey[]> {
  const parts: Prisma.Sql[] = [];
  if (rows.claimIds?.length) {
    const claims = rowsWithIds("Claim", "c", rows.claimIds);
    parts.push(Prisma.sql`SELECT c."salespersonId" AS "userId", ${monthOf(`c."madeAt"`)} AS "month" FROM ${claims}`);
    parts.push(Prisma.sql`SELECT d."ownerId" AS "userId", ${monthOf(`d."closedAt"`)} AS "month" FROM ${claims} ${join} "Deal" d ON d."id" = c."dealId"
                           WHERE d."status" = 'WON' AND d."closedAt" IS NOT NULL`);
  }
  if (rows.attemptIds?.length) {
    parts.push(
      Prisma.sql`SELECT a."userId" AS "userId", ${monthOf(`a."submittedAt"`)} AS "month" FROM ${rowsWithIds("QuizAttempt", "a", rows.attemptIds)} WHERE a."submittedAt" IS NOT NULL`,
    );
  }
  if (rows.surveyIds?.length) {
    parts.push(
      Prisma.sql`SELECT s."salespersonId" AS "userId", ${monthOf(`s."dueAt"`)} AS "month" FROM ${rowsWithIds("Survey", "s", rows.surveyIds)}`,
    );
  }
  if (rows.dealIds?.length) {
    const deals = rowsWithIds("Deal", "d", rows.dealIds);
    parts.push(
      Prisma.sql`SELECT d."ownerId" AS "userId", ${monthOf(`d."closedAt"`)} AS "month" FROM ${deals} WHERE d."status" = 'WON' AND d."closedAt" IS NOT NULL`,
    );
    // A deal's import also creates or reschedules its survey.
    parts.push(
      Prisma.sql`SELECT s."salespersonId" AS "userId", ${monthOf(`s."dueAt"`)} AS "month" FROM ${deals} ${join} "Survey" s ON s."dealId" = d."id"`,
    );
  }
  if (parts.length === 0) return [];
  return client.$queryRaw<RollupKey[]>`${Prisma.join(parts, " UNION ")}`;
}

/** Recomputes the buckets from the rows: exactly what a rebuild would store for them. */
async function refreshBuckets(client: Client, keys: readonly RollupKey[]): Promise<void> {
  const unique = [...new Map(keys.map((key) => [`${key.userId}|${key.month}`, key])).values()];
  if (unique.length === 0) return;
  const tuples = unique.map((key) => [key.userId, key.month, monthStart(key.month), monthStart(key.month, 1)]);
  const cte = Prisma.sql`WITH ${Prisma.raw(KEYS_CTE_NAME)} AS (${sql.jsonTuples(tuples, ["userId", "month", "fromAt", "toAt"], ["fromAt", "toAt"])})`;
  const keyed = Prisma.raw(`(SELECT "userId", "month" FROM ${KEYS_CTE_NAME})`);
  await client.$executeRaw`${cte} DELETE FROM "MonthlyRollup" WHERE ("userId", "month") IN ${keyed}`;
  await client.$executeRaw`${cte} ${ROLLUP_INSERT} ${rollupRowsSql({ kind: "keys" })}`;
  await client.$executeRaw`${cte} DELETE FROM "CapabilityMonthRollup" WHERE ("salespersonId", "month") IN ${keyed}`;
  await client.$executeRaw`${cte} ${CAPABILITY_INSERT} ${capabilityRowsSql({ kind: "keys" })}`;
}

/**
 * Brings the rollups up to date with a write, inside the write's transaction: the touched
 * claims' verdict bins, then every bucket the rows count in now, and the `before` buckets they
 * counted in until this write (see rollupKeysOf).
 */
export async function refreshRollups(tx: Tx, rows: TouchedRows, before: readonly RollupKey[] = []): Promise<void> {
  if (rows.claimIds?.length) {
    await tx.$executeRaw`UPDATE "Claim" AS c SET "verdictBin" = ${Prisma.raw(VERDICT_BIN)}
                          WHERE c."id" IN (SELECT i."value" FROM ${sql.jsonStrings(rows.claimIds, "i")}) AND c."verdictBin" IS DISTINCT FROM ${Prisma.raw(VERDICT_BIN)}`;
  }
  await refreshBuckets(tx, [...before, ...(await rollupKeysOf(tx, rows))]);
}

// ---------------------------------------------------------------- reading them

/** The sums of every ROLLUP_COLUMN over a window, with the verdict-time bins as one list. */
export type RollupSums = Record<(typeof SUM_COLUMNS)[number], number> & { verdictTimes: number[] };

type Num = number | bigint | null;
const num = (value: Num | undefined) => Number(value ?? 0);

/**
 * Rows of (userId, month, the `columns`) for `people` over [from, to): the whole months from
 * MonthlyRollup, the partial months at the ends from the rows of the families those columns
 * belong to. Sum them in SQL.
 */
function rowsOver(people: Prisma.Sql, window: TimeRange, columns: readonly string[] = ROLLUP_COLUMNS): Prisma.Sql {
  const { months, edges } = splitByMonths(window.from, window.to);
  const families = ALL_FAMILIES.filter((name) => columns.some((column) => column in FAMILIES[name].columns));
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT r."userId", r."month", ${Prisma.raw(columns.map((column) => `r."${column}"`).join(", "))}
        FROM "MonthlyRollup" r WHERE r."userId" IN ${people} AND r."month" >= ${months.first} AND r."month" <= ${months.last}`);
  }
  for (const edge of edges)
    for (const family of families)
      parts.push(familyRows(FAMILIES[family], { kind: "range", people, ...edge }, columns));
  if (parts.length === 0)
    return Prisma.raw(
      `SELECT NULL AS "userId", NULL AS "month", ${columns.map((column) => `0 AS "${column}"`).join(", ")} WHERE FALSE`,
    );
  return Prisma.join(parts, " UNION ALL ");
}

function toSums(row: Partial<Record<(typeof ROLLUP_COLUMNS)[number], Num>> | undefined): RollupSums {
  const sums = Object.fromEntries(SUM_COLUMNS.map((column) => [column, num(row?.[column])]));
  return {
    ...(sums as Record<(typeof SUM_COLUMNS)[number], number>),
    verdictTimes: VERDICT_TIME_COLUMNS.map((column) => num(row?.[column])),
  };
}

/** What `people` did in the window, added up: the `columns` asked for (every one by default; the rest 0). */
export async function sumRollups(
  client: Client,
  people: Prisma.Sql,
  window: TimeRange,
  columns: readonly string[] = ROLLUP_COLUMNS,
): Promise<RollupSums> {
  const [row] = await client.$queryRaw<Array<Partial<Record<(typeof ROLLUP_COLUMNS)[number], Num>>>>`
    SELECT ${Prisma.raw(summed(columns))} FROM (${rowsOver(people, window, columns)}) x`;
  return toSums(row);
}

/**
 * Every claim there is: each one counts in exactly one rollup row (its salesperson's month), so
 * this is `SELECT count(*) FROM "Claim"` from a table a hundred times smaller.
 */
export async function countAllClaims(client: Client): Promise<number> {
  const [row] = await client.$queryRaw<
    Array<{ n: Num }>
  >`SELECT COALESCE(SUM(r."claims"), 0) AS "n" FROM "MonthlyRollup" r`;
  return num(row?.n);
}

export interface TeamMonthAccuracy {
  teamId: string;
  month: MonthKey;
  claims: number;
  judgedWeight: number;
  judgedCredit: number;
}

/** Claims and their weighted credit per team (the person's team now) and month of the claim. */
export async function sumClaimsByTeamMonth(
  client: Client,
  people: Prisma.Sql,
  window: TimeRange,
): Promise<TeamMonthAccuracy[]> {
  const rows = await client.$queryRaw<
    Array<{ teamId: string; month: string; claims: Num; judgedWeight: Num; judgedCredit: Num }>
  >`
    SELECT u."teamId" AS "teamId", x."month" AS "month", ${Prisma.raw(summed(["claims", "judgedWeight", "judgedCredit"]))}
      FROM (${rowsOver(people, window, ["claims", "judgedWeight", "judgedCredit"])}) x JOIN "User" u ON u."id" = x."userId"
     GROUP BY u."teamId", x."month"
    HAVING SUM(x."claims") > 0`;
  return rows.map((row) => ({
    teamId: row.teamId,
    month: row.month,
    claims: num(row.claims),
    judgedWeight: num(row.judgedWeight),
    judgedCredit: num(row.judgedCredit),
  }));
}

export interface PersonAccuracySatisfaction {
  id: string;
  name: string;
  teamName: string | null;
  claims: number;
  judgedWeight: number;
  judgedCredit: number;
  surveysAnswered: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

/**
 * Per person (with name and team): claims with their weighted credit, and answered surveys with
 * their satisfaction. Summed per person first and then joined to the names: grouping the joined
 * rows made SQLite sort every person-month of the company by name.
 */
export async function sumAccuracySatisfactionByPerson(
  client: Client,
  people: Prisma.Sql,
  window: TimeRange,
): Promise<PersonAccuracySatisfaction[]> {
  const columns = [
    "claims",
    "judgedWeight",
    "judgedCredit",
    "surveysAnswered",
    "satisfactionSum",
    "satisfactionCount",
  ] as const;
  const rows = await client.$queryRaw<
    Array<{ id: string; name: string; teamName: string | null } & Record<(typeof columns)[number], Num>>
  >`
    SELECT g."userId" AS "id", u."name" AS "name", t."name" AS "teamName", ${Prisma.raw(columns.map((column) => `g."${column}"`).join(", "))}
      FROM (SELECT x."userId", ${Prisma.raw(summed(columns))} FROM (${rowsOver(people, window, columns)}) x GROUP BY x."userId") g
      JOIN "User" u ON u."id" = g."userId" LEFT JOIN "Team" t ON t."id" = u."teamId"
     ORDER BY g."userId"`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    teamName: row.teamName,
    claims: num(row.claims),
    judgedWeight: num(row.judgedWeight),
    judgedCredit: num(row.judgedCredit),
    surveysAnswered: num(row.surveysAnswered),
    satisfactionSum: num(row.satisfactionSum),
    satisfactionCount: num(row.satisfactionCount),
  }));
}

/**
 * The capabilities with claims that overstate the matrix or were judged inaccurate in the window,
 * as an SQL set (id, overstated, inaccurate) for the caller to join and order.
 */
export function misrepresentedCapabilitiesSql(people: Prisma.Sql, window: TimeRange): Prisma.Sql {
  const { months, edges } = splitByMonths(window.from, window.to);
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT r."capabilityId", r."overstated", r."inaccurate" FROM "CapabilityMonthRollup" r
                           WHERE r."salespersonId" IN ${people} AND r."month" >= ${months.first} AND r."month" <= ${months.last}`);
  }
  for (const edge of edges) {
    parts.push(Prisma.sql`SELECT c."capabilityId", ${Prisma.raw(`${countIf(`c."matrixCheck" = 'OVERSTATES'`)} AS "overstated", ${countIf(`c."status" = 'INACCURATE'`)} AS "inaccurate"`)}
                            FROM "Claim" c WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${edge.from} AND c."madeAt" < ${edge.to}
                           GROUP BY c."capabilityId" HAVING c."capabilityId" IS NOT NULL`);
  }
  if (parts.length === 0) return Prisma.raw(`SELECT NULL AS "id", 0 AS "overstated", 0 AS "inaccurate" WHERE FALSE`);
  return Prisma.sql`SELECT y."capabilityId" AS "id", SUM(y."overstated") AS "overstated", SUM(y."inaccurate") AS "inaccurate"
      FROM (${Prisma.join(parts, " UNION ALL ")}) y
     GROUP BY y."capabilityId"
    HAVING SUM(y."overstated") + SUM(y."inaccurate") > 0`;
}

/**
 * Times to verdict (days) at a place of a verdict-time histogram and the `count - 1` after it:
 * the claims of `people` made in the window whose verdict fell in the place's bin (and, with
 * `verifiedBy`, came by then), read in time order from the (verdictBin, madeAt, …) index.
 */
export async function verdictTimesAt(
  client: Client,
  people: Prisma.Sql,
  window: TimeRange,
  place: BinPlace,
  count = 1,
  verifiedBy: Date | null = null,
): Promise<number[]> {
  const rows = await client.$queryRaw<Array<{ days: number }>>`
    SELECT ${Prisma.raw(VERDICT_DAYS)} AS "days" FROM "Claim" c
     WHERE c."verdictBin" = ${place.bin} AND c."madeAt" >= ${window.from} AND c."madeAt" < ${window.to} AND c."salespersonId" IN ${people}
       ${verifiedBy ? Prisma.sql`AND c."verifiedAt" <= ${verifiedBy}` : Prisma.empty}
     ORDER BY "days" LIMIT ${count} OFFSET ${place.offset}`;
  return rows.map((row) => row.days);
}

export interface WaitingAt {
  /** Claims of any period made and logged by `asOf` and still without a verdict then. */
  backlog: number;
  /** Of those, the ones made in the window. */
  pending: number;
  /** Claims made in the window whose verdict came after `asOf`, by verdict-time bin. */
  judgedLater: number[];
}

/**
 * Claims waiting at the instant `asOf`: read from the claims without a verdict and those judged
 * after `asOf` — bounded by the time since then, never by the history kept. Only the rows that
 * count are aggregated: those logged by `asOf`, and the window's (a claim logged late).
 * `seekPeople`: read them person by person from the (salespersonId, verifiedAt, …) index, for a
 * few teams; otherwise the company's from the (verifiedAt, …) index, each one's person checked.
 */
export async function getWaitingAt(
  client: Client,
  people: Prisma.Sql,
  window: TimeRange,
  asOf: Date,
  seekPeople = false,
): Promise<WaitingAt> {
  // Without seekPeople the unary + keeps SQLite off the indexes that start with salespersonId.
  const person = Prisma.raw(seekPeople ? `c."salespersonId"` : sql.noIndex(`c."salespersonId"`));
  const rows = await client.$queryRaw<
    Array<{ judged: Num; verdictBin: Num; backlog: Num; pending: Num; inWindow: Num }>
  >`
    SELECT w."judged", w."verdictBin",
           SUM(CASE WHEN w."createdAt" <= ${asOf} AND w."madeAt" < ${asOf} THEN 1 ELSE 0 END) AS "backlog",
           SUM(CASE WHEN w."createdAt" <= ${asOf} AND w."madeAt" >= ${window.from} AND w."madeAt" < ${window.to} THEN 1 ELSE 0 END) AS "pending",
           SUM(CASE WHEN w."madeAt" >= ${window.from} AND w."madeAt" < ${window.to} THEN 1 ELSE 0 END) AS "inWindow"
      FROM (SELECT c."madeAt", c."createdAt", c."verdictBin", 0 AS "judged" FROM "Claim" c
             WHERE c."verifiedAt" IS NULL AND c."createdAt" <= ${asOf} AND ${person} IN ${people}
            UNION ALL
            SELECT c."madeAt", c."createdAt", c."verdictBin", 1 FROM "Claim" c
             WHERE c."verifiedAt" > ${asOf} AND (c."createdAt" <= ${asOf} OR (c."madeAt" >= ${window.from} AND c."madeAt" < ${window.to})) AND ${person} IN ${people}) w
     GROUP BY w."judged", w."verdictBin"`;
  const judgedLater = VERDICT_TIME_COLUMNS.map(() => 0);
  for (const row of rows)
    if (num(row.judged) === 1 && row.verdictBin !== null) judgedLater[num(row.verdictBin)] = num(row.inWindow);
  return {
    backlog: rows.reduce((sum, row) => sum + num(row.backlog), 0),
    pending: rows.reduce((sum, row) => sum + num(row.pending), 0),
    judgedLater,
  };
}
