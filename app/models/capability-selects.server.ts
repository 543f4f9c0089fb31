import type { Prisma } from "../generated/prisma/client.ts";

// How the models read a matrix row and its revisions, named once so a capability and its history
// are read the same way on every page. capabilities.server.ts writes them; this module only names
// their shapes and imports nothing of ours, so any model (claims, conversations, the capability
// model itself) can use it without an import cycle.

/** A matrix row by its key and title, with what it says now. */
export const matrixRowSelect = {
  id: true,
  key: true,
  title: true,
  status: true,
  conditions: true,
} satisfies Prisma.CapabilitySelect;

/** A matrix row with when it was last verified and when its review is due. */
export const reviewedMatrixRowSelect = {
  ...matrixRowSelect,
  verifiedAt: true,
  reviewDueAt: true,
} satisfies Prisma.CapabilitySelect;

/** What a revision said and from when: the facts the matrix check reads (domain DatedRevision). */
export const datedRevisionSelect = {
  status: true,
  conditions: true,
  validFrom: true,
} satisfies Prisma.CapabilityRevisionSelect;

/** A revision as people read it: its facts, why it was written and by whom. */
export const notedRevisionSelect = {
  ...datedRevisionSelect,
  note: true,
  author: { select: { name: true } },
} satisfies Prisma.CapabilityRevisionSelect;

/** Revisions in the order they were written, as revisionInForce and changeSinceClaim read them. */
export const REVISION_ORDER = [
  { validFrom: "asc" },
  { createdAt: "asc" },
] satisfies Prisma.CapabilityRevisionOrderByWithRelationInput[];

/** A capability's revisions, in the order they were written, each with its id. */
export const revisionHistory = {
  orderBy: REVISION_ORDER,
  select: { id: true, ...datedRevisionSelect },
} satisfies Prisma.Capability$revisionsArgs;
