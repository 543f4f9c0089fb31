import { type Prisma, type CapabilityStatus } from "../generated/prisma/client.ts";
import { isReviewOverdue, sameFacts, utcTimeLabel } from "../domain/capability-changes.ts";
import { parsePhrases } from "../domain/phrase-matching.ts";
import { addDays } from "../domain/dates.ts";
import { CAPABILITY_LEVELS } from "../domain/levels.ts";
import { conflict, fieldError, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import { prisma, transactionUnlessTaken, type Db, type Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { DUE_SOON_DAYS, NOTE_REQUIRED, type ReviewFilter } from "../schemas/capability.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { listOpenClaimsChangedSince } from "./capability-claims.server.ts";
import { datedRevisionSelect, matrixRowSelect, REVISION_ORDER } from "./capability-selects.server.ts";
import { productSelect } from "./products.server.ts";
import { flagLinkedQuestionsInTx } from "./questions.server.ts";

export { listFlaggedClaimsFor, listOpenClaimsChangedSince } from "./capability-claims.server.ts";

/** Matrix rows whose review is overdue: stale until an engineer re-verifies them. */
export async function listCapabilitiesDueForReview(now: Date, take = 10) {
  const where = overdueWhere(now);
  const [count, rows] = await Promise.all([
    prisma.capability.count({ where }),
    prisma.capability.findMany({
      where,
      orderBy: [{ reviewDueAt: "asc" }],
      take,
      select: {
        id: true,
        key: true,
        title: true,
        status: true,
        reviewDueAt: true,
        product: { select: { name: true, slug: true } },
        owner: { select: { name: true } },
      },
    }),
  ]);
  return { count, rows };
}

/** Past its review date, or never verified: the SQL of isReviewOverdue. */
function overdueWhere(now: Date): Prisma.CapabilityWhereInput {
  return { OR: [{ reviewDueAt: { lt: now } }, { reviewDueAt: null }] };
}

// ---------------------------------------------------------------- reading the matrix

/** What a matrix row says: the facts a revision records, and what people read. */
const factsSelect = {
  ...matrixRowSelect,
  description: true,
  painPoints: true,
  docsUrl: true,
} satisfies Prisma.CapabilitySelect;

const rowSelect = {
  ...factsSelect,
  version: true,
  verifiedAt: true,
  reviewDueAt: true,
  owner: { select: { id: true, name: true } },
  verifiedBy: { select: { id: true, name: true } },
} satisfies Prisma.CapabilitySelect;

export type StatusCounts = Record<CapabilityStatus, number>;

/** Every product with its matrix rows counted by status, and how many are overdue for review. */
export async function listMatrixProducts(now: Date) {
  const [products, byStatus, overdue] = await Promise.all([
    prisma.product.findMany({ orderBy: { name: "asc" }, select: productSelect }),
    prisma.capability.groupBy({ by: ["productId", "status"], _count: { _all: true } }),
    prisma.capability.groupBy({ by: ["productId"], where: overdueWhere(now), _count: { _all: true } }),
  ]);
  return products.map((product) => {
    const counts = Object.fromEntries(CAPABILITY_LEVELS.map((level) => [level, 0])) as StatusCounts;
    for (const group of byStatus) if (group.productId === product.id) counts[group.status] = group._count._all;
    const total = CAPABILITY_LEVELS.reduce((sum, level) => sum + counts[level], 0);
    const stale = overdue.find((group) => group.productId === product.id)?._count._all ?? 0;
    return { ...product, counts, total, stale };
  });
}

export async function getMatrixProduct(slug: string) {
  return prisma.product.findUnique({ where: { slug }, select: productSelect });
}

export interface MatrixFilters {
  status?: CapabilityStatus;
  ownerId?: string;
  review?: ReviewFilter;
  q?: string;
}

/** Rows of one product's matrix matching the filters, by title, each marked stale or not. */
export async function listMatrixRows(productId: string, filters: MatrixFilters, now: Date) {
  const and: Prisma.CapabilityWhereInput[] = [{ productId }];
  if (filters.status) and.push({ status: filters.status });
  if (filters.ownerId) and.push({ ownerId: filters.ownerId });
  if (filters.review === "overdue") and.push(overdueWhere(now));
  if (filters.review === "due-soon") and.push({ reviewDueAt: { gte: now, lt: addDays(now, DUE_SOON_DAYS) } });
  if (filters.review === "current") and.push({ reviewDueAt: { gte: now } });
  if (filters.q) {
    // Case ignored on both databases (sql.contains).
    const contains = sql.contains(filters.q);
    and.push({
      OR: [
        { key: contains },
        { title: contains },
        { description: contains },
        { conditions: contains },
        { painPoints: contains },
      ],
    });
  }
  const rows = await prisma.capability.findMany({
    where: { AND: and },
    orderBy: [{ title: "asc" }],
    select: rowSelect,
  });
  return rows.map((row) => ({ ...row, stale: isReviewOverdue(row.reviewDueAt, now) }));
}

/** The owners of a product's rows, for the owner filter. */
export async function listMatrixOwners(productId: string) {
  return prisma.user.findMany({
    where: { ownedCapabilities: { some: { productId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Who may own a row: active engineers, plus the current owner if they have since left. */
export async function listOwnerCandidates(currentOwnerId: string | null = null) {
  return prisma.user.findMany({
    where: { OR: [{ role: "ENGINEER", active: true }, ...(currentOwnerId ? [{ id: currentOwnerId }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** One row with its product and full revision history, newest first. */
export async function getCapabilityPage(productSlug: string, key: string, now: Date) {
  const capability = await prisma.capability.findFirst({
    where: { key, product: { slug: productSlug } },
    select: {
      ...rowSelect,
      phrases: true,
      product: { select: productSelect },
      revisions: {
        orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
        select: { id: true, ...datedRevisionSelect, note: true, author: { select: { id: true, name: true } } },
      },
    },
  });
  return capability ? { ...capability, stale: isReviewOverdue(capability.reviewDueAt, now) } : null;
}

/** The customer-facing fields of a product's matrix, for the spec sheet; nothing internal. */
export async function getSpecSheetData(productSlug: string) {
  return prisma.product.findUnique({
    where: { slug: productSlug },
    select: {
      name: true,
      slug: true,
      description: true,
      capabilities: {
        select: { key: true, title: true, description: true, status: true, conditions: true, docsUrl: true },
      },
    },
  });
}

// ---------------------------------------------------------------- changing the matrix

type CapabilityField =
  "key" | "title" | "description" | "status" | "conditions" | "painPoints" | "docsUrl" | "ownerId" | "note" | "version";

export interface CapabilityConflict {
  byName: string;
  at: Date;
  message: string;
}

type CapabilityChangeFailure = Refusal<CapabilityField, CapabilityConflict>;
type CapabilityChangeResult<T> = Outcome<T, CapabilityField, CapabilityConflict>;

export interface CapabilityRowInput {
  title: string;
  description: string;
  status: CapabilityStatus;
  conditions: string;
  painPoints: string;
  docsUrl: string | null;
  ownerId: string;
  /** Why: kept on the revision when status or conditions change. */
  note: string;
}

export interface NewCapabilityInput extends CapabilityRowInput {
  key: string;
}

const gone = (): CapabilityChangeFailure => refused(400, "This capability no longer exists.");
const keyTaken = (): CapabilityChangeFailure =>
  fieldError("key", "This product already has a capability with this key.");

async function ownerRefusal(ownerId: string, currentOwnerId: string | null): Promise<CapabilityChangeFailure | null> {
  if (ownerId === currentOwnerId) return null;
  const owner = await prisma.user.findUnique({ where: { id: ownerId }, select: { role: true, active: true } });
  if (owner?.role === "ENGINEER" && owner.active) return null;
  return fieldError("ownerId", "Choose an active engineer as the owner.");
}

/**
 * Who changed the row last and when, for the 409 answer: the latest audit event on it, or (for
 * rows written by the seed, which leaves no audit trail) its last verifier and update time.
 */
async function conflictFailure(db: Db | Tx, capabilityId: string): Promise<CapabilityChangeFailure> {
  const row = await db.capability.findUnique({
    where: { id: capabilityId },
    select: { updatedAt: true, verifiedBy: { select: { name: true } } },
  });
  if (!row) return gone();
  const event = await db.auditEvent.findFirst({
    where: { entityType: "Capability", entityId: capabilityId },
    orderBy: { id: "desc" },
    select: { actorId: true, at: true },
  });
  const actor = event?.actorId
    ? await db.user.findUnique({ where: { id: event.actorId }, select: { name: true } })
    : null;
  const byName = actor?.name ?? row.verifiedBy?.name ?? "Someone";
  const at = event?.at ?? row.updatedAt;
  const message = `${byName} changed this capability at ${utcTimeLabel(at)}; reload to see their change.`;
  return conflict(message, { byName, at, message });
}

/**
 * A new matrix row and its first revision; the author's entry counts as its first verification,
 * so the review cycle starts now.
 */
export async function createCapability(
  audit: AuditContext,
  productId: string,
  input: NewCapabilityInput,
  authorId: string,
  at = new Date(),
): Promise<CapabilityChangeResult<{ id: string; key: string }>> {
  const [product, taken, refusal] = await Promise.all([
    prisma.product.findUnique({ where: { id: productId }, select: { reviewCycleDays: true } }),
    prisma.capability.findUnique({ where: { productId_key: { productId, key: input.key } }, select: { id: true } }),
    ownerRefusal(input.ownerId, null),
  ]);
  if (!product) return refused(400, "This product no longer exists.");
  if (taken) return keyTaken();
  if (refusal) return refusal;
  const { note, ...row } = input;
  // Reads are done above so that the transaction starts with its first write (ENGINEERING.md
  // §1: a deferred read-then-write transaction on SQLite can fail with SQLITE_BUSY at once).
  return transactionUnlessTaken(async (tx): Promise<CapabilityChangeResult<{ id: string; key: string }>> => {
    const capability = await tx.capability.create({
      data: {
        ...row,
        productId,
        verifiedById: authorId,
        verifiedAt: at,
        reviewDueAt: addDays(at, product.reviewCycleDays),
      },
      select: { ...factsSelect, ownerId: true, reviewDueAt: true },
    });
    const revision = await tx.capabilityRevision.create({
      data: {
        capabilityId: capability.id,
        status: row.status,
        conditions: row.conditions,
        validFrom: at,
        authorId,
        note: note || "Initial matrix row.",
      },
      select: { id: true },
    });
    await recordAudit(tx, audit, {
      action: "capability.create",
      entityType: "Capability",
      entityId: capability.id,
      after: { ...capability, productId, revisionId: revision.id, note },
    });
    return ok({ id: capability.id, key: capability.key });
  }, keyTaken);
}

const PLAIN_FIELDS = ["title", "description", "painPoints", "docsUrl", "ownerId"] as const;
type PlainField = (typeof PLAIN_FIELDS)[number];

/** What the edit form changes, and the version it was read at. */
const editableFactsSelect = {
  version: true,
  title: true,
  description: true,
  painPoints: true,
  docsUrl: true,
  ownerId: true,
  status: true,
  conditions: true,
} satisfies Prisma.CapabilitySelect;

/**
 * Saves the edit form if the row is still at `version` (else a conflict naming who changed it).
 * Title, description, pain points, docs link and owner are a "capability.update"; a change of
 * status or conditions goes through reviseCapabilityInTx (revision, review cycle, quiz flags).
 */
export async function updateCapability(
  audit: AuditContext,
  capabilityId: string,
  input: CapabilityRowInput & { version: number },
  authorId: string,
  at = new Date(),
): Promise<CapabilityChangeResult<CapabilitySaved>> {
  const before = await prisma.capability.findUnique({ where: { id: capabilityId }, select: editableFactsSelect });
  if (!before) return gone();
  if (before.version !== input.version) return conflictFailure(prisma, capabilityId);
  const refusal = await ownerRefusal(input.ownerId, before.ownerId);
  if (refusal) return refusal;
  const factsChanged = !sameFacts(before, input);
  if (factsChanged && input.note.trim() === "") return fieldError("note", NOTE_REQUIRED);
  const changed = PLAIN_FIELDS.filter((field) => (before[field] ?? null) !== (input[field] ?? null));
  if (!factsChanged && changed.length === 0)
    return ok({ saved: false, factsChanged: false, questionsToReview: 0, openClaimsAffected: 0 });

  const pick = (source: Pick<CapabilityRowInput, PlainField> | typeof before) =>
    Object.fromEntries(changed.map((field) => [field, source[field]]));
  const outcome = await prisma.$transaction(
    async (tx): Promise<CapabilityChangeResult<{ questionsToReview: number }>> => {
      // The version check is the transaction's first statement and a write, so it takes the write
      // lock before anything is read: of two editors holding the same version, exactly one matches.
      const guard = await tx.capability.updateMany({
        where: { id: capabilityId, version: input.version },
        data: { ...pick(input), ...(factsChanged ? { updatedAt: at } : { version: { increment: 1 } }) },
      });
      if (guard.count === 0) return conflictFailure(tx, capabilityId);
      if (changed.length > 0) {
        await recordAudit(tx, audit, {
          action: "capability.update",
          entityType: "Capability",
          entityId: capabilityId,
          before: pick(before),
          after: pick(input),
        });
      }
      if (!factsChanged) return ok({ questionsToReview: 0 });
      const revised = await reviseCapabilityInTx(tx, audit, {
        capabilityId,
        status: input.status,
        conditions: input.conditions,
        note: input.note,
        authorId,
        at,
      });
      return ok({ questionsToReview: revised.questionsFlagged });
    },
  );
  if (!outcome.ok) return outcome;
  // Counted after the commit, exactly as the capability page lists them below the form.
  const openClaimsAffected = factsChanged ? await countOpenClaimsAffected(capabilityId) : 0;
  return ok({ saved: true, factsChanged, questionsToReview: outcome.value.questionsToReview, openClaimsAffected });
}

/** What a save changed beyond the row, for the engineer's confirmation (the capability page's toast). */
export interface CapabilitySaved {
  saved: boolean;
  /** Status or conditions changed: a new revision. */
  factsChanged: boolean;
  /** Linked quiz questions moved from ACTIVE to NEEDS_REVIEW by this save (PRODUCT.md §1 Question). */
  questionsToReview: number;
  /** Open claims, anyone's, about this capability that the matrix now contradicts (listOpenClaimsChangedSince). */
  openClaimsAffected: number;
}

/** A capability as its changes since a claim's day are found: its facts now and its dated revisions. */
const changedSinceSelect = {
  id: true,
  status: true,
  conditions: true,
  revisions: { orderBy: REVISION_ORDER, select: datedRevisionSelect },
} satisfies Prisma.CapabilitySelect;

async function countOpenClaimsAffected(capabilityId: string): Promise<number> {
  const row = await prisma.capability.findUnique({ where: { id: capabilityId }, select: changedSinceSelect });
  if (!row) return 0;
  return (await listOpenClaimsChangedSince(row, { kind: "all" })).total;
}

/**
 * Keeps the phrases conversations are matched with (PRODUCT.md §7): one per line, trimmed, without
 * blanks or duplicates. They say nothing about what the product does, so a change is audited but
 * is not a revision and leaves the row's version (and anyone's open edit form) alone.
 */
export async function updateCapabilityPhrases(
  audit: AuditContext,
  capabilityId: string,
  text: string,
): Promise<CapabilityChangeResult<{ saved: boolean; phrases: string[] }>> {
  const before = await prisma.capability.findUnique({ where: { id: capabilityId }, select: { phrases: true } });
  if (!before) return gone();
  const phrases = parsePhrases(text);
  const stored = phrases.join("\n");
  if (stored === before.phrases) return ok({ saved: false, phrases });
  await prisma.$transaction(async (tx) => {
    await tx.capability.update({ where: { id: capabilityId }, data: { phrases: stored } });
    await recordAudit(tx, audit, {
      action: "capability.phrases",
      entityType: "Capability",
      entityId: capabilityId,
      before: { phrases: parsePhrases(before.phrases) },
      after: { phrases },
    });
  });
  return ok({ saved: true, phrases });
}

/** What a re-verification or a revision changes on the row, read before and audited before and after. */
const verificationSelect = {
  status: true,
  conditions: true,
  version: true,
  verifiedById: true,
  verifiedAt: true,
  reviewDueAt: true,
} satisfies Prisma.CapabilitySelect;

/**
 * "Mark verified": the row is still true today. Restarts the review cycle and appends a revision
 * with the same status and conditions, because the matrix check dates staleness from the latest
 * revision (app/domain/matrix-check.ts isStaleAt).
 */
export async function markCapabilityVerified(
  audit: AuditContext,
  capabilityId: string,
  version: number,
  authorId: string,
  at = new Date(),
): Promise<CapabilityChangeResult<{ reviewDueAt: Date }>> {
  const before = await prisma.capability.findUnique({
    where: { id: capabilityId },
    select: { ...verificationSelect, product: { select: { reviewCycleDays: true } } },
  });
  if (!before) return gone();
  if (before.version !== version) return conflictFailure(prisma, capabilityId);
  const reviewDueAt = addDays(at, before.product.reviewCycleDays);
  return prisma.$transaction(async (tx): Promise<CapabilityChangeResult<{ reviewDueAt: Date }>> => {
    const guard = await tx.capability.updateMany({
      where: { id: capabilityId, version },
      data: { verifiedById: authorId, verifiedAt: at, reviewDueAt, version: { increment: 1 } },
    });
    if (guard.count === 0) return conflictFailure(tx, capabilityId);
    // The version matched, so status and conditions are still those read above.
    const revision = await tx.capabilityRevision.create({
      data: {
        capabilityId,
        status: before.status,
        conditions: before.conditions,
        validFrom: at,
        authorId,
        note: "Verified",
      },
      select: { id: true },
    });
    await recordAudit(tx, audit, {
      action: "capability.verify",
      entityType: "Capability",
      entityId: capabilityId,
      before: {
        verifiedById: before.verifiedById,
        verifiedAt: before.verifiedAt,
        reviewDueAt: before.reviewDueAt,
        version: before.version,
      },
      after: {
        verifiedById: authorId,
        verifiedAt: at,
        reviewDueAt,
        version: before.version + 1,
        revisionId: revision.id,
      },
    });
    return ok({ reviewDueAt });
  });
}

export interface ReviseCapabilityInput {
  capabilityId: string;
  status: CapabilityStatus;
  conditions: string;
  note: string;
  authorId: string;
  at?: Date;
}

/**
 * Changes a capability's status and/or conditions inside the caller's transaction (used by the
 * capability page and by "ask an engineer" answers, which update the matrix in the same step).
 * When neither differs from the row, nothing is written and the revision in force is returned
 * with `changed: false`. Otherwise: a revision is appended (validFrom = at), the row takes the
 * new values with version + 1 and a restarted review cycle, linked ACTIVE quiz questions become
 * NEEDS_REVIEW (PRODUCT.md §1 Question), and a "capability.revise" audit event is written.
 * Throws when the capability does not exist: callers pass ids they have just read.
 */
export async function reviseCapabilityInTx(
  tx: Tx,
  audit: AuditContext,
  input: ReviseCapabilityInput,
): Promise<{ revisionId: string; changed: boolean; questionsFlagged: number }> {
  const at = input.at ?? new Date();
  const conditions = input.conditions.trim();
  const before = await tx.capability.findUnique({
    where: { id: input.capabilityId },
    select: {
      id: true,
      ...verificationSelect,
      product: { select: { reviewCycleDays: true } },
      revisions: { orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }], take: 1, select: { id: true } },
    },
  });
  if (!before) throw new Error(`reviseCapabilityInTx: no capability ${input.capabilityId}`);

  const changed = before.status !== input.status || before.conditions.trim() !== conditions;
  const current = before.revisions[0];
  if (!changed && current) return { revisionId: current.id, changed: false, questionsFlagged: 0 };

  const revision = await tx.capabilityRevision.create({
    data: {
      capabilityId: before.id,
      status: input.status,
      conditions,
      validFrom: at,
      authorId: input.authorId,
      note: input.note.trim(),
    },
    select: { id: true },
  });
  const reviewDueAt = addDays(at, before.product.reviewCycleDays);
  const after = await tx.capability.update({
    where: { id: before.id },
    data: {
      status: input.status,
      conditions,
      version: { increment: 1 },
      verifiedById: input.authorId,
      verifiedAt: at,
      reviewDueAt,
    },
    select: verificationSelect,
  });
  const flagged = await flagLinkedQuestionsInTx(tx, before.id);
  await recordAudit(tx, audit, {
    action: "capability.revise",
    entityType: "Capability",
    entityId: before.id,
    before: {
      status: before.status,
      conditions: before.conditions,
      version: before.version,
      verifiedById: before.verifiedById,
      verifiedAt: before.verifiedAt,
      reviewDueAt: before.reviewDueAt,
    },
    after: { ...after, revisionId: revision.id, note: input.note.trim(), questionsFlagged: flagged },
  });
  return { revisionId: revision.id, changed: true, questionsFlagged: flagged };
}
