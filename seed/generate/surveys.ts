import { createHash } from "node:crypto";
import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import { surveyDueAt } from "../../app/domain/survey-schedule.ts";
import type { Survey } from "../../app/generated/prisma/client.ts";
import type { Delivered } from "../../app/generated/prisma/enums.ts";
import { LEAST_LIKED } from "../content/verdicts.ts";
import type { Rng } from "../random.ts";
import type { GeneratedClaim } from "./claims.ts";
import type { SeedContext, SeedPerson } from "./context.ts";
import type { GeneratedDeal } from "./deals.ts";
import { fill } from "./text.ts";

// The six-month survey of every WON deal. Customers who were told the truth are happier;
// each inaccurate claim on the deal costs happiness. A survey sent by link gets the sha256 of a
// random token that is thrown away (nobody can open that old link); the clear token is never
// stored. Imported and unsent surveys have no tokenHash.

const RESPONSE_RATE = 0.7;

function lostTokenHash(rng: Rng): string {
  return createHash("sha256")
    .update(rng.id() + rng.id())
    .digest("hex");
}

function happinessFor(person: SeedPerson, claims: readonly GeneratedClaim[], rng: Rng): number {
  let happiness = person.profile.happiness + rng.float(-0.12, 0.12);
  for (const { row } of claims) {
    if (row.status === "INACCURATE") happiness -= row.severity === "HIGH" ? 0.22 : 0.1;
    if (row.status === "INACCURATE" && row.customerCorrectedAt !== null) happiness += 0.06;
  }
  return Math.min(0.98, Math.max(0.02, happiness));
}

function deliveredFor(happiness: number, rng: Rng): Delivered {
  if (happiness > 0.75) return rng.chance(0.88) ? "YES" : "PARTLY";
  if (happiness > 0.45)
    return rng.weighted<Delivered>([
      ["YES", 45],
      ["PARTLY", 40],
      ["NO", 15],
    ]);
  return rng.weighted<Delivered>([
    ["NO", 62],
    ["PARTLY", 33],
    ["YES", 5],
  ]);
}

/**
 * Whether the customer was told more than the product does and never set right: an overstating
 * or inaccurate claim on the deal (any source) without a correction, or a salesperson who
 * over-promises on every deal whether he logs it or not.
 */
function promiseBroken(person: SeedPerson, claims: readonly GeneratedClaim[]): boolean {
  if (person.profile.overpromisesEveryDeal === true) return true;
  return claims.some(
    ({ row }) =>
      row.customerCorrectedAt === null &&
      (row.status === "INACCURATE" || (row.matrixCheck === "OVERSTATES" && row.status !== "ACCURATE")),
  );
}

/**
 * The answer to "did the product do what our salesperson told you it would?" agrees with the
 * rest of the survey and with the deal's story: a customer told more than the product does does
 * not answer "yes" ("no" when they are also unhappy), nor does an unhappy one (CSAT 1–2); a
 * happy one (CSAT 4–5) does not answer "no".
 */
export function consistentDelivered(drawn: Delivered, csat: number, broken: boolean): Delivered {
  if (drawn === "YES" && broken) return csat <= 2 ? "NO" : "PARTLY";
  if (drawn === "YES" && csat <= 2) return "PARTLY";
  if (drawn === "NO" && csat >= 4) return "PARTLY";
  return drawn;
}

function leastLikedFor(
  deal: GeneratedDeal,
  claims: readonly GeneratedClaim[],
  happiness: number,
  rng: Rng,
): string | null {
  if (rng.chance(0.12)) return null;
  const band = happiness > 0.75 ? "happy" : happiness > 0.45 ? "mixed" : "unhappy";
  const oversold = claims.find((claim) => claim.subject.kind === "matrix" && claim.subject.relation === "over");
  const capability =
    oversold?.subject.kind === "matrix" ? oversold.subject.capability : rng.pick(deal.product.capabilities);
  const text = fill(rng.pick(LEAST_LIKED[band]), { title: capability.spec.title }, rng);
  return text === "" ? null : text;
}

export function generateSurvey(
  person: SeedPerson,
  deal: GeneratedDeal,
  claims: readonly GeneratedClaim[],
  ctx: SeedContext,
  rng: Rng,
): Survey | null {
  const closedAt = deal.row.closedAt;
  if (deal.row.status !== "WON" || closedAt === null) return null;
  const { now } = ctx.timeline;
  const dueAt = surveyDueAt(closedAt);
  const survey: Survey = {
    id: ctx.ids.id(),
    dealId: deal.row.id,
    salespersonId: person.id,
    dueAt,
    tokenHash: null,
    tokenCreatedAt: null,
    sentAt: null,
    sendAttempts: 0,
    lastSendError: null,
    respondedAt: null,
    answerRecordedAt: null,
    csat: null,
    deliveredAsPromised: null,
    nps: null,
    leastLiked: null,
    untrueClaim: null,
    source: null,
    createdAt: closedAt,
    updatedAt: closedAt,
  };
  if (dueAt.getTime() >= now.getTime()) return survey;
  const viaLink = rng.chance(0.8);
  const sentAt = new Date(dueAt.getTime() + rng.float(0, 1) * MS_PER_DAY);
  const respondedAt = viaLink ? addDays(sentAt, rng.float(0.1, 20)) : addDays(dueAt, rng.float(5, 30));
  if (rng.chance(RESPONSE_RATE) && respondedAt.getTime() < now.getTime()) {
    const happiness = happinessFor(person, claims, rng);
    const csat = Math.min(5, Math.max(1, Math.round(1 + 4 * happiness + rng.float(-0.6, 0.6))));
    Object.assign(survey, {
      sentAt: viaLink ? sentAt : null,
      sendAttempts: viaLink ? 1 : 0,
      tokenHash: viaLink ? lostTokenHash(rng) : null,
      tokenCreatedAt: viaLink ? sentAt : null,
      respondedAt,
      answerRecordedAt: respondedAt,
      csat,
      // Drawn first, then made consistent, so the random stream (and every later row) stays put.
      deliveredAsPromised: consistentDelivered(deliveredFor(happiness, rng), csat, promiseBroken(person, claims)),
      nps: rng.chance(0.85) ? Math.min(10, Math.max(0, Math.round(happiness * 10 + rng.float(-1.5, 1.5)))) : null,
      leastLiked: leastLikedFor(deal, claims, happiness, rng),
      source: viaLink ? "LINK" : "IMPORT",
      updatedAt: respondedAt,
    } satisfies Partial<Survey>);
    return survey;
  }
  // Unanswered: older ones were sent (and reminded); some recent ones still wait in the outbox.
  const recent = now.getTime() - dueAt.getTime() < 60 * MS_PER_DAY;
  if ((!recent || rng.chance(0.5)) && sentAt.getTime() < now.getTime()) {
    Object.assign(survey, {
      sentAt,
      sendAttempts: rng.int(1, 2),
      tokenHash: lostTokenHash(rng),
      tokenCreatedAt: sentAt,
      updatedAt: sentAt,
    } satisfies Partial<Survey>);
  }
  return survey;
}
