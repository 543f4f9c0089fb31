// The manager dashboard's figures (PRODUCT.md §5), every one an SQL aggregate over the teams in
// view: nothing here loads claims, attempts or surveys into JavaScript to count them.
import { Prisma } from "../generated/prisma/client.ts";
import { coverageShare } from "../domain/coverage.ts";
import { comparedDeltas, downsampleScatter, KPI_COMPARISON, MAX_CHART_POINTS, type ComparisonRule, type Delta } from "../domain/chart-data.ts";
import { choosePeriods, dayRange, monthsBetween, samePointInPrevious, trailingYear, type ChosenPeriods, type PeriodRef } from "../domain/dashboard-period.ts";
import { addDays, startOfUtcDay } from "../domain/dates.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceTeamIds, type Audience } from "./audience.server.ts";
import { deliveredYesSql, surveyScoreSql, weightedCreditSql, weightSql } from "./accuracy-sql.server.ts";
import { getTeamCoverage, listUnloggedPromises, type UnloggedPromises } from "./coverage.server.ts";

export interface TeamOption {
  id: string;
  name: string;
}

/** The teams in a dashboard reader's audience: every team, the managed ones, or none. */
export async function listDashboardTeams(audience: Audience): Promise<TeamOption[]> {
  const ids = audienceTeamIds(audience);
  if (ids !== null && ids.length === 0) return [];
  return prisma.team.findMany({ where: ids === null ? {} : { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function listPeriods(): Promise<PeriodRef[]> {
  return prisma.compPeriod.findMany({ select: { id: true, name: true, startsAt: true, endsAt: true, status: true }, orderBy: { startsAt: "asc" } });
}

export async function chooseDashboardPeriods(requested: string | null, now = new Date()): Promise<{ periods: PeriodRef[]; chosen: ChosenPeriods<PeriodRef> | null }> {
  const periods = await listPeriods();
  return { periods, chosen: choosePeriods(periods, requested, now) };
}

/** Salespeople of the teams in view, as an SQL subquery (uses the (teamId, role) index). */
function peopleOf(teamIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT "id" FROM "User" WHERE "teamId" IN (${Prisma.join(teamIds)}))`;
}

export interface Kpis {
  claims: number;
  /** Σ w·credit / Σ w over final verdicts (§4 step 1 without the prior). */
  accuracy: number | null;
  pending: number;
  /** Days from logging to verdict, median over the period's claims that have one. */
  medianDaysToVerdict: number | null;
  overstatedShare: number | null;
  quizAttempts: number;
  quizPassRate: number | null;
  surveysDue: number;
  surveysAnswered: number;
  meanCsat: number | null;
  deliveredRate: number | null;
  responseRate: number | null;
  /** Won deals closed in the period, and those with a claim of any source (PRODUCT.md §7). */
  wonDeals: number;
  coveredDeals: number;
  /** coveredDeals / wonDeals; null without won deals. */
  coverage: number | null;
}

type Num = number | bigint | null;
const num = (value: Num): number => Number(value ?? 0);
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export async function getKpis(teamIds: readonly string[], period: Pick<PeriodRef, "startsAt" | "endsAt">, now = new Date()): Promise<Kpis> {
  const { startsAt: from, endsAt: to } = period;
  const dueUntil = now.getTime() < to.getTime() ? now : to;
  const people = peopleOf(teamIds);
  const [[claims], [verdictTime], [quiz], [surveys], coverage] = await Promise.all([
    prisma.$queryRaw<Array<{ claims: Num; pending: Num; overstated: Num; weightedCredit: Num; weight: Num }>>`
      SELECT COUNT(*) AS claims,
             SUM(CASE WHEN c."status" = 'PENDING' THEN 1 ELSE 0 END) AS pending,
             SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS overstated,
             SUM(${weightedCreditSql("c")}) AS weightedCredit,
             SUM(${weightSql("c")}) AS weight
        FROM "Claim" c
       WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to}`,
    // SQLite has no MEDIAN: number the durations in order and average the middle one or two.
    prisma.$queryRaw<Array<{ median: number | null }>>`
      WITH d AS (SELECT julianday(c."verifiedAt") - julianday(c."createdAt") AS days
                   FROM "Claim" c
                  WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to} AND c."verifiedAt" IS NOT NULL),
           o AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM d)
      SELECT AVG(days) AS median FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`,
    prisma.$queryRaw<Array<{ attempts: Num; passed: Num }>>`
      SELECT COUNT(*) AS attempts, SUM(CASE WHEN a."passed" = 1 THEN 1 ELSE 0 END) AS passed
        FROM "QuizAttempt" a
       WHERE a."userId" IN ${people} AND a."submittedAt" >= ${from} AND a."submittedAt" < ${to}`,
    prisma.$queryRaw<Array<{ due: Num; answered: Num; csat: number | null; delivered: number | null }>>`
      SELECT SUM(CASE WHEN s."dueAt" < ${dueUntil} THEN 1 ELSE 0 END) AS due,
             SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS answered,
             AVG(CASE WHEN s."respondedAt" IS NOT NULL THEN s."csat" END) AS csat,
             AVG(CASE WHEN s."respondedAt" IS NOT NULL THEN ${deliveredYesSql("s")} END) AS delivered
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
    medianDaysToVerdict: verdictTime?.median ?? null,
    overstatedShare: ratio(num(claims?.overstated ?? 0), total),
    quizAttempts: attempts,
    quizPassRate: ratio(num(quiz?.passed ?? 0), attempts),
    surveysDue: due,
    surveysAnswered: answered,
    meanCsat: surveys?.csat ?? null,
    deliveredRate: surveys?.delivered ?? null,
    // Answers can arrive for a survey before it is due; never above 100 %.
    responseRate: due === 0 ? null : Math.min(1, answered / due),
    wonDeals: coverage.won,
    coveredDeals: coverage.covered,
    coverage: coverageShare(coverage),
  };
}

/** Whether a rising figure is good news, and what it is compared with (see KPI_COMPARISON). */
export const KPI_RULES = KPI_COMPARISON satisfies Partial<Record<keyof Kpis, ComparisonRule>>;
export type KpiKey = keyof typeof KPI_RULES;

/** The backlog figures of a period as they stood at `asOf`. */
export interface BacklogKpis {
  pending: number;
  medianDaysToVerdict: number | null;
  /** Claims of any period waiting for a verdict at `asOf` (the verification backlog). */
  backlog: number;
}

/**
 * The backlog figures of `period` as they stood at `asOf`: claims made (and logged) by then, of
 * which those without a verdict by then were waiting. A verdict given later counts as waiting.
 */
export async function getBacklogKpisAsOf(teamIds: readonly string[], period: Pick<PeriodRef, "startsAt" | "endsAt">, asOf: Date): Promise<BacklogKpis> {
  const from = period.startsAt;
  const to = asOf.getTime() < period.endsAt.getTime() ? asOf : period.endsAt;
  const people = peopleOf(teamIds);
  const [[waiting], [verdictTime]] = await Promise.all([
    prisma.$queryRaw<Array<{ pending: Num; backlog: Num }>>`
      SELECT SUM(CASE WHEN c."madeAt" >= ${from} AND c."madeAt" < ${to} THEN 1 ELSE 0 END) AS pending, COUNT(*) AS backlog
        FROM "Claim" c
       WHERE c."salespersonId" IN ${people} AND c."madeAt" < ${asOf} AND c."createdAt" <= ${asOf}
         AND (c."verifiedAt" IS NULL OR c."verifiedAt" > ${asOf})`,
    prisma.$queryRaw<Array<{ median: number | null }>>`
      WITH d AS (SELECT julianday(c."verifiedAt") - julianday(c."createdAt") AS days
                   FROM "Claim" c
                  WHERE c."salespersonId" IN ${people} AND c."madeAt" >= ${from} AND c."madeAt" < ${to} AND c."verifiedAt" <= ${asOf}),
           o AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM d)
      SELECT AVG(days) AS median FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`,
  ]);
  return { pending: num(waiting?.pending ?? 0), medianDaysToVerdict: verdictTime?.median ?? null, backlog: num(waiting?.backlog ?? 0) };
}

export function kpiDeltas(current: Kpis, previous: Kpis | null, previousSamePoint: BacklogKpis | null): Record<KpiKey, Delta> {
  return comparedDeltas(KPI_RULES, current, previous, previousSamePoint);
}

// ---------------------------------------------------------------- charts

export interface MonthlyAccuracy {
  months: string[];
  teams: TeamOption[];
  /** accuracy[teamIndex][monthIndex]; null when the team had no final verdict that month. */
  accuracy: Array<Array<number | null>>;
  claims: number[][];
}

/** Weighted accuracy by month of the claim, per team, over the twelve months ending with the period. */
export async function getMonthlyAccuracy(teams: readonly TeamOption[], period: Pick<PeriodRef, "endsAt">): Promise<MonthlyAccuracy> {
  const { from, to } = trailingYear(period);
  const months = monthsBetween(from, to);
  const rows = await prisma.$queryRaw<Array<{ teamId: string; month: string; claims: Num; weightedCredit: Num; weight: Num }>>`
    SELECT u."teamId" AS teamId, substr(c."madeAt", 1, 7) AS month, COUNT(*) AS claims,
           SUM(${weightedCreditSql("c")}) AS weightedCredit, SUM(${weightSql("c")}) AS weight
      FROM "Claim" c JOIN "User" u ON u."id" = c."salespersonId"
     WHERE c."salespersonId" IN ${peopleOf(teams.map((team) => team.id))} AND c."madeAt" >= ${from} AND c."madeAt" < ${to}
     GROUP BY u."teamId", month`;
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

export interface ScatterPoint {
  id: string;
  name: string;
  teamName: string;
  /** Weighted claim accuracy over the window. */
  x: number;
  /** Mean six-month satisfaction s over the window's answered surveys. */
  y: number;
  claims: number;
  surveys: number;
}

export interface AccuracySatisfaction {
  /** The window as the claims table's inclusive day range. */
  days: { from: string; to: string };
  points: ScatterPoint[];
  /** Salespeople with both figures, before any downsampling. */
  total: number;
}

/** Accuracy against six-month satisfaction per salesperson, over the twelve months ending with the period. */
export async function getAccuracyVsSatisfaction(teamIds: readonly string[], period: Pick<PeriodRef, "endsAt">): Promise<AccuracySatisfaction> {
  const { from, to } = trailingYear(period);
  const rows = await prisma.$queryRaw<Array<{ id: string; name: string; teamName: string | null; claims: Num; weightedCredit: Num; weight: Num; surveys: Num; satisfaction: number | null }>>`
    WITH people AS (SELECT u."id", u."name", t."name" AS teamName FROM "User" u JOIN "Team" t ON t."id" = u."teamId"
                     WHERE u."teamId" IN (${Prisma.join(teamIds)}) AND u."role" = 'SALES'),
         cl AS (SELECT c."salespersonId" AS id, COUNT(*) AS claims, SUM(${weightedCreditSql("c")}) AS weightedCredit, SUM(${weightSql("c")}) AS weight
                  FROM "Claim" c WHERE c."salespersonId" IN (SELECT "id" FROM people) AND c."madeAt" >= ${from} AND c."madeAt" < ${to}
                 GROUP BY c."salespersonId"),
         sv AS (SELECT s."salespersonId" AS id, COUNT(*) AS surveys, AVG(${surveyScoreSql("s")}) AS satisfaction
                  FROM "Survey" s WHERE s."salespersonId" IN (SELECT "id" FROM people) AND s."dueAt" >= ${from} AND s."dueAt" < ${to} AND s."respondedAt" IS NOT NULL
                 GROUP BY s."salespersonId")
    SELECT p."id" AS id, p."name" AS name, p.teamName AS teamName, cl.claims, cl.weightedCredit, cl.weight, sv.surveys, sv.satisfaction
      FROM people p JOIN cl ON cl.id = p."id" JOIN sv ON sv.id = p."id"
     WHERE cl.weight > 0 AND sv.satisfaction IS NOT NULL`;
  const all: ScatterPoint[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    teamName: row.teamName ?? "",
    x: num(row.weightedCredit) / num(row.weight),
    y: row.satisfaction ?? 0,
    claims: num(row.claims),
    surveys: num(row.surveys),
  }));
  return { days: dayRange(from, to), points: downsampleScatter(all, MAX_CHART_POINTS), total: all.length };
}

export interface MisrepresentedCapability {
  id: string;
  key: string;
  title: string;
  productSlug: string;
  productName: string;
  overstated: number;
  inaccurate: number;
}

/** The capabilities most often overstated or judged inaccurate in the period (top `limit`). */
export async function getMisrepresentedCapabilities(teamIds: readonly string[], period: Pick<PeriodRef, "startsAt" | "endsAt">, limit = 10): Promise<MisrepresentedCapability[]> {
  const rows = await prisma.$queryRaw<Array<{ id: string; key: string; title: string; productSlug: string; productName: string; overstated: Num; inaccurate: Num }>>`
    WITH m AS (SELECT c."capabilityId" AS id,
                      SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS overstated,
                      SUM(CASE WHEN c."status" = 'INACCURATE' THEN 1 ELSE 0 END) AS inaccurate
                 FROM "Claim" c
                WHERE c."salespersonId" IN ${peopleOf(teamIds)} AND c."madeAt" >= ${period.startsAt} AND c."madeAt" < ${period.endsAt}
                GROUP BY c."capabilityId"
               -- Filtering after grouping keeps the scan on the covering index (an OR in WHERE
               -- makes SQLite read two other indexes and every matching row).
               HAVING c."capabilityId" IS NOT NULL AND overstated + inaccurate > 0)
    SELECT cap."id" AS id, cap."key" AS key, cap."title" AS title, p."slug" AS productSlug, p."name" AS productName, m.overstated, m.inaccurate
      FROM m JOIN "Capability" cap ON cap."id" = m.id JOIN "Product" p ON p."id" = cap."productId"
     ORDER BY m.overstated + m.inaccurate DESC, cap."title" ASC
     LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, overstated: num(row.overstated), inaccurate: num(row.inaccurate) }));
}

export const SCORE_BINS = 10;

export interface QuizDistribution {
  quizzes: Array<{ id: string; title: string; passMark: number }>;
  /** counts[binIndex][quizIndex]: submitted attempts scoring in the bin. */
  counts: number[][];
  attempts: number;
}

/** Submitted attempts of the period by score (10 % bins), per quiz. */
export async function getQuizDistribution(teamIds: readonly string[], period: Pick<PeriodRef, "startsAt" | "endsAt">): Promise<QuizDistribution> {
  // The bin expression is binIndex() of app/domain/chart-data.ts in SQL (same edges, same clamping).
  const rows = await prisma.$queryRaw<Array<{ quizId: string; bin: Num; attempts: Num }>>`
    SELECT a."quizId" AS quizId, MIN(${SCORE_BINS - 1}, MAX(0, CAST(a."score" * ${SCORE_BINS} + 1e-9 AS INTEGER))) AS bin, COUNT(*) AS attempts
      FROM "QuizAttempt" a
     WHERE a."userId" IN ${peopleOf(teamIds)} AND a."submittedAt" >= ${period.startsAt} AND a."submittedAt" < ${period.endsAt} AND a."score" IS NOT NULL
     GROUP BY a."quizId", bin`;
  const quizIds = [...new Set(rows.map((row) => row.quizId))];
  const quizzes = quizIds.length ? await prisma.quiz.findMany({ where: { id: { in: quizIds } }, select: { id: true, title: true, passMark: true }, orderBy: { title: "asc" } }) : [];
  const counts = Array.from({ length: SCORE_BINS }, () => quizzes.map(() => 0));
  for (const row of rows) {
    const quizIndex = quizzes.findIndex((quiz) => quiz.id === row.quizId);
    const bin = counts[Math.min(SCORE_BINS - 1, Math.max(0, num(row.bin)))];
    if (bin && quizIndex >= 0) bin[quizIndex] = (bin[quizIndex] ?? 0) + num(row.attempts);
  }
  return { quizzes, counts, attempts: rows.reduce((sum, row) => sum + num(row.attempts), 0) };
}

export interface BacklogBucket {
  label: string;
  /** The claims table's made-from / made-to days (inclusive) of the bucket. */
  from: string | null;
  to: string;
  count: number;
}

// Ages in whole UTC days since the claim was made; the verification target is 3 working days.

const BACKLOG_BUCKETS = [
  { label: "0–3 days", min: 0, max: 3 },
  { label: "4–7 days", min: 4, max: 7 },
  { label: "8–14 days", min: 8, max: 14 },
  { label: "15–30 days", min: 15, max: 30 },
  { label: "31–60 days", min: 31, max: 60 },
  { label: "Over 60 days", min: 61, max: null },
] as const;

/** Claims waiting for a verdict today, by how many days ago they were made. */
export async function getVerificationBacklog(teamIds: readonly string[], now = new Date()): Promise<BacklogBucket[]> {
  const today = startOfUtcDay(now);
  const bounds = BACKLOG_BUCKETS.map((bucket) => ({
    ...bucket,
    // made on or after `start` (UTC day today − max) and before `end` (day today − min + 1)
    start: bucket.max === null ? null : addDays(today, -bucket.max),
    end: addDays(today, -bucket.min + 1),
  }));
  const sums = bounds.map((bucket) =>
    bucket.start === null
      ? Prisma.sql`SUM(CASE WHEN c."madeAt" < ${bucket.end} THEN 1 ELSE 0 END)`
      : Prisma.sql`SUM(CASE WHEN c."madeAt" >= ${bucket.start} AND c."madeAt" < ${bucket.end} THEN 1 ELSE 0 END)`,
  );
  const [row] = await prisma.$queryRaw<Array<Record<string, Num>>>`
    SELECT ${Prisma.join(sums.map((sum, index) => Prisma.sql`${sum} AS ${Prisma.raw(`b${index}`)}`))}
      FROM "Claim" c WHERE c."status" = 'PENDING' AND c."salespersonId" IN ${peopleOf(teamIds)}`;
  return bounds.map((bucket, index) => ({
    label: bucket.label,
    from: bucket.start ? bucket.start.toISOString().slice(0, 10) : null,
    to: addDays(bucket.end, -1).toISOString().slice(0, 10),
    count: num(row?.[`b${index}`] ?? 0),
  }));
}

export interface Dashboard {
  kpis: Kpis;
  previousKpis: Kpis | null;
  /** The previous period's backlog figures as many days into it as today is into this one. */
  previousSamePoint: (BacklogKpis & { asOf: Date }) | null;
  deltas: Record<KpiKey, Delta>;
  monthly: MonthlyAccuracy;
  scatter: AccuracySatisfaction;
  capabilities: MisrepresentedCapability[];
  quiz: QuizDistribution;
  backlog: BacklogBucket[];
  /** Deals of the period whose customer says the promise was not kept and that have no claim. */
  unlogged: UnloggedPromises;
  periodDays: { from: string; to: string };
}

/** Everything the dashboard shows for `teams` in `current`, compared with `previous`. */
export async function getDashboard(teams: readonly TeamOption[], current: PeriodRef, previous: PeriodRef | null, now = new Date()): Promise<Dashboard> {
  const teamIds = teams.map((team) => team.id);
  const samePoint = previous ? samePointInPrevious(current, previous, now) : null;
  const [kpis, previousKpis, previousBacklog, monthly, scatter, capabilities, quiz, backlog, unlogged] = await Promise.all([
    getKpis(teamIds, current, now),
    previous ? getKpis(teamIds, previous, now) : Promise.resolve(null),
    previous && samePoint ? getBacklogKpisAsOf(teamIds, previous, samePoint) : Promise.resolve(null),
    getMonthlyAccuracy(teams, current),
    getAccuracyVsSatisfaction(teamIds, current),
    getMisrepresentedCapabilities(teamIds, current),
    getQuizDistribution(teamIds, current),
    getVerificationBacklog(teamIds, now),
    listUnloggedPromises(teamIds, current),
  ]);
  const previousSamePoint = previousBacklog && samePoint ? { ...previousBacklog, asOf: samePoint } : null;
  return {
    kpis,
    previousKpis,
    previousSamePoint,
    deltas: kpiDeltas(kpis, previousKpis, previousBacklog),
    monthly,
    scatter,
    capabilities,
    quiz,
    backlog,
    unlogged,
    periodDays: dayRange(current.startsAt, current.endsAt),
  };
}

/**
 * Open disputes on claims of the salespeople in the teams in view (PRODUCT.md §8's dashboard
 * tile): a count of now, not of the period, since a dispute waits until someone resolves it.
 */
export async function countOpenDisputesInTeams(teamIds: readonly string[]): Promise<number> {
  if (teamIds.length === 0) return 0;
  return prisma.claimDispute.count({ where: { status: "OPEN", claim: { salesperson: { teamId: { in: [...teamIds] } } } } });
}
