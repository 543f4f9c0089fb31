import { addDays } from "../domain/dates.ts";
import { SURVEY_OVERDUE_DAYS } from "../domain/survey-links.ts";
import { SURVEY_LINK_VALID_DAYS, surveyState } from "../domain/survey-schedule.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceUserWhere, salespersonAudienceWhere, type Audience } from "./audience.server.ts";

/** The six-month surveys of a salesperson's deals: answered count and means. */
export async function summariseSurveysOf(salespersonId: string, since: Date) {
  const [answered, due, means, delivered] = await Promise.all([
    prisma.survey.count({ where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since } } }),
    prisma.survey.count({ where: { salespersonId, dueAt: { gte: since, lte: new Date() } } }),
    prisma.survey.aggregate({
      where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since } },
      _avg: { csat: true },
    }),
    prisma.survey.groupBy({
      by: ["deliveredAsPromised"],
      where: { salespersonId, respondedAt: { not: null }, dueAt: { gte: since }, deliveredAsPromised: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const deliveredTotal = delivered.reduce((sum, group) => sum + group._count._all, 0);
  const deliveredYes = delivered.find((group) => group.deliveredAsPromised === "YES")?._count._all ?? 0;
  return {
    answered,
    due,
    meanCsat: means._avg.csat,
    deliveredYesShare: deliveredTotal === 0 ? null : deliveredYes / deliveredTotal,
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

/** The salesperson's most recent surveys (by due date, the next ones due included), with answers. */
export async function listSurveysOfSalesperson(salespersonId: string, now = new Date()) {
  const rows = await prisma.survey.findMany({
    where: { salespersonId, dueAt: { lte: addDays(now, 60) } },
    orderBy: { dueAt: "desc" },
    take: MY_SURVEYS_LIMIT,
    select: {
      id: true,
      dueAt: true,
      sentAt: true,
      respondedAt: true,
      csat: true,
      deliveredAsPromised: true,
      nps: true,
      leastLiked: true,
      source: true,
      deal: { select: { externalId: true, account: { select: { name: true } }, product: { select: { name: true } } } },
    },
  });
  const [total, answered] = await Promise.all([
    prisma.survey.count({ where: { salespersonId } }),
    prisma.survey.count({ where: { salespersonId, respondedAt: { not: null } } }),
  ]);
  return {
    total,
    answered,
    surveys: rows.map((row) => ({
      id: row.id,
      dueAt: row.dueAt,
      state: surveyState(row, now),
      account: row.deal.account.name,
      externalId: row.deal.externalId,
      product: row.deal.product?.name ?? null,
      csat: row.csat,
      deliveredAsPromised: row.deliveredAsPromised,
      nps: row.nps,
      leastLiked: row.leastLiked,
      source: row.source,
    })),
  };
}
