import type { Actor } from "../domain/claim-rules.ts";
import {
  CUSTOMER_CLAIM_CHANNEL,
  customerClaimProductId,
  MAP_ONLY_PENDING,
  ONLY_CUSTOMER_CLAIMS_MAP,
  UNKNOWN_PRODUCT,
} from "../domain/customer-claims.ts";
import type { CapabilityLevel } from "../domain/levels.ts";
import { fieldError, ok, refused } from "../domain/outcome.ts";
import { placeInMatrix } from "./claims.server.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import {
  changePendingClaim,
  claimNotFound,
  findClaimToChange,
  stateConflict,
  type ChangeResult,
} from "./claim-verdicts.server.ts";
import { refreshRollups } from "./rollups.server.ts";

// Claims the customer reports in the six-month survey (PRODUCT.md §7): created with the answer
// that carries them (the public page or the results import), then mapped by an engineer.

export type CustomerClaimOutcome = { claimId: string; outcome: "created" | "updated" | "unchanged" };

/** The placeholder product (UNKNOWN_PRODUCT), created the first time a report needs it. */
async function unknownProductId(tx: Tx, audit: AuditContext): Promise<string> {
  const found = await tx.product.findUnique({ where: { slug: UNKNOWN_PRODUCT.slug }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.product.create({ data: { ...UNKNOWN_PRODUCT }, select: { id: true } });
  await recordAudit(tx, audit, {
    action: "product.create",
    entityType: "Product",
    entityId: created.id,
    after: { ...UNKNOWN_PRODUCT },
  });
  return created.id;
}

/**
 * Records the customer's "told you something untrue" answer as a CUSTOMER claim, inside the
 * caller's transaction (the one storing the survey answer). One claim per survey: a second
 * answer for the same survey (a re-import) changes the words of a claim still awaiting its
 * verdict and leaves a judged one alone. `answer` must already be trimmed and non-empty.
 */
export async function recordCustomerClaim(
  tx: Tx,
  audit: AuditContext,
  surveyId: string,
  answer: string,
): Promise<CustomerClaimOutcome> {
  const survey = await tx.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: {
      id: true,
      salespersonId: true,
      respondedAt: true,
      customerClaim: { select: { id: true, statement: true, status: true, version: true } },
      deal: { select: { id: true, productId: true, closedAt: true, account: { select: { name: true } } } },
      // The salesperson's team, which the audit events are filed under.
      salesperson: { select: { teamId: true } },
    },
  });
  const existing = survey.customerClaim;
  if (existing) {
    if (existing.statement === answer || existing.status !== "PENDING")
      return { claimId: existing.id, outcome: "unchanged" };
    await tx.claim.update({ where: { id: existing.id }, data: { statement: answer, version: { increment: 1 } } });
    await recordAudit(tx, audit, {
      action: "claim.customer-report.update",
      entityType: "Claim",
      entityId: existing.id,
      teamId: survey.salesperson.teamId,
      before: { statement: existing.statement },
      after: { statement: answer, surveyId },
    });
    return { claimId: existing.id, outcome: "updated" };
  }
  const latestOnDeal = survey.deal.productId
    ? null
    : await tx.claim.findFirst({
        where: { dealId: survey.deal.id, salespersonId: survey.salespersonId },
        orderBy: { madeAt: "desc" },
        select: { productId: true },
      });
  const productId =
    customerClaimProductId(survey.deal.productId, latestOnDeal?.productId ?? null) ??
    (await unknownProductId(tx, audit));
  const data = {
    salespersonId: survey.salespersonId,
    dealId: survey.deal.id,
    accountName: survey.deal.account.name,
    productId,
    capabilityId: null,
    revisionId: null,
    // What the customer was told is read from their words by the engineer who maps the claim.
    assertedLevel: null,
    statement: answer,
    channel: CUSTOMER_CLAIM_CHANNEL,
    // The claim was made before the deal closed; a won deal always has its close date.
    madeAt: survey.deal.closedAt ?? survey.respondedAt ?? new Date(),
    source: "CUSTOMER" as const,
    // The schema needs a logger and nobody in Candor logged this: it is filed under the
    // salesperson it is about, and source CUSTOMER says it was not self-logged.
    loggedById: survey.salespersonId,
    matrixCheck: "NO_MATRIX_ROW" as const,
    surveyId: survey.id,
  };
  const created = await tx.claim.create({ data, select: { id: true } });
  await recordAudit(tx, audit, {
    action: "claim.customer-report",
    entityType: "Claim",
    entityId: created.id,
    teamId: survey.salesperson.teamId,
    after: data,
  });
  await refreshRollups(tx, { claimIds: [created.id] });
  return { claimId: created.id, outcome: "created" };
}

// ---------------------------------------------------------------- mapping

export interface ClaimMapping {
  /** The matrix row the customer's words are about, or null for "not in the matrix". */
  capabilityId: string | null;
  /** The product, needed when the words are about something the matrix has no row for. */
  productId: string | null;
  assertedLevel: CapabilityLevel;
}

const changedMeanwhile: ChangeResult = stateConflict(
  "This claim changed while you were mapping it. Nothing was overwritten. Review it and map it again.",
);

/**
 * An engineer says what a customer's report is about and what the customer was told; the matrix
 * check is then computed as of the claim's date, exactly as for a logged claim. Allowed while
 * the claim awaits its verdict, guarded by the version the engineer saw.
 */
export async function mapCustomerClaim(
  audit: AuditContext,
  engineer: Actor,
  claimId: string,
  version: number,
  mapping: ClaimMapping,
): Promise<ChangeResult> {
  if (!userHasPermission(engineer, "verify:claim"))
    return refused(403, "Only engineers map claims reported by customers.");
  const claim = await findClaimToChange(claimId, {
    id: true,
    version: true,
    status: true,
    source: true,
    madeAt: true,
    productId: true,
    capabilityId: true,
    assertedLevel: true,
    matrixCheck: true,
    revisionId: true,
  });
  if (!claim) return claimNotFound;
  if (claim.source !== "CUSTOMER") return refused(403, ONLY_CUSTOMER_CLAIMS_MAP);
  if (claim.status !== "PENDING") return stateConflict(MAP_ONLY_PENDING);
  if (claim.version !== version) return changedMeanwhile;

  const noProduct = "Choose the product the customer was talking about.";
  const placed = await placeInMatrix({ ...mapping, madeAt: claim.madeAt }, noProduct);
  if (!placed.ok) return placed;
  const { product, capabilityId, revisionId, matrixCheck } = placed.value;
  if (product.slug === UNKNOWN_PRODUCT.slug) return fieldError("productId", noProduct);
  const after = {
    productId: product.id,
    capabilityId,
    revisionId,
    assertedLevel: mapping.assertedLevel,
    matrixCheck,
  };
  // The matrix check and capability change: the dashboard's overstated counts follow (rollups).
  const stored = await changePendingClaim(
    audit,
    { id: claimId, version, teamId: claim.salesperson.teamId },
    {
      action: "claim.map",
      before: {
        productId: claim.productId,
        capabilityId: claim.capabilityId,
        revisionId: claim.revisionId,
        assertedLevel: claim.assertedLevel,
        matrixCheck: claim.matrixCheck,
      },
      after,
    },
  );
  return stored ? ok(null) : changedMeanwhile;
}

/** The products and matrix rows an engineer maps a customer's report to (never the placeholder product). */
export async function listMappingProducts() {
  return prisma.product.findMany({
    where: { slug: { not: UNKNOWN_PRODUCT.slug } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      capabilities: { orderBy: { title: "asc" }, select: { id: true, title: true, key: true, status: true } },
    },
  });
}
