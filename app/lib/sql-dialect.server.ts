// The few places where Candor's raw SQL differs between SQLite and PostgreSQL (ADR 023), as
// fragments the models splice into their statements. Everything else the models write is SQL
// both databases read the same way: TRUE/FALSE, IS DISTINCT FROM, ON CONFLICT, COALESCE, CASE,
// quoted camelCase aliases. Raw results differ too: on PostgreSQL COUNT and SUM of integers come
// back as bigint and AVG as a decimal, so models read numbers through Number().
import { Prisma } from "../generated/prisma/client.ts";
import type { Dialect } from "./database-url.ts";
import { dialect } from "./db.server.ts";

/** The fragments for one database; `sql` below is the one DATABASE_URL names. */
export function sqlFor(on: Dialect) {
  const postgres = on === "postgres";
  return {
    dialect: on,
    /** "YYYY-MM" (UTC) of a DateTime expression. SQLite stores ISO text, PostgreSQL a timestamp. */
    monthOf: (column: string) => (postgres ? `to_char(${column}, 'YYYY-MM')` : `substr(${column}, 1, 7)`),
    /** Days from one DateTime expression to another, with the fraction of the day. */
    daysBetween: (from: string, to: string) =>
      postgres
        ? `(EXTRACT(EPOCH FROM (${to} - ${from}))::double precision / 86400)`
        : `(julianday(${to}) - julianday(${from}))`,
    /**
     * An expression the planner must not answer from an index (SQLite's documented unary +);
     * PostgreSQL chooses by cost and has no such hint, so there it is the plain expression.
     */
    noIndex: (expression: string) => (postgres ? expression : `+${expression}`),
    /** A JSON text column's member `key`, as JSON text (NULL when absent). */
    jsonMember: (column: string, key: string) =>
      postgres ? `((${column})::json -> '${key}')::text` : `json_extract(${column}, '$.${key}')`,
    /** Table `alias` with one text column "value": the strings of a bound JSON array. */
    jsonStrings: (values: readonly string[], alias: string) =>
      postgres
        ? Prisma.sql`json_array_elements_text(CAST(${JSON.stringify(values)} AS json)) AS ${Prisma.raw(alias)}("value")`
        : Prisma.sql`json_each(${JSON.stringify(values)}) ${Prisma.raw(alias)}`,
    /**
     * Rows from a bound JSON array of tuples, as a SELECT with the named columns: text, or a
     * DateTime for the names in `dates` (Date cells are stored as the database compares them).
     */
    jsonTuples: (
      tuples: readonly (readonly (string | Date)[])[],
      columns: readonly string[],
      dates: readonly string[] = [],
    ) => {
      const text = JSON.stringify(
        tuples.map((tuple) => tuple.map((cell) => (cell instanceof Date ? storedDate(on, cell) : cell))),
      );
      const picks = columns.map((name, i) =>
        postgres
          ? `(t.value ->> ${i})${dates.includes(name) ? "::timestamp(3)" : ""} AS "${name}"`
          : `json_extract(t.value, '$[${i}]') AS "${name}"`,
      );
      return postgres
        ? Prisma.sql`SELECT ${Prisma.raw(picks.join(", "))} FROM json_array_elements(CAST(${text} AS json)) AS t(value)`
        : Prisma.sql`SELECT ${Prisma.raw(picks.join(", "))} FROM json_each(${text}) t`;
    },
    /** A DateTime for a statement's parameters, as the database stores it. */
    date: (value: Date): Date | string => storedDate(on, value),
    /**
     * A DateTime literal earlier than every stored one, for COALESCE over a nullable DateTime:
     * SQLite compares DateTime as text, so the empty string; PostgreSQL has -infinity.
     */
    beforeAnyDate: postgres ? `CAST('-infinity' AS timestamp(3))` : `''`,
    /**
     * An inner join, written `a ${sql.orderedJoin} b ON …`, that keeps the left table as the
     * outer loop: SQLite's CROSS JOIN (which it never reorders, and which takes ON). PostgreSQL's
     * CROSS JOIN takes no ON, and its planner orders joins by cost, so there it is a plain JOIN.
     */
    orderedJoin: postgres ? "JOIN" : "CROSS JOIN",
    /** The larger of two values: SQLite's scalar MAX(a, b) is PostgreSQL's GREATEST. */
    greatest: (a: string, b: string) => (postgres ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`),
    /** The smaller of two values: SQLite's scalar MIN(a, b) is PostgreSQL's LEAST. */
    least: (a: string, b: string) => (postgres ? `LEAST(${a}, ${b})` : `MIN(${a}, ${b})`),
    /**
     * A number expression truncated toward zero to an integer. SQLite's CAST truncates;
     * PostgreSQL's rounds, so it truncates first.
     */
    truncate: (expression: string) =>
      postgres ? `CAST(TRUNC(${expression}) AS INTEGER)` : `CAST(${expression} AS INTEGER)`,
    /**
     * The operator of a case-insensitive LIKE: SQLite's LIKE ignores the case of ASCII letters,
     * PostgreSQL's LIKE is case-sensitive and ILIKE is not (of any letter).
     */
    likeInsensitive: postgres ? "ILIKE" : "LIKE",
    /**
     * A bound value for a comparison with a column of enum `type`. PostgreSQL's enum columns
     * are their own types and refuse a text parameter ("operator does not exist: "ClaimStatus" =
     * text"), so the parameter is cast; SQLite keeps enums as text. Literals need no cast.
     */
    enumValue: (type: EnumType, value: string): Prisma.Sql =>
      postgres ? Prisma.sql`CAST(${value} AS ${Prisma.raw(`"${type}"`)})` : Prisma.sql`${value}`,
    /**
     * A key of a table's rows that is unique, ordered and carried by every index, for keyset
     * pages and ties: SQLite's rowid (an integer); PostgreSQL has none, so the primary key
     * "id" (text). `table` is the table's alias, when the statement has one.
     */
    rowKey: (table?: string) => {
      const prefix = table ? `${table}.` : "";
      return postgres ? `${prefix}"id"` : `${prefix}rowid`;
    },
    /**
     * A statement that takes the database's write lock for the rest of the transaction, so that
     * everything read afterwards stays true until the commit and writers that use it run one at
     * a time. SQLite: a write that changes nothing still takes the database's single write lock
     * (waiting under busy_timeout). PostgreSQL locks rows, not the database, so the transaction
     * takes one transaction-level advisory lock, the same constant for every writer, which
     * PostgreSQL releases at COMMIT or ROLLBACK.
     */
    writeLock: postgres
      ? Prisma.sql`SELECT 1 FROM pg_advisory_xact_lock(${Prisma.raw(String(WRITE_LOCK_KEY))})`
      : Prisma.sql`UPDATE "Deal" SET "externalId" = "externalId" WHERE FALSE`,
    /**
     * A Prisma (non-raw) string filter matching values that contain `value`, ignoring case on
     * both databases: Prisma's `contains` is SQLite's LIKE (ASCII case ignored) but case-sensitive
     * on PostgreSQL unless asked for `mode: "insensitive"`, which the SQLite client does not know
     * (hence the cast to its filter type).
     */
    contains: (value: string) =>
      (postgres ? { contains: value, mode: "insensitive" } : { contains: value }) as { contains: string },
    /** As `contains`, for values that start with `value`. */
    startsWith: (value: string) =>
      (postgres ? { startsWith: value, mode: "insensitive" } : { startsWith: value }) as { startsWith: string },
  };
}

/** The key of the advisory lock `writeLock` takes on PostgreSQL (any constant of our own; "Candor" in ASCII). */
const WRITE_LOCK_KEY = 0x43616e646f72;

/** PostgreSQL's enum types (prisma/postgresql/schema.prisma), the ones raw SQL binds values of. */
export type EnumType =
  | "Role"
  | "Channel"
  | "ClaimSource"
  | "ClaimStatus"
  | "MatrixCheck"
  | "Severity"
  | "Delivered"
  | "DealStatus"
  | "PeriodStatus"
  | "CandidateStatus"
  | "QuestionState"
  | "QuestionType";

/** SQLite keeps DateTime as ISO 8601 text with "+00:00" (compared as text); PostgreSQL binds a timestamp. */
function storedDate(on: Dialect, value: Date): Date | string {
  return on === "postgres" ? value : value.toISOString().replace("Z", "+00:00");
}

export const sql = sqlFor(dialect);

/**
 * A DateTime column as raw SQL returns it: the SQLite adapter hands it back as its stored ISO
 * text, PostgreSQL's as a Date. Null stays null.
 */
export function rowDate(value: Date | string): Date;
export function rowDate(value: unknown): Date | null;
export function rowDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
