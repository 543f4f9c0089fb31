// The team scorecard (PRODUCT.md §3, §5): one row per salesperson of the teams in view, with
// the period's figures aggregated in SQL, sorted and paged in SQL. Also feeds /people/<id>.
import { Prisma } from "../generated/prisma/client.ts";
import type { PeriodRef } from "../domain/dashboard-period.ts";
import type { ScorecardSortKey } from "../domain/scorecard-query.ts";
import type { SortDir } from "../domain/list-query.ts";
import { prisma } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { deliveredYesSql, weightedCreditSql, weightSql } from "./accuracy-sql.server.ts";
import { coverageByOwnerSql } from "./coverage.server.ts";
import { formatPercent } from "../domain/format.ts";
import { yesNo } from "../domain/labels.ts";

export interface ScorecardRow {
  id: string;
  name: string;
  active: boolean;
  teamName: string | null;
  claims: number;
  accuracy: number | null;
  overstatedShare: number | null;
  /** Won deals closed in the period (PRODUCT.md §7 coverage). */
  wonDeals: number;
  /** Of those, the deals with a claim of any source. */
  coveredDeals: number;
  /** coveredDeals / wonDeals; null when there were no won deals. */
  coverage: number | null;
  quizBest: number | null;
  quizzesTaken: number;
  quizzesPassed: number;
  surveysAnswered: number;
  meanCsat: number | null;
  deliveredRate: number | null;
  /** From the period's comp statement; null when the period has not been computed for them. */
  multiplier: number | null;
}

export interface ScorecardFilter {
  teamIds: readonly string[];
  /** A part of the name, matched case-insensitively. */
  q?: string | null;
  /** Only this person (the person page). */
  personId?: string;
  /** Leave out deactivated people (the team scorecard and its CSV: they no longer sell). */
  activeOnly?: boolean;
}

// Each sort key as a column of the final SELECT; NULLs (no figure) always last. The ORDER BY
// runs over a subquery so a name like "accuracy" means the figure, never CompStatement's column.
const ORDER_SQL: Record<ScorecardSortKey, string> = {
  name: `r."name"`,
  team: `r."teamName"`,
  claims: `r."claims"`,
  accuracy: `r."accuracy"`,
  overstated: `r."overstatedShare"`,
  coverage: `r."coverage"`,
  quizBest: `r."quizBest"`,
  csat: `r."meanCsat"`,
  delivered: `r."deliveredRate"`,
  multiplier: `r."multiplier"`,
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function peopleWhere(filter: ScorecardFilter): Prisma.Sql {
  const terms = [Prisma.sql`u."role" = 'SALES'`, Prisma.sql`u."teamId" IN (${Prisma.join(filter.teamIds)})`];
  if (filter.q)
    terms.push(Prisma.sql`u."name" ${Prisma.raw(sql.likeInsensitive)} ${likePattern(filter.q)} ESCAPE '\\'`);
  if (filter.personId) terms.push(Prisma.sql`u."id" = ${filter.personId}`);
  if (filter.activeOnly) terms.push(Prisma.sql`u."active" = TRUE`);
  return Prisma.join(terms, " AND ");
}

// Raw figures: SQLite answers numbers; PostgreSQL answers COUNT and SUM as bigint, averages and
// ratios as decimals, and booleans as booleans.
type Num = number | bigint | Prisma.Decimal | boolean | null;
const num = (value: Num) => Number(value ?? 0);
const figure = (value: Num) => (value === null ? null : Number(value));

interface RawRow {
  id: string;
  name: string;
  active: Num;
  teamName: string | null;
  claims: Num;
  accuracy: Num;
  overstatedShare: Num;
  wonDeals: Num;
  coveredDeals: Num;
  coverage: Num;
  quizBest: Num;
  quizzesTaken: Num;
  quizzesPassed: Num;
  surveysAnswered: Num;
  meanCsat: Num;
  deliveredRate: Num;
  multiplier: Num;
}

async function queryRows(
  filter: ScorecardFilter,
  period: PeriodRef,
  order: { key: ScorecardSortKey; dir: SortDir },
  /** Null: every row. */
  limit: number | null,
  offset: number,
): Promise<ScorecardRow[]> {
  if (filter.teamIds.length === 0) return [];
  const { startsAt: from, endsAt: to } = period;
  const direction = order.dir === "desc" ? "DESC" : "ASC";
  const orderBy = Prisma.raw(
    `${ORDER_SQL[order.key]} IS NULL, ${ORDER_SQL[order.key]} ${direction}, r."name" ASC, r."id" ASC`,
  );
  const page = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`;
  const rows = await prisma.$queryRaw<RawRow[]>`
    WITH people AS (SELECT u."id", u."name", u."active", t."name" AS "teamName" FROM "User" u LEFT JOIN "Team" t ON t."id" = u."teamId" WHERE ${peopleWhere(filter)}),
         cl AS (SELECT c."salespersonId" AS "id", COUNT(*) AS "claims",
                       SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS "overstated",
                       SUM(${weightedCreditSql("c")}) AS "weightedCredit", SUM(${weightSql("c")}) AS "weight"
                  FROM "Claim" c WHERE c."salespersonId" IN (SELECT "id" FROM people) AND c."madeAt" >= ${from} AND c."madeAt" < ${to}
                 GROUP BY c."salespersonId"),
         qz AS (SELECT a."userId" AS "id", MAX(a."score") AS "best", COUNT(DISTINCT a."quizId") AS "taken",
                       COUNT(DISTINCT CASE WHEN a."passed" = TRUE THEN a."quizId" END) AS "passed"
                  FROM "QuizAttempt" a WHERE a."userId" IN (SELECT "id" FROM people) AND a."submittedAt" >= ${from} AND a."submittedAt" < ${to}
                 GROUP BY a."userId"),
         sv AS (SELECT s."salespersonId" AS "id", COUNT(*) AS "answered", AVG(s."csat") AS "csat", AVG(${deliveredYesSql("s")}) AS "delivered"
                  FROM "Survey" s WHERE s."salespersonId" IN (SELECT "id" FROM people) AND s."dueAt" >= ${from} AND s."dueAt" < ${to} AND s."respondedAt" IS NOT NULL
                 GROUP BY s."salespersonId"),
         cv AS (${coverageByOwnerSql(Prisma.sql`(SELECT "id" FROM people)`, period)})
    SELECT * FROM (
    SELECT p."id" AS "id", p."name" AS "name", p."active" AS "active", p."teamName" AS "teamName",
           COALESCE(cl."claims", 0) AS "claims",
           CASE WHEN cl."weight" > 0 THEN cl."weightedCredit" * 1.0 / cl."weight" END AS "accuracy",
           CASE WHEN cl."claims" > 0 THEN cl."overstated" * 1.0 / cl."claims" END AS "overstatedShare",
           COALESCE(cv."won", 0) AS "wonDeals", COALESCE(cv."covered", 0) AS "coveredDeals",
           CASE WHEN cv."won" > 0 THEN cv."covered" * 1.0 / cv."won" END AS "coverage",
           qz."best" AS "quizBest", COALESCE(qz."taken", 0) AS "quizzesTaken", COALESCE(qz."passed", 0) AS "quizzesPassed",
           COALESCE(sv."answered", 0) AS "surveysAnswered", sv."csat" AS "meanCsat", sv."delivered" AS "deliveredRate",
           st."multiplier" AS "multiplier"
      FROM people p
      LEFT JOIN cl ON cl."id" = p."id" LEFT JOIN qz ON qz."id" = p."id" LEFT JOIN sv ON sv."id" = p."id" LEFT JOIN cv ON cv."id" = p."id"
      LEFT JOIN "CompStatement" st ON st."userId" = p."id" AND st."periodId" = ${period.id}
    ) AS r
     ORDER BY ${orderBy}
     ${page}`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    active: Boolean(num(row.active)),
    teamName: row.teamName,
    claims: num(row.claims),
    accuracy: figure(row.accuracy),
    overstatedShare: figure(row.overstatedShare),
    wonDeals: num(row.wonDeals),
    coveredDeals: num(row.coveredDeals),
    coverage: figure(row.coverage),
    quizBest: figure(row.quizBest),
    quizzesTaken: num(row.quizzesTaken),
    quizzesPassed: num(row.quizzesPassed),
    surveysAnswered: num(row.surveysAnswered),
    meanCsat: figure(row.meanCsat),
    deliveredRate: figure(row.deliveredRate),
    multiplier: figure(row.multiplier),
  }));
}

async function countPeople(filter: ScorecardFilter): Promise<number> {
  if (filter.teamIds.length === 0) return 0;
  const [row] = await prisma.$queryRaw<
    Array<{ total: Num }>
  >`SELECT COUNT(*) AS total FROM "User" u WHERE ${peopleWhere(filter)}`;
  return num(row?.total ?? 0);
}

/** Whether the period's statements have been computed at all (else the multiplier column is empty). */
async function periodComputed(period: PeriodRef): Promise<boolean> {
  return (await prisma.compStatement.count({ where: { periodId: period.id }, take: 1 })) > 0;
}

export interface ScorecardPage {
  rows: ScorecardRow[];
  total: number;
  page: number;
  computed: boolean;
  /** Deactivated people of the teams in view left out by `activeOnly` (0 without it). */
  inactive: number;
}

export async function listScorecardPage(
  filter: ScorecardFilter,
  period: PeriodRef,
  sort: { key: ScorecardSortKey; dir: SortDir },
  page: number,
  pageSize: number,
): Promise<ScorecardPage> {
  const [total, everyone, computed] = await Promise.all([
    countPeople(filter),
    filter.activeOnly ? countPeople({ ...filter, activeOnly: false }) : null,
    periodComputed(period),
  ]);
  const inactive = everyone === null ? 0 : everyone - total;
  // A page past the end shows the last one rather than an empty table.
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, lastPage);
  const rows = await queryRows(filter, period, sort, pageSize, (shown - 1) * pageSize);
  return { rows, total, page: shown, computed, inactive };
}

/** Every row, for the CSV export (at most the salespeople of the teams in view: ~1,000). */
export async function listScorecardRows(
  filter: ScorecardFilter,
  period: PeriodRef,
  sort: { key: ScorecardSortKey; dir: SortDir },
): Promise<ScorecardRow[]> {
  return queryRows(filter, period, sort, null, 0);
}

/** One salesperson's scorecard row for the period, or null when they are not a salesperson of those teams. */
export async function getScorecardRow(
  personId: string,
  teamIds: readonly string[],
  period: PeriodRef,
): Promise<ScorecardRow | null> {
  const [row] = await queryRows({ teamIds, personId }, period, { key: "name", dir: "asc" }, 1, 0);
  return row ?? null;
}

export const SCORECARD_CSV_HEADER = [
  "Salesperson",
  "Team",
  "Active",
  "Claims logged",
  "Accuracy (weighted)",
  "Overstated share",
  "Won deals",
  "Won deals with a claim",
  "Coverage",
  "Best quiz score",
  "Quizzes passed",
  "Quizzes taken",
  "Surveys answered",
  "Six-month CSAT (1-5)",
  "Delivered as promised",
  "Multiplier",
];

const fixed = (value: number | null, digits: number) => (value === null ? "" : value.toFixed(digits));
// Shares and scores as the page shows them, "80%" (format.ts), to two decimals so no precision is lost.
const percent = (value: number | null) => (value === null ? "" : formatPercent(value, 2));

export function scorecardCsvRow(row: ScorecardRow): Array<string | number> {
  return [
    row.name,
    row.teamName ?? "",
    yesNo(row.active),
    row.claims,
    percent(row.accuracy),
    percent(row.overstatedShare),
    row.wonDeals,
    row.coveredDeals,
    // Blank without won deals: "no won deals" is not 0% coverage.
    percent(row.coverage),
    percent(row.quizBest),
    row.quizzesPassed,
    row.quizzesTaken,
    row.surveysAnswered,
    fixed(row.meanCsat, 2),
    percent(row.deliveredRate),
    fixed(row.multiplier, 4),
  ];
}
