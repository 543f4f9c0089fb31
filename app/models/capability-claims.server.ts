import type { Prisma } from "../generated/prisma/client.ts";
import {
  changeSinceClaim,
  describeChangeSinceClaim,
  latestChangeAt,
  type DatedRevision,
  type RowFacts,
} from "../domain/capability-changes.ts";
import { prisma } from "../lib/db.server.ts";
import { salespersonAudienceWhere, type Audience } from "./audience.server.ts";
import { datedRevisionSelect, matrixRowSelect, REVISION_ORDER } from "./capability-selects.server.ts";
import { claimStatementSelect } from "./claims.server.ts";

// Claims still open when the matrix row they were about changed (PRODUCT.md §1, ADR 005): engineering
// sees them on the capability page, the salesperson on their home, so that a customer told
// something now out of date can be told again.

/** Still in play: awaiting a verdict, or on a deal that has not closed. */
const OPEN_CLAIM: Prisma.ClaimWhereInput = { OR: [{ status: "PENDING" }, { deal: { status: "OPEN" } }] };

const OPEN_CLAIMS_SHOWN = 100;

/**
 * Open claims about a capability, readable by `audience`, whose row has changed since they were
 * made: what the salesperson said, and what engineering said then (`then`). `revisions` in the
 * order they were written (validFrom ascending).
 */
export async function listOpenClaimsChangedSince(
  capability: RowFacts & { id: string; revisions: readonly DatedRevision[] },
  audience: Audience,
) {
  const changedAt = latestChangeAt(capability.revisions);
  if (changedAt === null) return { total: 0, claims: [] };
  const rows = await prisma.claim.findMany({
    where: {
      AND: [salespersonAudienceWhere(audience), OPEN_CLAIM, { capabilityId: capability.id, madeAt: { lt: changedAt } }],
    },
    orderBy: { madeAt: "desc" },
    select: {
      ...claimStatementSelect,
      status: true,
      salesperson: { select: { id: true, name: true } },
      deal: { select: { externalId: true, status: true } },
    },
  });
  const now = { status: capability.status, conditions: capability.conditions };
  const claims = rows.flatMap((claim) => {
    const change = changeSinceClaim(capability.revisions, claim.madeAt, now);
    return change ? [{ ...claim, then: change.then }] : [];
  });
  return { total: claims.length, claims: claims.slice(0, OPEN_CLAIMS_SHOWN) };
}

export interface FlaggedClaim {
  claimId: string;
  madeAt: Date;
  accountName: string;
  statement: string;
  assertedLevel: RowFacts["status"] | null;
  capabilityTitle: string;
  capabilityHref: string;
  then: RowFacts | null;
  now: RowFacts;
  /** e.g. "SSO / SAML changed from On the roadmap to Supported since you said it on 3 Mar 2026." */
  sentence: string;
}

/** A salesperson's open claims whose capability's status or conditions changed since they made them. */
export async function listFlaggedClaimsFor(salespersonId: string): Promise<FlaggedClaim[]> {
  const claims = await prisma.claim.findMany({
    where: { AND: [{ salespersonId, capabilityId: { not: null } }, OPEN_CLAIM] },
    orderBy: { madeAt: "desc" },
    select: {
      ...claimStatementSelect,
      capability: { select: { ...matrixRowSelect, product: { select: { slug: true } } } },
    },
  });
  const capabilityIds = [...new Set(claims.flatMap((claim) => (claim.capability ? [claim.capability.id] : [])))];
  const revisions = await prisma.capabilityRevision.findMany({
    where: { capabilityId: { in: capabilityIds } },
    orderBy: REVISION_ORDER,
    select: { capabilityId: true, ...datedRevisionSelect },
  });
  const byCapability = new Map<string, DatedRevision[]>();
  for (const revision of revisions) {
    const list = byCapability.get(revision.capabilityId) ?? [];
    list.push(revision);
    byCapability.set(revision.capabilityId, list);
  }
  return claims.flatMap((claim) => {
    const capability = claim.capability;
    if (!capability) return [];
    const now = { status: capability.status, conditions: capability.conditions };
    const change = changeSinceClaim(byCapability.get(capability.id) ?? [], claim.madeAt, now);
    if (!change) return [];
    return [
      {
        claimId: claim.id,
        madeAt: claim.madeAt,
        accountName: claim.accountName,
        statement: claim.statement,
        assertedLevel: claim.assertedLevel,
        capabilityTitle: capability.title,
        capabilityHref: `/capabilities/${capability.product.slug}/${capability.key}`,
        then: change.then,
        now,
        sentence: describeChangeSinceClaim(capability.title, change, claim.madeAt),
      },
    ];
  });
}
