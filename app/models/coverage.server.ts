// Coverage and unlogged promises (PRODUCT.md §7) as SQL aggregates over the salespeople in
// view: one grouped query for any number of people, never one per person. The rule and its
// wording live in app/domain/coverage.ts.
//
// A deal belongs to a period by its closedAt (a won deal is won when it closes); a survey by
// its dueAt, as §4 counts surveys. "Any claim" means any source — SELF, OBSERVED, CUSTOMER or
// CONVERSATION — so a deal is covered whoever wrote the promise down.
import { Prisma } from "../generated/prisma/client.ts";
import { UNLOGGED_PROMISE_ANSWERS, type CoverageCounts, type UnloggedPromiseAnswer } from "../domain/coverage.ts";
import { choosePeriods, type PeriodRef } from "../domain/dashboard-period.ts";
import { prisma } from "../lib/db.server.ts";
import { rowDate, sql } from "../lib/sql-dialect.server.ts";

type Num = number | bigint | null;
const num = (value: Num) => Number(value ?? 0);
type Window = Pick<PeriodRef, "startsAt" | "endsAt">;

/** The users of the teams in view, as an SQL set (the (teamId, role) index). */
function peopleOf(teamIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT "id" FROM "User" WHERE "teamId" IN (${Prisma.join(teamIds)}))`;
}

// Whether deal `d` has any claim at all, read from the Claim(dealId) index alone.
const HAS_CLAIM_SQL = Prisma.raw(`EXISTS (SELECT 1 FROM "Claim" c WHERE c."dealId" = d."id")`);

/**
 * Won deals of the period and how many have a claim, per owner: columns id, won, covered.
 * `people` is an SQL set of user ids (a subquery in parentheses).
 */
export function coverageByOwnerSql(people: Prisma.Sql, period: Window): Prisma.Sql {
  return Prisma.sql`SELECT d."ownerId" AS "id", COUNT(*) AS "won", SUM(CASE WHEN ${HAS_CLAIM_SQL} THEN 1 ELSE 0 END) AS "covered"
      FROM "Deal" d
     WHERE d."ownerId" IN ${people} AND d."status" = 'WON' AND d."closedAt" >= ${period.startsAt} AND d."closedAt" < ${period.endsAt}
     GROUP BY d."ownerId"`;
}

async function countCoverage(people: Prisma.Sql, period: Window): Promise<CoverageCounts> {
  const [row] = await prisma.$queryRaw<Array<{ won: Num; covered: Num }>>`
    SELECT COUNT(*) AS "won", SUM(CASE WHEN ${HAS_CLAIM_SQL} THEN 1 ELSE 0 END) AS "covered"
      FROM "Deal" d
     WHERE d."ownerId" IN ${people} AND d."status" = 'WON' AND d."closedAt" >= ${period.startsAt} AND d."closedAt" < ${period.endsAt}`;
  return { won: num(row?.won ?? 0), covered: num(row?.covered ?? 0) };
}

/** The teams' coverage for the period, all their salespeople together. */
export async function getTeamCoverage(teamIds: readonly string[], period: Window): Promise<CoverageCounts> {
  if (teamIds.length === 0) return { won: 0, covered: 0 };
  return countCoverage(peopleOf(teamIds), period);
}

/** One salesperson's coverage for the period (their home). */
export async function getCoverageOf(userId: string, period: Window): Promise<CoverageCounts> {
  return countCoverage(Prisma.sql`(${userId})`, period);
}

export interface UnloggedPromise {
  dealId: string;
  externalId: string;
  accountName: string;
  salespersonId: string;
  salespersonName: string;
  answer: UnloggedPromiseAnswer;
  respondedAt: Date | null;
  dueAt: Date;
  leastLiked: string | null;
  untrueClaim: string | null;
}

export interface UnloggedPromises {
  rows: UnloggedPromise[];
  /** Every unlogged promise of the period, however many are shown. */
  total: number;
}

export const UNLOGGED_PROMISES_SHOWN = 50;

// The SQLite adapter hands raw DateTime columns back as text (PostgreSQL's, as Dates).

/**
 * Deals of the teams' salespeople whose survey, due in the period, says the product did not
 * (or only partly) do what the customer was told, while no claim at all is linked to the deal.
 * Newest answer first; one query, the total counted by a window over the same rows.
 */
export async function listUnloggedPromises(
  teamIds: readonly string[],
  period: Window,
  limit = UNLOGGED_PROMISES_SHOWN,
): Promise<UnloggedPromises> {
  if (teamIds.length === 0) return { rows: [], total: 0 };
  const people = peopleOf(teamIds);
  const answers = Prisma.join(UNLOGGED_PROMISE_ANSWERS.map((answer) => sql.enumValue("Delivered", answer)));
  // Both the survey's salesperson (the owner at close: the (salespersonId, dueAt) index) and the
  // deal's current owner must be in view, so a deal that moved teams is never shown to a
  // manager of neither, and the "log an observed claim" link names the deal's owner.
  // The SQLite adapter hands the two dates back as text; the rest comes as the page reads it.
  // NULLS LAST is SQLite's order for DESC, spelled out for PostgreSQL (which puts NULLs first).
  const rows = await prisma.$queryRaw<
    Array<
      Omit<UnloggedPromise, "respondedAt" | "dueAt"> & {
        respondedAt: Date | string | null;
        dueAt: Date | string;
        total: Num;
      }
    >
  >`
    SELECT d."id" AS "dealId", d."externalId" AS "externalId", a."name" AS "accountName", d."ownerId" AS "salespersonId", u."name" AS "salespersonName",
           s."deliveredAsPromised" AS "answer", s."respondedAt" AS "respondedAt", s."dueAt" AS "dueAt", s."leastLiked" AS "leastLiked", s."untrueClaim" AS "untrueClaim",
           COUNT(*) OVER () AS "total"
      FROM "Survey" s
      JOIN "Deal" d ON d."id" = s."dealId"
      JOIN "Account" a ON a."id" = d."accountId"
      JOIN "User" u ON u."id" = d."ownerId"
     WHERE s."salespersonId" IN ${people} AND s."dueAt" >= ${period.startsAt} AND s."dueAt" < ${period.endsAt}
       AND s."deliveredAsPromised" IN (${answers})
       AND d."ownerId" IN ${people}
       AND NOT ${HAS_CLAIM_SQL}
     ORDER BY s."respondedAt" DESC NULLS LAST, s."dueAt" DESC, d."id" ASC
     LIMIT ${limit}`;
  return {
    total: num(rows[0]?.total ?? 0),
    rows: rows.map((row) => ({
      dealId: row.dealId,
      externalId: row.externalId,
      accountName: row.accountName,
      salespersonId: row.salespersonId,
      salespersonName: row.salespersonName,
      answer: row.answer,
      respondedAt: rowDate(row.respondedAt),
      dueAt: rowDate(row.dueAt),
      leastLiked: row.leastLiked,
      untrueClaim: row.untrueClaim,
    })),
  };
}

export interface PeriodCoverage {
  period: { name: string; status: PeriodRef["status"] };
  counts: CoverageCounts;
}

/** A salesperson's coverage in the period their scorecard shows (the open one, else the latest); null without periods. */
export async function getCurrentCoverageOf(userId: string): Promise<PeriodCoverage | null> {
  const periods = await prisma.compPeriod.findMany({
    select: { id: true, name: true, startsAt: true, endsAt: true, status: true },
  });
  const chosen = choosePeriods(periods, null);
  if (!chosen) return null;
  return {
    period: { name: chosen.current.name, status: chosen.current.status },
    counts: await getCoverageOf(userId, chosen.current),
  };
}
