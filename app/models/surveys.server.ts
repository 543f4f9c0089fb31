import { addDays } from "../domain/dates.ts";
import { SURVEY_OVERDUE_DAYS } from "../domain/survey-links.ts";
import { SURVEY_LINK_VALID_DAYS, surveyState } from "../domain/survey-schedule.ts";
import type { Delivered } from "../domain/levels.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { SurveySource } from "../generated/prisma/enums.ts";
import { prisma } from "../lib/db.server.ts";
import { rowDate, sql } from "../lib/sql-dialect.server.ts";
import { audienceUserWhere, salespersonAudienceWhere, type Audience } from "./audience.server.ts";

type Num = number | bigint | null;

/**
 * The six-month surveys of a salesperson's deals due since `since`: how many came due and were
 * answered, the mean CSAT, and the share answered "yes, as promised". One pass over the person's
 * (salespersonId, dueAt) index range.
 */
export async function summariseSurveysOf(salespersonId: string, since: Date, now = new Date()) {
  const answered = Prisma.raw(`s."respondedAt" IS NOT NULL`);
  const [row] = await prisma.$queryRaw<
    Array<{ answered: Num; due: Num; csatSum: Num; csatCount: Num; delivered: Num; deliveredYes: Num }>
  >`
    SELECT SUM(CASE WHEN ${answered} THEN 1 ELSE 0 END) AS "answered",
           SUM(CASE WHEN s."dueAt" <= ${now} THEN 1 ELSE 0 END) AS "due",
           SUM(CASE WHEN ${answered} THEN s."csat" END) AS "csatSum",
           SUM(CASE WHEN ${answered} AND s."csat" IS NOT NULL THEN 1 ELSE 0 END) AS "csatCount",
           SUM(CASE WHEN ${answered} AND s."deliveredAsPromised" IS NOT NULL THEN 1 ELSE 0 END) AS "delivered",
           SUM(CASE WHEN ${answered} AND s."deliveredAsPromised" = ${sql.enumValue("Delivered", "YES")} THEN 1 ELSE 0 END) AS "deliveredYes"
      FROM "Survey" s
     WHERE s."salespersonId" = ${salespersonId} AND s."dueAt" >= ${since}`;
  const count = (value: Num | undefined) => Number(value ?? 0);
  const csatCount = count(row?.csatCount);
  const delivered = count(row?.delivered);
  return {
    answered: count(row?.answered),
    due: count(row?.due),
    meanCsat: csatCount === 0 ? null : count(row?.csatSum) / csatCount,
    deliveredYesShare: delivered === 0 ? null : count(row?.deliveredYes) / delivered,
  };
}

// ---------------------------------------------------------------------------------------------
// The satisfaction overview (/surveys): counts and means per salesperson, in SQL.

export interface SurveyCounts {
  total: number;
  cameDue: number;
  toSend: number;
  overdue: number;
  sent: number;
  answered: number;
  expired: number;
  csatSum: number;
  csatCount: number;
  deliveredYes: number;
  deliveredPartly: number;
  deliveredCount: number;
}

const emptyCounts = (): SurveyCounts => ({
  total: 0,
  cameDue: 0,
  toSend: 0,
  overdue: 0,
  sent: 0,
  answered: 0,
  expired: 0,
  csatSum: 0,
  csatCount: 0,
  deliveredYes: 0,
  deliveredPartly: 0,
  deliveredCount: 0,
});

/**
 * Per salesperson in the audience: surveys scheduled, come due,
 * waiting to be sent, overdue (due SURVEY_OVERDUE_DAYS ago and not sent), sent and awaiting an
 * answer, answered, expired; and the six-month CSAT and "delivered as promised" of the answers
 * to surveys due within the window.
 */
export async function getSurveyOverview(audience: Audience, now: Date, since: Date) {
  const scope: Prisma.SurveyWhereInput = salespersonAudienceWhere(audience);
  const base = { ...scope, dueAt: { gte: since } };
  const open = { respondedAt: null, dueAt: { lte: now, gt: addDays(now, -SURVEY_LINK_VALID_DAYS), gte: since } };
  const overdueBefore = addDays(now, -SURVEY_OVERDUE_DAYS);
  const count = (where: Prisma.SurveyWhereInput) =>
    prisma.survey.groupBy({ by: ["salespersonId"], where: { ...scope, ...where }, _count: { _all: true } });
  const [total, cameDue, toSend, overdue, sent, answered, expired, scores, delivered, people] = await Promise.all([
    count(base),
    count({ dueAt: { gte: since, lte: now } }),
    count({ ...open, sentAt: null }),
    count({ ...open, sentAt: null, dueAt: { ...open.dueAt, lte: overdueBefore } }),
    count({ ...open, sentAt: { not: null } }),
    count({ ...base, respondedAt: { not: null } }),
    count({ respondedAt: null, dueAt: { gte: since, lte: addDays(now, -SURVEY_LINK_VALID_DAYS) } }),
    prisma.survey.groupBy({
      by: ["salespersonId"],
      where: { ...base, respondedAt: { not: null }, csat: { not: null } },
      _sum: { csat: true },
      _count: { csat: true },
    }),
    prisma.survey.groupBy({
      by: ["salespersonId", "deliveredAsPromised"],
      where: { ...base, respondedAt: { not: null }, deliveredAsPromised: { not: null } },
      _count: { _all: true },
    }),
    prisma.user.findMany({
      where: {
        role: "SALES",
        ...audienceUserWhere(audience),
        OR: [{ active: true }, { surveys: { some: { dueAt: { gte: since } } } }],
      },
      select: { id: true, name: true, active: true, team: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const bySalesperson = new Map<string, SurveyCounts>();
  const countsOf = (id: string) => {
    let counts = bySalesperson.get(id);
    if (!counts) bySalesperson.set(id, (counts = emptyCounts()));
    return counts;
  };
  const fill = (rows: Array<{ salespersonId: string; _count: { _all: number } }>, key: keyof SurveyCounts) => {
    for (const row of rows) countsOf(row.salespersonId)[key] += row._count._all;
  };
  fill(total, "total");
  fill(cameDue, "cameDue");
  fill(toSend, "toSend");
  fill(overdue, "overdue");
  fill(sent, "sent");
  fill(answered, "answered");
  fill(expired, "expired");
  for (const row of scores) {
    const counts = countsOf(row.salespersonId);
    counts.csatSum += row._sum.csat ?? 0;
    counts.csatCount += row._count.csat;
  }
  for (const row of delivered) {
    const counts = countsOf(row.salespersonId);
    counts.deliveredCount += row._count._all;
    if (row.deliveredAsPromised === "YES") counts.deliveredYes += row._count._all;
    if (row.deliveredAsPromised === "PARTLY") counts.deliveredPartly += row._count._all;
  }

  const salespeople = people.map((person) => ({
    id: person.id,
    name: person.name,
    active: person.active,
    teamId: person.team?.id ?? null,
    team: person.team?.name ?? null,
    counts: bySalesperson.get(person.id) ?? emptyCounts(),
  }));
  const teams = new Map<string, { id: string; name: string; counts: SurveyCounts }>();
  const all = emptyCounts();
  for (const person of salespeople) {
    const key = person.teamId ?? "";
    let team = teams.get(key);
    if (!team) teams.set(key, (team = { id: key, name: person.team ?? "No team", counts: emptyCounts() }));
    for (const field of Object.keys(all) as Array<keyof SurveyCounts>) {
      team.counts[field] += person.counts[field];
      all[field] += person.counts[field];
    }
  }
  return { salespeople, teams: [...teams.values()].sort((a, b) => a.name.localeCompare(b.name)), all };
}

// ---------------------------------------------------------------------------------------------
// The salesperson's home: "Surveys of your deals".

export const MY_SURVEYS_LIMIT = 12;

/**
 * The salesperson's most recent surveys (by due date, the next ones due included), with answers,
 * and how many they have and have answered: two statements, the deal, account and product joined.
 */
export async function listSurveysOfSalesperson(salespersonId: string, now = new Date()) {
  const [rows, [counts]] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        id: string;
        dueAt: Date | string;
        sentAt: Date | string | null;
        respondedAt: Date | string | null;
        csat: number | null;
        deliveredAsPromised: Delivered | null;
        nps: number | null;
        leastLiked: string | null;
        source: SurveySource | null;
        externalId: string;
        account: string;
        product: string | null;
      }>
    >`
      SELECT s."id", s."dueAt", s."sentAt", s."respondedAt", s."csat", s."deliveredAsPromised", s."nps", s."leastLiked", s."source",
             d."externalId", a."name" AS "account", p."name" AS "product"
        FROM "Survey" s
        JOIN "Deal" d ON d."id" = s."dealId"
        JOIN "Account" a ON a."id" = d."accountId"
        LEFT JOIN "Product" p ON p."id" = d."productId"
       WHERE s."salespersonId" = ${salespersonId} AND s."dueAt" <= ${addDays(now, 60)}
       ORDER BY s."dueAt" DESC, s."id" DESC
       LIMIT ${MY_SURVEYS_LIMIT}`,
    prisma.$queryRaw<Array<{ total: Num; answered: Num }>>`
      SELECT COUNT(*) AS "total", SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "answered"
        FROM "Survey" s WHERE s."salespersonId" = ${salespersonId}`,
  ]);
  return {
    total: Number(counts?.total ?? 0),
    answered: Number(counts?.answered ?? 0),
    surveys: rows.map((row) => {
      const dates = { dueAt: rowDate(row.dueAt), sentAt: rowDate(row.sentAt), respondedAt: rowDate(row.respondedAt) };
      return {
        id: row.id,
        dueAt: dates.dueAt,
        state: surveyState(dates, now),
        account: row.account,
        externalId: row.externalId,
        product: row.product,
        csat: row.csat === null ? null : Number(row.csat),
        deliveredAsPromised: row.deliveredAsPromised,
        nps: row.nps === null ? null : Number(row.nps),
        leastLiked: row.leastLiked,
        source: row.source,
      };
    }),
  };
}
