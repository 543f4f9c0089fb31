import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import { checkClaimAgainstMatrix } from "../../app/domain/matrix-check.ts";
import type { Claim } from "../../app/generated/prisma/client.ts";
import type { Channel, ClaimSource } from "../../app/generated/prisma/enums.ts";
import { EVIDENCE_BY_CHANNEL, OBSERVED_EVIDENCE } from "../content/statements.ts";
import type { Rng } from "../random.ts";
import type { CatalogProduct } from "./catalog.ts";
import { chooseSubject, statementFor, type ClaimSubject } from "./claim-content.ts";
import { activeEnd, type SeedContext, type SeedPerson } from "./context.ts";
import type { GeneratedDeal } from "./deals.ts";
import { fill, levelWords } from "./text.ts";
import { instantBetween, laterBy, maxDate } from "./timeline.ts";
import { decideVerdict, type Verdict } from "./verdict.ts";

// A salesperson's claims over the history: mostly on their deals in flight, some to prospects
// not yet in the CRM. Recent ones are still waiting in the verification queue.

export interface GeneratedClaim {
  row: Claim;
  deal: GeneratedDeal | null;
  subject: ClaimSubject;
}

/** A claim's verdict while it waits in the verification queue, and its customer not yet corrected. */
export const AWAITING_VERDICT = {
  status: "PENDING",
  severity: null,
  verifiedById: null,
  verifiedAt: null,
  verdictNote: null,
  // Set by the rollups rebuild once the rows are loaded (ADR 019).
  verdictBin: null,
  customerCorrectedAt: null,
} as const satisfies Partial<Claim>;

/** An engineer's verdict on a waiting claim, recorded as the app records it: the claim's second version. */
export function judgeClaim(row: Claim, verdict: Verdict, verifiedById: string, verifiedAt: Date): void {
  Object.assign(row, {
    status: verdict.status,
    severity: verdict.severity,
    verdictNote: verdict.note,
    verifiedById,
    verifiedAt,
    version: 2,
    updatedAt: verifiedAt,
  } satisfies Partial<Claim>);
}

const CHANNELS: readonly (readonly [Channel, number])[] = [
  ["CALL", 30],
  ["EMAIL", 20],
  ["DEMO", 20],
  ["MEETING", 15],
  ["RFP", 8],
  ["CHAT", 7],
];

/** Verdicts arrive within a week; a few claims linger in the queue so its age chart has a tail. */
function staysPending(loggedAt: Date, now: Date, rng: Rng): boolean {
  const ageDays = (now.getTime() - loggedAt.getTime()) / MS_PER_DAY;
  if (ageDays < 14) return rng.chance(0.85);
  if (ageDays < 45) return rng.chance(0.05);
  return false;
}

export function planClaimCount(person: SeedPerson, ctx: SeedContext, rng: Rng): number {
  const from = maxDate(ctx.timeline.historyStart, person.activeFrom);
  const months = Math.max(0, activeEnd(person, ctx).getTime() - from.getTime()) / (30.4 * MS_PER_DAY);
  return Math.round(person.profile.claimsPerMonth * months * rng.float(0.85, 1.15));
}

function pickDeal(
  deals: readonly GeneratedDeal[],
  madeAt: Date,
  now: Date,
  onDeal: number,
  rng: Rng,
): GeneratedDeal | null {
  const t = madeAt.getTime();
  const inFlight = deals.filter((deal) => deal.openedAt.getTime() <= t && t <= (deal.row.closedAt ?? now).getTime());
  return inFlight.length > 0 && rng.chance(onDeal) ? rng.pick(inFlight) : null;
}

function verifierFor(subject: ClaimSubject, loggedById: string, ctx: SeedContext, rng: Rng): string {
  const owner = subject.kind === "matrix" ? subject.capability.ownerId : null;
  if (owner !== null && owner !== loggedById && rng.chance(0.5)) return owner;
  return rng.pick(ctx.engineerIds.filter((id) => id !== loggedById));
}

export function generateClaims(
  person: SeedPerson,
  deals: readonly GeneratedDeal[],
  count: number,
  ctx: SeedContext,
  rng: Rng,
): GeneratedClaim[] {
  const { now, historyStart } = ctx.timeline;
  const from = maxDate(historyStart, person.activeFrom);
  const until = addDays(activeEnd(person, ctx), -1);
  const span = Math.max(1, now.getTime() - historyStart.getTime());
  const claims: GeneratedClaim[] = [];
  for (let i = 0; i < count; i++) {
    const madeAt = instantBetween(rng, from, until);
    const deal = pickDeal(deals, madeAt, now, person.profile.dealClaimShare ?? 0.8, rng);
    const product: CatalogProduct = deal?.product ?? rng.weighted(person.productWeights);
    const subject = chooseSubject(person, product, madeAt, (madeAt.getTime() - historyStart.getTime()) / span, rng);
    const revision = subject.kind === "matrix" ? subject.revision : null;
    const assertedLevel = subject.kind === "matrix" ? subject.asserted : subject.offMatrix.level;
    const matrixCheck = checkClaimAgainstMatrix({
      assertedLevel,
      madeAt,
      revision,
      reviewCycleDays: product.content.reviewCycleDays,
    });
    const channel = rng.weighted(CHANNELS);
    const observed = rng.chance(person.archetype === "OVERPROMISER" ? 0.15 : 0.07);
    const source: ClaimSource = observed ? "OBSERVED" : "SELF";
    const loggedById = observed
      ? rng.chance(0.6) || person.managerIds.length === 0
        ? rng.pick(ctx.engineerIds)
        : rng.pick(person.managerIds)
      : person.id;
    const evidence = fill(rng.pick(observed ? OBSERVED_EVIDENCE : EVIDENCE_BY_CHANNEL[channel]), {}, rng);
    const loggedAt = laterBy(rng, madeAt, 0.02, 2, now);
    const row: Claim = {
      id: ctx.ids.id(),
      salespersonId: person.id,
      dealId: deal?.row.id ?? null,
      accountName: deal?.accountName ?? rng.pick(ctx.accounts).name,
      productId: product.id,
      capabilityId: subject.kind === "matrix" ? subject.capability.id : null,
      revisionId: revision?.id ?? null,
      assertedLevel,
      statement: statementFor(subject, person, product.content.name, rng),
      channel,
      madeAt,
      source,
      loggedById,
      evidence,
      matrixCheck,
      ...AWAITING_VERDICT,
      surveyId: null,
      candidateId: null,
      version: 1,
      createdAt: loggedAt,
      updatedAt: loggedAt,
    };
    const verifiedAt = laterBy(rng, loggedAt, 0.1, 6, now);
    if (!staysPending(loggedAt, now, rng) && verifiedAt.getTime() > loggedAt.getTime()) {
      const facts =
        subject.kind === "matrix"
          ? {
              offMatrix: false,
              vars: {
                title: subject.capability.spec.title,
                level: levelWords(subject.revision.status),
                conditions: subject.revision.conditions,
              },
            }
          : { offMatrix: true, vars: { title: "", level: levelWords(subject.offMatrix.truth), conditions: "" } };
      const verdict = decideVerdict(subject.relation, person.profile, deal?.row.amountCents ?? null, facts, rng);
      judgeClaim(row, verdict, verifierFor(subject, loggedById, ctx, rng), verifiedAt);
    }
    claims.push({ row, deal, subject });
  }
  return claims.sort((a, b) => a.row.madeAt.getTime() - b.row.madeAt.getTime());
}
