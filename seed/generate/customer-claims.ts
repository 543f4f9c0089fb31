import { CUSTOMER_CLAIM_CHANNEL } from "../../app/domain/customer-claims.ts";
import { MS_PER_DAY } from "../../app/domain/dates.ts";
import { checkClaimAgainstMatrix, comparePromise, revisionInForce } from "../../app/domain/matrix-check.ts";
import type { Claim, Survey } from "../../app/generated/prisma/client.ts";
import { CUSTOMER_VERDICT_NOTES, UNTRUE_CLAIMS } from "../content/untrue-claims.ts";
import type { Rng } from "../random.ts";
import { AWAITING_VERDICT, type GeneratedClaim } from "./claims.ts";
import type { SeedContext, SeedPerson } from "./context.ts";
import { verifierOf } from "./conversations.ts";
import type { GeneratedDeal } from "./deals.ts";
import { fill, levelWords } from "./text.ts";
import { laterBy } from "./timeline.ts";

// Customers who answer the six-month survey "the product did not (or only partly) do what we
// were told" sometimes also say what they were told (PRODUCT.md §7). Each such answer is a
// CUSTOMER claim, stored exactly as the app stores one: the customer's words, the deal's owner
// and product, made when the deal closed, recorded when the answer came in. Engineers map most
// of them and find the customer right; the newest still wait to be mapped.

/** Share of NO / PARTLY answers that say what was untrue, by archetype. */
const UNTRUE_SHARE: Readonly<Partial<Record<SeedPerson["archetype"], number>>> = {
  OVERPROMISER: 0.5,
  SLOPPY: 0.12,
  IMPROVER: 0.08,
  AVERAGE: 0.05,
  NEWCOMER: 0.05,
};

/** Reports recorded this recently are still waiting for an engineer to map them. */
const UNMAPPED_DAYS = 10;

export interface CustomerClaimOptions {
  /** The person's latest reports (this many) also stay unmapped, so the demo always has some. */
  unmappedLatest?: number;
}

export function customerClaims(
  person: SeedPerson,
  surveys: readonly Survey[],
  deals: readonly GeneratedDeal[],
  ctx: SeedContext,
  rng: Rng,
  ids: Rng,
  options: CustomerClaimOptions = {},
): GeneratedClaim[] {
  const { now } = ctx.timeline;
  const share = UNTRUE_SHARE[person.archetype] ?? 0.02;
  const dealById = new Map(deals.map((deal) => [deal.row.id, deal]));
  const reported: GeneratedClaim[] = [];
  for (const survey of surveys) {
    const deal = dealById.get(survey.dealId);
    const respondedAt = survey.respondedAt;
    const closedAt = deal?.row.closedAt ?? null;
    if (deal === undefined || closedAt === null || respondedAt === null) continue;
    if (survey.deliveredAsPromised !== "NO" && survey.deliveredAsPromised !== "PARTLY") continue;
    if (!rng.chance(share)) continue;
    // Only what was untrue on the day the deal closed: the customer is right about it.
    const options = (UNTRUE_CLAIMS[deal.product.content.slug] ?? []).flatMap((spec) => {
      const capability = deal.product.capabilities.find((c) => c.spec.key === spec.capability);
      const revision = capability === undefined ? null : revisionInForce(capability.revisions, closedAt);
      return capability !== undefined && revision !== null && comparePromise(spec.told, revision.status) > 0
        ? [{ spec, capability, revision }]
        : [];
    });
    if (options.length === 0) continue;
    const { spec, capability, revision } = rng.pick(options);
    survey.untrueClaim = spec.words;
    const row: Claim = {
      id: ids.id(),
      salespersonId: person.id,
      dealId: deal.row.id,
      accountName: deal.accountName,
      productId: deal.product.id,
      capabilityId: null,
      revisionId: null,
      assertedLevel: null,
      statement: spec.words,
      channel: CUSTOMER_CLAIM_CHANNEL,
      madeAt: closedAt,
      source: "CUSTOMER",
      loggedById: person.id,
      evidence: "",
      matrixCheck: "NO_MATRIX_ROW",
      ...AWAITING_VERDICT,
      surveyId: survey.id,
      candidateId: null,
      version: 1,
      createdAt: survey.answerRecordedAt ?? respondedAt,
      updatedAt: survey.answerRecordedAt ?? respondedAt,
    };
    reported.push({
      row,
      deal,
      subject: { kind: "matrix", capability, revision, asserted: spec.told, relation: "over" },
    });
  }
  reported.sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
  const keepUnmapped = options.unmappedLatest ?? 0;
  reported.forEach((claim, index) => {
    const recent = now.getTime() - claim.row.createdAt.getTime() < UNMAPPED_DAYS * MS_PER_DAY;
    if (recent || index >= reported.length - keepUnmapped || claim.subject.kind !== "matrix") return;
    const { capability, revision, asserted } = claim.subject;
    const mappedAt = laterBy(rng, claim.row.createdAt, 0.5, 4, now);
    const verifiedAt = laterBy(rng, mappedAt, 0.1, 3, now);
    if (verifiedAt.getTime() <= claim.row.createdAt.getTime()) return;
    const status = rng.chance(0.85) ? ("INACCURATE" as const) : ("PARTIALLY_ACCURATE" as const);
    const vars = {
      title: capability.spec.title,
      level: levelWords(revision.status),
      conditions: revision.conditions || "no conditions recorded",
    };
    const highShare = person.profile.highSeverity > 0 ? Math.max(0.35, person.profile.highSeverity) : 0;
    Object.assign(claim.row, {
      capabilityId: capability.id,
      revisionId: revision.id,
      assertedLevel: asserted,
      matrixCheck: checkClaimAgainstMatrix({
        assertedLevel: asserted,
        madeAt: claim.row.madeAt,
        revision,
        reviewCycleDays: claim.deal?.product.content.reviewCycleDays ?? 90,
      }),
      status,
      severity: status === "INACCURATE" && rng.chance(highShare) ? "HIGH" : "MEDIUM",
      verifiedById: verifierOf(capability, claim.row.loggedById, ctx),
      verifiedAt,
      verdictNote: fill(rng.pick(CUSTOMER_VERDICT_NOTES[status]), vars, rng),
      version: 3,
      updatedAt: verifiedAt,
    } satisfies Partial<Claim>);
  });
  return reported;
}
