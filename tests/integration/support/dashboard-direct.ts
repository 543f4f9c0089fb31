// The dashboard's figures the direct way: the SQL over the rows that app/models/dashboard.server.ts
// ran before the rollups (ADR 019), kept here only to check the rollups against. Every figure the
// rollups feed must equal what these return.
import { Prisma } from "../../../app/generated/prisma/client.ts";
import { coverageShare } from "../../../app/domain/coverage.ts";
import { dayRange, monthsBetween, trailingYear, type PeriodRef } from "../../../app/domain/dashboard-period.ts";
import { downsampleScatter, MAX_CHART_POINTS } from "../../../app/domain/chart-data.ts";
import { prisma } from "../../../app/lib/db.server.ts";
import { sql } from "../../../app/lib/sql-dialect.server.ts";
import {
  deliveredYesSql,
  surveyScoreSql,
  weightedCreditSql,
  weightSql,
} from "../../../app/models/accuracy-sql.server.ts";
import { getTeamCoverage } from "../../../app/models/coverage.server.ts";
import type {
  AccuracySatisfaction,
  BacklogKpis,
  Kpis,
  MisrepresentedCapability,
  MonthlyAccuracy,
  ScatterPoint,
  TeamOption,
} from "../../../app/models/dashboard.server.ts";

function peopleOf(teamIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT "id" FROM "User" WHERE "teamId" IN (${Prisma.join(teamIds)}))`;
}

// PostgreSQL answers COUNT and SUM of integers as bigint, and sums and averages of decimals as decimals.
type Num = number | bigint | Prisma.Decimal | null;
const num = (value: Num): number => Number(value ?? 0);
const figure = (value: Num | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
const VERDICT_DAYS = Prisma.raw(sql.daysBetween(`c."createdAt"`, `c."verifiedAt"`));
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export async function directKpis(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  now = new Date(),
): Promise<Kpis> {
  const { startsAt: from, endsAt: to } = period;
  const dueUntil = now.getTime() < to.getTime() ? now : to;
  const people = peopleOf(teamIds);
  const [[claims], [verdictTime], [quiz], [surveys], coverage] = await Promise.all([
    prisma.$queryRaw<Array<{ claims: Num; pending: Num; overstated: Num; weightedCredit: Num; weight: Num }>>`
      SELECT COUNT(*) AS "claims",
             SUM(CASE WHEN c."status" = 'PENDING' THEN 1 ELSE 0 END) AS "pending",
             SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS "overstated",
             SUM(${weightedCreditSql("c")}) AS "weightedCredit",
             SUM(${weightSql("c")}) AS "weight"
        FROM "Claim" c
       WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to}`,
    // SQLite has no MEDIAN: number the durations in order and average the middle one or two.
    prisma.$queryRaw<Array<{ median: Num }>>`
      WITH d AS (SELECT ${VERDICT_DAYS} AS "days"
                   FROM "Claim" c
                  WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to} AND c."verifiedAt" IS NOT NULL),
           o AS (SELECT "days", ROW_NUMBER() OVER (ORDER BY "days") AS "rn", COUNT(*) OVER () AS "n" FROM d)
      SELECT AVG("days") AS "median" FROM o WHERE "rn" IN (("n" + 1) / 2, ("n" + 2) / 2)`,
    prisma.$queryRaw<Array<{ attempts: Num; passed: Num }>>`
      SELECT COUNT(*) AS "attempts", SUM(CASE WHEN a."passed" = TRUE THEN 1 ELSE 0 END) AS "passed"
        FROM "QuizAttempt" a
       WHERE a."userId" IN ${people} AND a."submittedAt" >= ${from} AND a."submittedAt" < ${to}`,
    prisma.$queryRaw<Array<{ due: Num; answered: Num; csat: Num; delivered: Num }>>`
      SELECT SUM(CASE WHEN s."dueAt" < ${dueUntil} THEN 1 ELSE 0 END) AS "due",
             SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "answered",
             AVG(CASE WHEN s."respondedAt" IS NOT NULL THEN s."csat" END) AS "csat",
             AVG(CASE WHEN s."respondedAt" IS NOT NULL THEN ${deliveredYesSql("s")} END) AS "delivered"
        FROM "Survey" s
       WHERE s."salespersonId" IN ${people} AND s."dueAt" >= ${from} AND s."dueAt" < ${to}`,
    getTeamCoverage(teamIds, period),
  ]);
  const total = num(claims?.claims ?? 0);
  const weight = num(claims?.weight ?? 0);
  const attempts = num(quiz?.attempts ?? 0);
  const due = num(surveys?.due ?? 0);
  const answered = num(surveys?.answered ?? 0);
  return {
    claims: total,
    accuracy: weight === 0 ? null : num(claims?.weightedCredit ?? 0) / weight,
    pending: num(claims?.pending ?? 0),
    medianDaysToVerdict: figure(verdictTime?.median),
    overstatedShare: ratio(num(claims?.overstated ?? 0), total),
    quizAttempts: attempts,
    quizPassRate: ratio(num(quiz?.passed ?? 0), attempts),
    surveysDue: due,
    surveysAnswered: answered,
    meanCsat: figure(surveys?.csat),
    deliveredRate: figure(surveys?.delivered),
    // Answers can arrive for a survey before it is due; never above 100 %.
    responseRate: due === 0 ? null : Math.min(1, answered / due),
    wonDeals: coverage.won,
    coveredDeals: coverage.covered,
    coverage: coverageShare(coverage),
  };
}

export async function directBacklogKpisAsOf(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  asOf: Date,
): Promise<BacklogKpis> {
  const from = period.startsAt;
  const to = asOf.getTime() < period.endsAt.getTime() ? asOf : period.endsAt;
  const people = peopleOf(teamIds);
  const [[waiting], [verdictTime]] = await Promise.all([
    prisma.$queryRaw<Array<{ pending: Num; backlog: Num }>>`
      SELECT SUM(CASE WHEN c."madeAt" >= ${from} AND c."madeAt" < ${to} THEN 1 ELSE 0 END) AS "pending", COUNT(*) AS "backlog"
        FROM "Claim" c
       WHERE c."salespersonId" IN ${people} AND c."madeAt" < ${asOf} AND c."createdAt" <= ${asOf}
         AND (c."verifiedAt" IS NULL OR c."verifiedAt" > ${asOf})`,
    prisma.$queryRaw<Array<{ median: Num }>>`
      WITH d AS (SELECT ${VERDICT_DAYS} AS "days"
                   FROM "Claim" c
                  WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to} AND c."verifiedAt" <= ${asOf}),
           o AS (SELECT "days", ROW_NUMBER() OVER (ORDER BY "days") AS "rn", COUNT(*) OVER () AS "n" FROM d)
      SELECT AVG("days") AS "median" FROM o WHERE "rn" IN (("n" + 1) / 2, ("n" + 2) / 2)`,
  ]);
  return {
    pending: num(waiting?.pending ?? 0),
    medianDaysToVerdict: figure(verdictTime?.median),
    backlog: num(waiting?.backlog ?? 0),
  };
}

export async function directMonthlyAccuracy(
  teams: readonly TeamOption[],
  period: Pick<PeriodRef, "endsAt">,
): Promise<MonthlyAccuracy> {
  const { from, to } = trailingYear(period);
  const months = monthsBetween(from, to);
  const month = Prisma.raw(sql.monthOf(`c."madeAt"`));
  const rows = await prisma.$queryRaw<
    Array<{ teamId: string; month: string; claims: Num; weightedCredit: Num; weight: Num }>
  >`
    SELECT u."teamId" AS "teamId", ${month} AS "month", COUNT(*) AS "claims",
           SUM(${weightedCreditSql("c")}) AS "weightedCredit", SUM(${weightSql("c")}) AS "weight"
      FROM "Claim" c JOIN "User" u ON u."id" = c."salespersonId"
     WHERE c."salespersonId" IN ${peopleOf(teams.map((team) => team.id))} AND c."madeAt" >= ${from} AND c."madeAt" < ${to}
     GROUP BY u."teamId", ${month}`;
  const cell = new Map(rows.map((row) => [`${row.teamId}|${row.month}`, row]));
  return {
    months,
    teams: [...teams],
    accuracy: teams.map((team) =>
      months.map((month) => {
        const row = cell.get(`${team.id}|${month}`);
        const weight = num(row?.weight ?? 0);
        return weight === 0 ? null : num(row?.weightedCredit ?? 0) / weight;
      }),
    ),
    claims: teams.map((team) => months.map((month) => num(cell.get(`${team.id}|${month}`)?.claims ?? 0))),
  };
}

export async function directAccuracyVsSatisfaction(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "endsAt">,
): Promise<AccuracySatisfaction> {
  const { from, to } = trailingYear(period);
  const rows = await prisma.$queryRaw<
    Array<{
      id: string;
      name: string;
      teamName: string | null;
      claims: Num;
      weightedCredit: Num;
      weight: Num;
      surveys: Num;
      satisfaction: Num;
    }>
  >`
    WITH people AS (SELECT u."id", u."name", t."name" AS "teamName" FROM "User" u JOIN "Team" t ON t."id" = u."teamId"
                     WHERE u."teamId" IN (${Prisma.join(teamIds)}) AND u."role" = 'SALES'),
         cl AS (SELECT c."salespersonId" AS "id", COUNT(*) AS "claims", SUM(${weightedCreditSql("c")}) AS "weightedCredit", SUM(${weightSql("c")}) AS "weight"
                  FROM "Claim" c WHERE c."salespersonId" IN (SELECT "id" FROM people) AND c."madeAt" >= ${from} AND c."madeAt" < ${to}
                 GROUP BY c."salespersonId"),
         sv AS (SELECT s."salespersonId" AS "id", COUNT(*) AS "surveys", AVG(${surveyScoreSql("s")}) AS "satisfaction"
                  FROM "Survey" s WHERE s."salespersonId" IN (SELECT "id" FROM people) AND s."dueAt" >= ${from} AND s."dueAt" < ${to} AND s."respondedAt" IS NOT NULL
                 GROUP BY s."salespersonId")
    SELECT p."id" AS "id", p."name" AS "name", p."teamName" AS "teamName", cl."claims", cl."weightedCredit", cl."weight", sv."surveys", sv."satisfaction"
      FROM people p JOIN cl ON cl."id" = p."id" JOIN sv ON sv."id" = p."id"
     WHERE cl."weight" > 0 AND sv."satisfaction" IS NOT NULL`;
  const all: ScatterPoint[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    teamName: row.teamName ?? "",
    x: num(row.weightedCredit) / num(row.weight),
    y: figure(row.satisfaction) ?? 0,
    claims: num(row.claims),
    surveys: num(row.surveys),
  }));
  return { days: dayRange(from, to), points: downsampleScatter(all, MAX_CHART_POINTS), total: all.length };
}

export async function directMisrepresentedCapabilities(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  limit = 10,
): Promise<MisrepresentedCapability[]> {
  const overstated = Prisma.raw(`SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END)`);
  const inaccurate = Prisma.raw(`SUM(CASE WHEN c."status" = 'INACCURATE' THEN 1 ELSE 0 END)`);
  const rows = await prisma.$queryRaw<
    Array<{
      id: string;
      key: string;
      title: string;
      productSlug: string;
      productName: string;
      overstated: Num;
      inaccurate: Num;
    }>
  >`
    WITH m AS (SELECT c."capabilityId" AS "id", ${overstated} AS "overstated", ${inaccurate} AS "inaccurate"
                 FROM "Claim" c
                WHERE c."salespersonId" IN ${peopleOf(teamIds)} AND c."madeAt" >= ${period.startsAt} AND c."madeAt" < ${period.endsAt}
                GROUP BY c."capabilityId"
               -- Filtering after grouping keeps the scan on the covering index (an OR in WHERE
               -- makes SQLite read two other indexes and every matching row).
               HAVING c."capabilityId" IS NOT NULL AND ${overstated} + ${inaccurate} > 0)
    SELECT cap."id" AS "id", cap."key" AS "key", cap."title" AS "title", p."slug" AS "productSlug", p."name" AS "productName", m."overstated", m."inaccurate"
      FROM m JOIN "Capability" cap ON cap."id" = m."id" JOIN "Product" p ON p."id" = cap."productId"
     ORDER BY m."overstated" + m."inaccurate" DESC, cap."title" ASC, cap."id" ASC
     LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, overstated: num(row.overstated), inaccurate: num(row.inaccurate) }));
}
