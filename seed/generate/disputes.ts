import { MS_PER_DAY } from "../../app/domain/dates.ts";
import type { Claim, ClaimDispute } from "../../app/generated/prisma/client.ts";
import type { DisputeStatus } from "../../app/generated/prisma/enums.ts";
import { DISPUTE_REASONS, DISPUTE_RESOLUTIONS } from "../content/verdicts.ts";
import type { Rng } from "../random.ts";
import type { GeneratedClaim } from "./claims.ts";
import { activeEnd, type SeedContext, type SeedPerson } from "./context.ts";
import { laterBy, minDate } from "./timeline.ts";
import { overturned } from "./verdict.ts";

// What happens after a verdict: the customer is corrected (or not), and the salesperson may
// dispute it once; a manager of their team upholds or overturns it.

const DISPUTE_RATE: Readonly<Partial<Record<SeedPerson["archetype"], number>>> = { OVERPROMISER: 0.18, SLOPPY: 0.08 };

export function applyAftermath(
  person: SeedPerson,
  claims: readonly GeneratedClaim[],
  ctx: SeedContext,
  rng: Rng,
): ClaimDispute[] {
  const { now } = ctx.timeline;
  const disputes: ClaimDispute[] = [];
  const lastDay = minDate(now, activeEnd(person, ctx));
  for (const { row } of claims) {
    if (row.verifiedAt === null) continue;
    const verifiedAt = row.verifiedAt;
    const disputable = row.status === "INACCURATE" || row.status === "PARTIALLY_ACCURATE";
    if (disputable && person.managerIds.length > 0 && rng.chance(DISPUTE_RATE[person.archetype] ?? 0.05)) {
      const raisedAt = laterBy(rng, verifiedAt, 0.5, 5, lastDay);
      if (raisedAt.getTime() > verifiedAt.getTime()) {
        const recent = now.getTime() - raisedAt.getTime() < 20 * MS_PER_DAY;
        const resolvedAt = laterBy(rng, raisedAt, 1, 8, now);
        const status: DisputeStatus =
          recent || resolvedAt.getTime() <= raisedAt.getTime()
            ? "OPEN"
            : rng.chance(person.archetype === "OVERPROMISER" ? 0.85 : 0.7)
              ? "UPHELD"
              : "OVERTURNED";
        const dispute: ClaimDispute = {
          id: ctx.ids.id(),
          claimId: row.id,
          raisedById: person.id,
          reason: rng.pick(DISPUTE_REASONS),
          raisedAt,
          disputedStatus: row.status,
          disputedSeverity: row.severity,
          status,
          resolvedById: null,
          resolvedAt: null,
          resolutionNote: null,
          overturnedStatus: null,
          overturnedSeverity: null,
        };
        if (status !== "OPEN") {
          Object.assign(dispute, {
            resolvedById: rng.pick(person.managerIds),
            resolvedAt,
            resolutionNote: rng.pick(DISPUTE_RESOLUTIONS[status]),
          } satisfies Partial<ClaimDispute>);
        }
        if (status === "OVERTURNED") {
          Object.assign(dispute, {
            overturnedStatus: overturned(row.status),
            overturnedSeverity: row.severity,
          } satisfies Partial<ClaimDispute>);
          Object.assign(row, {
            status: overturned(row.status),
            verdictNote: `${row.verdictNote ?? ""} Overturned on dispute.`.trim(),
            version: row.version + 1,
            updatedAt: resolvedAt,
          } satisfies Partial<Claim>);
        }
        disputes.push(dispute);
      }
    }
    if (row.status === "INACCURATE" && rng.chance(person.archetype === "OVERPROMISER" ? 0.15 : 0.45)) {
      const correctedAt = laterBy(rng, verifiedAt, 0.5, 6, now);
      if (correctedAt.getTime() > verifiedAt.getTime()) {
        row.customerCorrectedAt = correctedAt;
        row.version += 1;
        if (correctedAt.getTime() > row.updatedAt.getTime()) row.updatedAt = correctedAt;
      }
    }
  }
  return disputes;
}
