// The manager dashboard's figures (PRODUCT.md §5), every one an SQL aggregate over the teams in
// view: nothing here loads claims, attempts or surveys into JavaScript to count them. The period
// figures and chart series come from the monthly rollups (app/models/rollups.server.ts, ADR 019),
// so the page costs the same however much history is kept; the backlog figures — what is waiting
// now, or was waiting at an instant — are read from the claims through their indexes.
import { Prisma } from "../generated/prisma/client.ts";
import { coverageShare } from "../domain/coverage.ts";
import {
  comparedDeltas,
  downsampleScatter,
  KPI_COMPARISON,
  MAX_CHART_POINTS,
  type ComparisonRule,
  type Delta,
} from "../domain/chart-data.ts";
import {
  choosePeriods,
  dayRange,
  monthsBetween,
  samePointInPrevious,
  trailingYear,
  type ChosenPeriods,
  type PeriodRef,
} from "../domain/dashboard-period.ts";
import { ageBands } from "../domain/age-bands.ts";
import { addDays, startOfUtcDay } from "../domain/dates.ts";
import { medianFromPlaces, medianPlaces, subtractCounts, type TimeRange } from "../domain/rollups.ts";
import { prisma } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { audienceTeamIds, type Audience } from "./audience.server.ts";
import { listUnloggedPromises, type UnloggedPromises } from "./coverage.server.ts";
import {
  getWaitingAt,
  misrepresentedCapabilitiesSql,
  sumAccuracySatisfactionByPerson,
  sumClaimsByTeamMonth,
  sumRollups,
  VERDICT_TIME_COLUMNS,
  verdictTimesAt,
} from "./rollups.server.ts";

export interface TeamOption {
  id: string;
  name: string;
}

/** The teams in a dashboard reader's audience: every team, the managed ones, or none. */
export async function listDashboardTeams(audience: Audience): Promise<TeamOption[]> {
  const ids = audienceTeamIds(audience);
  if (ids !== null && ids.length === 0) return [];
  return prisma.team.findMany({
    where: ids === null ? {} : { id: { in: ids } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function listPeriods(): Promise<PeriodRef[]> {
  return prisma.compPeriod.findMany({
    select: { id: true, name: true, startsAt: true, endsAt: true, status: true },
    orderBy: { startsAt: "asc" },
  });
}

export async function chooseDashboardPeriods(
  requested: string | null,
  now = new Date(),
): Promise<{ periods: PeriodRef[]; chosen: ChosenPeriods<PeriodRef> | null }> {
  const periods = await listPeriods();
  return { periods, chosen: choosePeriods(periods, requested, now) };
}

/** Salespeople of the teams in view, as an SQL subquery (uses the (teamId, role) index). */
function peopleOf(teamIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT "id" FROM "User" WHERE "teamId" IN (${Prisma.join(teamIds)}))`;
}

/**
 * Whether the backlog figures seek each salesperson's claims (a few teams in view: a manager's)
 * or read the company's backlog once and keep the view's claims (most teams: the admin's). Both
 * give the same figures; a seek per person reads only their claims, one range reads everyone's
 * but without a seek each, which is cheaper once the view holds most of the company.
 */
async function seeksPerPerson(teamIds: readonly string[]): Promise<boolean> {
  return teamIds.length * 2 < (await prisma.team.count());
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

export async function getKpis(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  now = new Date(),
): Promise<Kpis> {
  const { startsAt: from, endsAt: to } = period;
  const dueUntil = now.getTime() < to.getTime() ? now : to;
  const people = peopleOf(teamIds);
  const sums = await sumRollups(prisma, people, { from, to });
  // Surveys due so far: the period's, up to today.
  const due =
    dueUntil.getTime() >= to.getTime()
      ? sums.surveys
      : (await sumRollups(prisma, people, { from, to: dueUntil }, ["surveys"])).surveys;
  const answered = sums.surveysAnswered;
  return {
    claims: sums.claims,
    accuracy: sums.judgedWeight === 0 ? null : sums.judgedCredit / sums.judgedWeight,
    pending: sums.pending,
    medianDaysToVerdict: await medianDaysToVerdict(people, { from, to }, sums.verdictTimes),
    overstatedShare: ratio(sums.overstated, sums.claims),
    quizAttempts: sums.attempts,
    quizPassRate: ratio(sums.attemptsPassed, sums.attempts),
    surveysDue: due,
    surveysAnswered: answered,
    meanCsat: ratio(sums.csatSum, sums.csatCount),
    deliveredRate: ratio(sums.deliveredYes, sums.deliveredCount),
    // Answers can arrive for a survey before it is due; never above 100 %.
    responseRate: due === 0 ? null : Math.min(1, answered / due),
    wonDeals: sums.wonDeals,
    coveredDeals: sums.coveredDeals,
    coverage: coverageShare({ won: sums.wonDeals, covered: sums.coveredDeals }),
  };
}

/**
 * Days from logging to verdict, median over the claims of `people` made in the window that have
 * a verdict (by `verifiedBy`, when given): the histogram says which bin holds the middle
 * value(s), and only that bin's claims are read, in order. SQLite has no MEDIAN, and sorting a
 * whole period's claims is what this replaces.
 */
async function medianDaysToVerdict(
  people: Prisma.Sql,
  window: TimeRange,
  histogram: readonly number[],
  verifiedBy: Date | null = null,
): Promise<number | null> {
  const places = medianPlaces(histogram);
  const [first, second] = places;
  if (!first) return null;
  const values =
    second && second.bin === first.bin
      ? await verdictTimesAt(prisma, people, window, first, 2, verifiedBy)
      : [
          ...(await verdictTimesAt(prisma, people, window, first, 1, verifiedBy)),
          ...(second ? await verdictTimesAt(prisma, people, window, second, 1, verifiedBy) : []),
        ];
  // Fewer values than the histogram promised would mean stale rollups: no figure rather than a wrong one.
  return values.length === places.length ? medianFromPlaces(values) : null;
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
export async function getBacklogKpisAsOf(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  asOf: Date,
  seek?: boolean,
): Promise<BacklogKpis> {
  const window = { from: period.startsAt, to: asOf.getTime() < period.endsAt.getTime() ? asOf : period.endsAt };
  const people = peopleOf(teamIds);
  const waiting = await getWaitingAt(prisma, people, window, asOf, seek ?? (await seeksPerPerson(teamIds)));
  // The window's verdicts by time, less those given after asOf: the verdicts known by then.
  const { verdictTimes } = await sumRollups(prisma, people, window, VERDICT_TIME_COLUMNS);
  const histogram = subtractCounts(verdictTimes, waiting.judgedLater);
  return {
    pending: waiting.pending,
    medianDaysToVerdict: await medianDaysToVerdict(people, window, histogram, asOf),
    backlog: waiting.backlog,
  };
}

export function kpiDeltas(
  current: Kpis,
  previous: Kpis | null,
  previousSamePoint: BacklogKpis | null,
): Record<KpiKey, Delta> {
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
export async function getMonthlyAccuracy(
  teams: readonly TeamOption[],
  period: Pick<PeriodRef, "endsAt">,
): Promise<MonthlyAccuracy> {
  const { from, to } = trailingYear(period);
  const months = monthsBetween(from, to);
  const rows = await sumClaimsByTeamMonth(prisma, peopleOf(teams.map((team) => team.id)), { from, to });
  const cell = new Map(rows.map((row) => [`${row.teamId}|${row.month}`, row]));
  return {
    months,
    teams: [...teams],
    accuracy: teams.map((team) =>
      months.map((month) => {
        const row = cell.get(`${team.id}|${month}`);
        return !row || row.judgedWeight === 0 ? null : row.judgedCredit / row.judgedWeight;
      }),
    ),
    claims: teams.map((team) => months.map((month) => cell.get(`${team.id}|${month}`)?.claims ?? 0)),
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
export async function getAccuracyVsSatisfaction(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "endsAt">,
): Promise<AccuracySatisfaction> {
  const { from, to } = trailingYear(period);
  const salespeople = Prisma.sql`(SELECT "id" FROM "User" WHERE "teamId" IN (${Prisma.join(teamIds)}) AND "role" = 'SALES')`;
  const figures = await sumAccuracySatisfactionByPerson(prisma, salespeople, { from, to });
  const all: ScatterPoint[] = figures.flatMap((row) =>
    // Both figures or no point: a final verdict in the window and an answered survey with a score.
    row.claims === 0 || row.judgedWeight === 0 || row.surveysAnswered === 0 || row.satisfactionCount === 0
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            teamName: row.teamName ?? "",
            x: row.judgedCredit / row.judgedWeight,
            y: row.satisfactionSum / row.satisfactionCount,
            claims: row.claims,
            surveys: row.surveysAnswered,
          },
        ],
  );
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
export async function getMisrepresentedCapabilities(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
  limit = 10,
): Promise<MisrepresentedCapability[]> {
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
    WITH m AS (${misrepresentedCapabilitiesSql(peopleOf(teamIds), { from: period.startsAt, to: period.endsAt })})
    SELECT cap."id" AS "id", cap."key" AS "key", cap."title" AS "title", p."slug" AS "productSlug", p."name" AS "productName",
           m."overstated" AS "overstated", m."inaccurate" AS "inaccurate"
      FROM m JOIN "Capability" cap ON cap."id" = m."id" JOIN "Product" p ON p."id" = cap."productId"
     ORDER BY m."overstated" + m."inaccurate" DESC, cap."title" ASC, cap."id" ASC
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
export async function getQuizDistribution(
  teamIds: readonly string[],
  period: Pick<PeriodRef, "startsAt" | "endsAt">,
): Promise<QuizDistribution> {
  // The bin expression is binIndex() of app/domain/chart-data.ts in SQL (same edges, same clamping).
  const bin = Prisma.raw(
    sql.least(String(SCORE_BINS - 1), sql.greatest("0", sql.truncate(`a."score" * ${SCORE_BINS} + 1e-9`))),
  );
  const rows = await prisma.$queryRaw<Array<{ quizId: string; bin: Num; attempts: Num }>>`
    SELECT a."quizId" AS "quizId", ${bin} AS "bin", COUNT(*) AS "attempts"
      FROM "QuizAttempt" a
     WHERE a."userId" IN ${peopleOf(teamIds)} AND a."submittedAt" >= ${period.startsAt} AND a."submittedAt" < ${period.endsAt} AND a."score" IS NOT NULL
     GROUP BY a."quizId", ${bin}`;
  const quizIds = [...new Set(rows.map((row) => row.quizId))];
  const quizzes = quizIds.length
    ? await prisma.quiz.findMany({
        where: { id: { in: quizIds } },
        select: { id: true, title: true, passMark: true },
        orderBy: { title: "asc" },
      })
    : [];
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

const BACKLOG_BUCKETS = ageBands([3, 7, 14, 30, 60], "days");

/**
 * Claims waiting for a verdict today, by how many days ago they were made, from the
 * (status, salespersonId, madeAt) index: a seek per salesperson for a few teams, else one range
 * with each claim's salesperson checked (the unary + rules out the seeks; seeksPerPerson).
 */
export async function getVerificationBacklog(
  teamIds: readonly string[],
  now = new Date(),
  seek?: boolean,
): Promise<BacklogBucket[]> {
  const today = startOfUtcDay(now);
  const bounds = BACKLOG_BUCKETS.map((bucket) => ({
    ...bucket,
    // made on or after `start` (UTC day today − to) and before `end` (day today − from + 1)
    start: bucket.to === null ? null : addDays(today, -bucket.to),
    end: addDays(today, -bucket.from + 1),
  }));
  const sums = bounds.map((bucket) =>
    bucket.start === null
      ? Prisma.sql`SUM(CASE WHEN c."madeAt" < ${bucket.end} THEN 1 ELSE 0 END)`
      : Prisma.sql`SUM(CASE WHEN c."madeAt" >= ${bucket.start} AND c."madeAt" < ${bucket.end} THEN 1 ELSE 0 END)`,
  );
  const [row] = await prisma.$queryRaw<Array<Record<string, Num>>>`
    SELECT ${Prisma.join(sums.map((sum, index) => Prisma.sql`${sum} AS ${Prisma.raw(`b${index}`)}`))}
      FROM "Claim" c WHERE c."status" = 'PENDING' AND ${Prisma.raw((seek ?? (await seeksPerPerson(teamIds))) ? `c."salespersonId"` : sql.noIndex(`c."salespersonId"`))} IN ${peopleOf(teamIds)}`;
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
export async function getDashboard(
  teams: readonly TeamOption[],
  current: PeriodRef,
  previous: PeriodRef | null,
  now = new Date(),
): Promise<Dashboard> {
  const teamIds = teams.map((team) => team.id);
  const samePoint = previous ? samePointInPrevious(current, previous, now) : null;
  const seek = await seeksPerPerson(teamIds);
  const [kpis, previousKpis, previousBacklog, monthly, scatter, capabilities, quiz, backlog, unlogged] =
    await Promise.all([
      getKpis(teamIds, current, now),
      previous ? getKpis(teamIds, previous, now) : Promise.resolve(null),
      previous && samePoint ? getBacklogKpisAsOf(teamIds, previous, samePoint, seek) : Promise.resolve(null),
      getMonthlyAccuracy(teams, current),
      getAccuracyVsSatisfaction(teamIds, current),
      getMisrepresentedCapabilities(teamIds, current),
      getQuizDistribution(teamIds, current),
      getVerificationBacklog(teamIds, now, seek),
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
  return prisma.claimDispute.count({
    where: { status: "OPEN", claim: { salesperson: { teamId: { in: [...teamIds] } } } },
  });
}
