// One salesperson's page (/people/<id>, PRODUCT.md §3): who they are, their figures for the
// open period, and their claims, quiz attempts, surveys and statements.
import { choosePeriods } from "../domain/dashboard-period.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma } from "../lib/db.server.ts";
import { audienceIncludes, type Audience } from "./audience.server.ts";
import { listRecentClaimsOf } from "./claims.server.ts";
import { listSurveysOfSalesperson } from "./surveys.server.ts";
import { listPeriods } from "./dashboard.server.ts";
import { getScorecardRow } from "./scorecard.server.ts";

/** Who the person page is about: their name and team, and whether they are an active salesperson. */
const personPageSelect = {
  id: true,
  name: true,
  email: true,
  team: { select: { id: true, name: true } },
  teamId: true,
  role: true,
  active: true,
} satisfies Prisma.UserSelect;

/**
 * The salesperson in the reader's audience of "read:person", or null — for a missing id,
 * someone who is not a salesperson, or one outside the reader's scope alike, so the page never
 * tells which (PRODUCT.md §2: 404 where existence must not leak).
 */
export async function findVisibleSalesperson(audience: Audience, personId: string) {
  const person = await prisma.user.findUnique({ where: { id: personId }, select: personPageSelect });
  if (!person || person.role !== "SALES" || !audienceIncludes(audience, person)) return null;
  return person;
}

type Person = NonNullable<Awaited<ReturnType<typeof findVisibleSalesperson>>>;

const LISTED = 20;

export async function getPersonPage(person: Person) {
  const periods = await listPeriods();
  const chosen = choosePeriods(periods, null);
  const [figures, claimCount, claims, attemptCount, attempts, surveys, statements] = await Promise.all([
    chosen && person.teamId ? getScorecardRow(person.id, [person.teamId], chosen.current) : Promise.resolve(null),
    prisma.claim.count({ where: { salespersonId: person.id } }),
    listRecentClaimsOf(person.id, 10),
    prisma.quizAttempt.count({ where: { userId: person.id } }),
    prisma.quizAttempt.findMany({
      where: { userId: person.id },
      orderBy: { startedAt: "desc" },
      take: LISTED,
      select: {
        id: true,
        quizId: true,
        startedAt: true,
        submittedAt: true,
        score: true,
        passed: true,
        quiz: { select: { title: true, passMark: true } },
      },
    }),
    listSurveysOfSalesperson(person.id),
    prisma.compStatement.findMany({
      where: { userId: person.id },
      orderBy: { period: { startsAt: "desc" } },
      select: {
        id: true,
        multiplier: true,
        totalPayoutCents: true,
        adjustmentCents: true,
        computedAt: true,
        period: { select: { name: true, status: true } },
      },
    }),
  ]);
  return {
    person: { id: person.id, name: person.name, email: person.email, active: person.active, team: person.team },
    period: chosen ? { name: chosen.current.name, status: chosen.current.status } : null,
    figures,
    claims: { total: claimCount, recent: claims },
    attempts: { total: attemptCount, rows: attempts },
    surveys,
    statements,
  };
}

export type PersonPage = Awaited<ReturnType<typeof getPersonPage>>;
