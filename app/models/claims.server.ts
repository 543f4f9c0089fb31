import { weightedAccuracy } from "../domain/verdicts.ts";
import { prisma } from "../lib/db.server.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { ageBands } from "../domain/age-bands.ts";
import {
  canLogClaimFor,
  loggedBeforeForAge,
  VERIFICATION_TARGET_WORKING_DAYS,
  verificationOverdueBefore,
  type Actor,
} from "../domain/claim-rules.ts";
import type { CapabilityLevel, Channel, MatrixCheckResult } from "../domain/levels.ts";
import { checkClaimAgainstMatrix, revisionInForce } from "../domain/matrix-check.ts";
import { permissionScope } from "../domain/permissions.ts";
import { fieldError, ok, refused, type Outcome } from "../domain/outcome.ts";
import { getClaimHistory } from "./claim-history.server.ts";
import { managedTeamIdsOf, readableRowWhere, type AudienceReader } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import {
  datedRevisionSelect,
  notedRevisionSelect,
  REVISION_ORDER,
  reviewedMatrixRowSelect,
  revisionHistory,
} from "./capability-selects.server.ts";
import { dealLabelSelect } from "./deals.server.ts";
import { refreshRollups } from "./rollups.server.ts";
import { getManagedTeamIds } from "./teams.server.ts";

/** A claim as a list line says it: when it was made, to which account, and what was said at which level. */
export const claimStatementSelect = {
  id: true,
  madeAt: true,
  accountName: true,
  statement: true,
  assertedLevel: true,
} satisfies Prisma.ClaimSelect;

/** A claim in a list: its statement, the product and capability it is about, by name, and its matrix check. */
export const claimLineSelect = {
  ...claimStatementSelect,
  product: { select: { name: true } },
  capability: { select: { title: true } },
  matrixCheck: true,
} satisfies Prisma.ClaimSelect;

export async function listRecentClaimsOf(salespersonId: string, take = 10) {
  return prisma.claim.findMany({
    where: { salespersonId },
    // Claims made the same minute come newest logged first, the same on every database.
    orderBy: [{ madeAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take,
    select: { ...claimLineSelect, status: true, severity: true },
  });
}

/** A salesperson's record since `since`: claims made, how many await a verdict, and severity-weighted accuracy. */
export async function getClaimRecordOf(salespersonId: string, since: Date) {
  const claims = await prisma.claim.findMany({
    where: { salespersonId, madeAt: { gte: since } },
    select: { status: true, severity: true },
  });
  return {
    claims: claims.length,
    pending: claims.filter((claim) => claim.status === "PENDING").length,
    accuracy: weightedAccuracy(claims),
  };
}

/** Age bands of the verification queue, in working days since logging; past the target is late. */
export const QUEUE_AGE_BANDS = ageBands([1, 3, 5, 10], "working days", VERIFICATION_TARGET_WORKING_DAYS);

export interface PendingQueueSummary {
  pending: number;
  overdue: number;
  oldestLoggedAt: Date | null;
  bands: Array<{ label: string; count: number }>;
}

/**
 * The engineers' verification queue: its size, how much is past target, and its age bands. Each
 * figure is a count over one range of the (status, createdAt) index, so the queue is never read
 * row by row (it grows with the company: 61,000 pending claims on the 2,000,000-claim scale data),
 * and the oldest is the first entry of that index.
 */
export async function getPendingQueueSummary(now: Date): Promise<PendingQueueSummary> {
  const pendingLogged = (from: Date | null, before: Date | null) =>
    Prisma.sql`(SELECT COUNT(*) FROM "Claim" c WHERE c."status" = 'PENDING'${from ? Prisma.sql` AND c."createdAt" >= ${from}` : Prisma.empty}${before ? Prisma.sql` AND c."createdAt" < ${before}` : Prisma.empty})`;
  const counts = [
    Prisma.sql`${pendingLogged(null, null)} AS "pending"`,
    Prisma.sql`${pendingLogged(null, verificationOverdueBefore(now))} AS "overdue"`,
    ...QUEUE_AGE_BANDS.map(
      (ageBand, index) =>
        Prisma.sql`${pendingLogged(
          ageBand.to === null ? null : loggedBeforeForAge(now, ageBand.to + 1),
          loggedBeforeForAge(now, ageBand.from),
        )} AS ${Prisma.raw(`"band${index}"`)}`,
    ),
  ];
  const [[row], oldest] = await Promise.all([
    prisma.$queryRaw<Array<Record<string, number | bigint | null>>>`SELECT ${Prisma.join(counts)}`,
    prisma.claim.findFirst({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const count = (name: string) => Number(row?.[name] ?? 0);
  return {
    pending: count("pending"),
    overdue: count("overdue"),
    oldestLoggedAt: oldest?.createdAt ?? null,
    bands: QUEUE_AGE_BANDS.map((ageBand, index) => ({ label: ageBand.label, count: count(`band${index}`) })),
  };
}

// ---------------------------------------------------------------- reading one claim

/** A dispute as the claim page and the dispute queue show it: both verdicts, and who raised and resolved it. */
export const disputeSelect = {
  id: true,
  status: true,
  // Raised: against which verdict, why, when and by whom.
  disputedStatus: true,
  disputedSeverity: true,
  reason: true,
  raisedAt: true,
  raisedBy: { select: { name: true } },
  // Resolved: when, by whom and why, and the verdict that replaced the disputed one when overturned.
  resolvedAt: true,
  resolvedBy: { select: { name: true } },
  resolutionNote: true,
  overturnedStatus: true,
  overturnedSeverity: true,
} satisfies Prisma.ClaimDisputeSelect;

const claimPageSelect = {
  id: true,
  salespersonId: true,
  loggedById: true,
  accountName: true,
  assertedLevel: true,
  statement: true,
  channel: true,
  madeAt: true,
  source: true,
  evidence: true,
  matrixCheck: true,
  status: true,
  severity: true,
  verifiedAt: true,
  verdictNote: true,
  customerCorrectedAt: true,
  version: true,
  createdAt: true,
  salesperson: { select: { id: true, name: true, teamId: true, team: { select: { name: true } } } },
  loggedBy: { select: { id: true, name: true } },
  verifiedBy: { select: { id: true, name: true } },
  deal: { select: { ...dealLabelSelect, amountCents: true } },
  product: { select: { id: true, name: true, slug: true } },
  capability: { select: reviewedMatrixRowSelect },
  revision: { select: { id: true, ...notedRevisionSelect } },
  dispute: { select: disputeSelect },
} satisfies Prisma.ClaimSelect;

/**
 * One claim as its page shows it, or null when it does not exist or lies outside the reader's
 * scope of "read:claim" — the two look the same, so a claim's existence never leaks.
 */
export async function getClaimForReader(claimId: string, reader: AudienceReader) {
  const where = await readableRowWhere(reader, "read:claim", claimId);
  if (where === null) return null;
  const claim = await prisma.claim.findFirst({ where, select: claimPageSelect });
  if (!claim) return null;
  // The history in plain words, naming people and capabilities, never ids or codes (claim-history.ts).
  const [auditTrail, managedTeamIds] = await Promise.all([
    getClaimHistory(claim.id),
    permissionScope(reader, "resolve:dispute") === "team" ? managedTeamIdsOf(reader) : [],
  ]);
  return { claim, auditTrail, managedTeamIds };
}

// ---------------------------------------------------------------- logging a claim

/** What the "Log a claim" form offers a logger: salespeople in scope, the matrix with its history, deals. */
export async function getClaimFormOptions(
  logger: Actor,
  requestedSalespersonId: string | null,
  requestedDealId: string | null = null,
) {
  const scope = permissionScope(logger, "log:claim");
  const teamIds = scope === "team" ? await getManagedTeamIds(logger.userId) : [];
  const salespeople =
    scope === "own" || scope === null
      ? []
      : await prisma.user.findMany({
          where: { role: "SALES", active: true, ...(scope === "team" ? { teamId: { in: teamIds } } : {}) },
          orderBy: { name: "asc" },
          select: { id: true, name: true, team: { select: { name: true } } },
        });
  const salespersonId =
    scope === "own" ? logger.userId : (salespeople.find((person) => person.id === requestedSalespersonId)?.id ?? null);
  const [products, deals] = await Promise.all([
    prisma.product.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        reviewCycleDays: true,
        capabilities: {
          orderBy: { title: "asc" },
          select: {
            id: true,
            title: true,
            key: true,
            revisions: { orderBy: REVISION_ORDER, select: datedRevisionSelect },
          },
        },
      },
    }),
    salespersonId === null
      ? []
      : prisma.deal.findMany({
          where: { ownerId: salespersonId, status: { in: ["OPEN", "WON"] } },
          orderBy: [{ status: "asc" }, { createdAt: "desc" }],
          take: 200,
          select: dealLabelSelect,
        }),
  ]);
  // A link from the dashboard's unlogged promises names the deal: chosen when it is one of the
  // salesperson's open or won deals (fetched when older than the list's 200), else ignored.
  const requestedDeal =
    salespersonId === null || !requestedDealId
      ? null
      : (deals.find((deal) => deal.id === requestedDealId) ??
        (await prisma.deal.findFirst({
          where: { id: requestedDealId, ownerId: salespersonId, status: { in: ["OPEN", "WON"] } },
          select: dealLabelSelect,
        })));
  const listed =
    requestedDeal && !deals.some((deal) => deal.id === requestedDeal.id) ? [...deals, requestedDeal] : deals;
  return { scope, salespeople, salespersonId, products, deals: listed, dealId: requestedDeal?.id ?? null };
}

export interface NewClaimInput {
  salespersonId: string;
  productId: string | null;
  capabilityId: string | null;
  assertedLevel: CapabilityLevel;
  statement: string;
  channel: Channel;
  madeAt: Date;
  dealId: string | null;
  accountName: string | null;
  evidence: string;
}

type ClaimField = "salespersonId" | "productId" | "capabilityId" | "dealId" | "accountName";
type CreateClaimResult = Outcome<{ id: string; matrixCheck: MatrixCheckResult }, ClaimField>;

type MatrixPlacement = Outcome<
  {
    product: { id: string; slug: string };
    capabilityId: string | null;
    revisionId: string | null;
    matrixCheck: MatrixCheckResult;
  },
  "capabilityId" | "productId"
>;

/**
 * Where a claim sits in the matrix: its capability (optional) and product, checked together, and
 * the matrix check against the revision in force on the day the claim was made — whatever the
 * browser showed. Logging a claim and mapping a customer's report both go through here; each
 * words the refusal when no product could be known (`noProduct`).
 */
export async function placeInMatrix(
  input: {
    capabilityId?: string | null;
    productId?: string | null;
    assertedLevel: CapabilityLevel;
    madeAt: Date;
  },
  noProduct: string,
): Promise<MatrixPlacement> {
  const capability = input.capabilityId
    ? await prisma.capability.findUnique({
        where: { id: input.capabilityId },
        select: {
          id: true,
          productId: true,
          product: { select: { name: true } },
          revisions: revisionHistory,
        },
      })
    : null;
  if (input.capabilityId && !capability) return fieldError("capabilityId", "Choose a capability from the list.");
  if (capability && input.productId && capability.productId !== input.productId) {
    return fieldError(
      "capabilityId",
      `That capability belongs to ${capability.product.name}; choose one of the chosen product's, or change the product.`,
    );
  }
  const productId = capability?.productId ?? input.productId;
  const product = productId
    ? await prisma.product.findUnique({
        where: { id: productId },
        select: { id: true, slug: true, reviewCycleDays: true },
      })
    : null;
  if (!product) return fieldError("productId", noProduct);
  const revision = capability ? revisionInForce(capability.revisions, input.madeAt) : null;
  const matrixCheck = checkClaimAgainstMatrix({
    assertedLevel: input.assertedLevel,
    madeAt: input.madeAt,
    revision,
    reviewCycleDays: product.reviewCycleDays,
  });
  return ok({
    product: { id: product.id, slug: product.slug },
    capabilityId: capability?.id ?? null,
    revisionId: revision?.id ?? null,
    matrixCheck,
  });
}

/**
 * Logs a claim. The matrix check is computed here against the capability revision in force
 * at madeAt — whatever the browser showed — and stored with the revision it used.
 */
export async function createClaim(
  audit: AuditContext,
  logger: Actor,
  input: NewClaimInput,
): Promise<CreateClaimResult> {
  const salesperson = await prisma.user.findUnique({
    where: { id: input.salespersonId },
    select: { id: true, role: true, teamId: true, active: true },
  });
  if (!salesperson) return fieldError("salespersonId", "Choose the salesperson who made the claim.");
  const managedTeamIds = permissionScope(logger, "log:claim") === "team" ? await getManagedTeamIds(logger.userId) : [];
  const decision = canLogClaimFor(logger, managedTeamIds, salesperson);
  if (!decision.allowed) return refused(403, decision.reason);

  const placed = await placeInMatrix(input, "Choose the product the claim was about.");
  if (!placed.ok) return placed;
  const { product, capabilityId, revisionId, matrixCheck } = placed.value;

  const deal = input.dealId
    ? await prisma.deal.findUnique({
        where: { id: input.dealId },
        select: { id: true, ownerId: true, status: true, account: { select: { name: true } } },
      })
    : null;
  if (input.dealId && (!deal || deal.ownerId !== salesperson.id || deal.status === "LOST")) {
    return fieldError("dealId", "Choose one of the salesperson's open or won deals.");
  }
  const accountName = deal?.account.name ?? input.accountName?.trim() ?? "";
  if (accountName === "") return fieldError("accountName", "Name the customer's account, or choose a deal.");

  const data = {
    salespersonId: salesperson.id,
    dealId: deal?.id ?? null,
    accountName,
    productId: product.id,
    capabilityId,
    revisionId,
    assertedLevel: input.assertedLevel,
    statement: input.statement,
    channel: input.channel,
    madeAt: input.madeAt,
    source: decision.source,
    loggedById: logger.userId,
    evidence: input.evidence,
    matrixCheck,
  };
  const claim = await prisma.$transaction(async (tx) => {
    const created = await tx.claim.create({ data, select: { id: true } });
    await recordAudit(tx, audit, {
      action: "claim.create",
      entityType: "Claim",
      entityId: created.id,
      teamId: salesperson.teamId,
      after: data,
    });
    await refreshRollups(tx, { claimIds: [created.id] });
    return created;
  });
  return ok({ id: claim.id, matrixCheck });
}

/** Whether the claim exists within the reader's scope of "read:claim" (actions answer 404 otherwise). */
export async function claimIsReadableBy(claimId: string, reader: AudienceReader): Promise<boolean> {
  const where = await readableRowWhere(reader, "read:claim", claimId);
  return where !== null && (await prisma.claim.findFirst({ where, select: { id: true } })) !== null;
}

/** A claim page's data, for the components that show it. */
export type ClaimPageData = NonNullable<Awaited<ReturnType<typeof getClaimForReader>>>;
export type ClaimOnPage = ClaimPageData["claim"];
