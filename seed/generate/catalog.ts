import { addDays } from "../../app/domain/dates.ts";
import type { Capability, CapabilityRevision, Product } from "../../app/generated/prisma/client.ts";
import type { CapabilityStatus } from "../../app/generated/prisma/enums.ts";
import type { CapabilitySpec, ProductContent } from "../content/types.ts";
import type { Rng } from "../random.ts";
import type { Timeline } from "./timeline.ts";

// Products, the capability matrix and its history. Marking a row verified appends a revision
// (app/domain/matrix-check.ts), so rows are re-verified every 55–90% of the review cycle; rows
// with `lastVerifiedDaysAgo` stopped being reviewed and are overdue today.

export interface CatalogRevision {
  id: string;
  status: CapabilityStatus;
  conditions: string;
  validFrom: Date;
  authorId: string;
  /** Set on revisions that changed status or conditions (not plain re-verifications). */
  changed: boolean;
}

export interface CatalogCapability {
  id: string;
  productId: string;
  spec: CapabilitySpec;
  docsUrl: string;
  ownerId: string;
  /** Oldest first. */
  revisions: CatalogRevision[];
}

export interface CatalogProduct {
  id: string;
  content: ProductContent;
  capabilities: CatalogCapability[];
}

export interface CatalogRows {
  products: Product[];
  capabilities: Capability[];
  revisions: CapabilityRevision[];
}

const DOCS_BASE = "https://docs.candor.test/";

function revisionsFor(
  spec: CapabilitySpec,
  cycleDays: number,
  ownerId: string,
  engineerIds: readonly string[],
  timeline: Timeline,
  rng: Rng,
  ids: Rng,
) {
  const firstAt = addDays(timeline.matrixStart, rng.float(0, 12));
  const events = spec.history.map((revision, index) => ({
    revision,
    at: index === 0 || revision.daysAgo === undefined ? firstAt : addDays(timeline.now, -revision.daysAgo),
  }));
  const lastVerified = spec.lastVerifiedDaysAgo === undefined ? null : addDays(timeline.now, -spec.lastVerifiedDaysAgo);
  const revisions: CatalogRevision[] = [];
  events.forEach(({ revision, at }, index) => {
    const next = events[index + 1];
    revisions.push({
      id: ids.id(),
      status: revision.status,
      conditions: revision.conditions,
      validFrom: at,
      authorId: ownerId,
      changed: index > 0,
    });
    const until = next ? next.at : (lastVerified ?? timeline.now);
    let t = at;
    for (;;) {
      const step = cycleDays * rng.float(0.55, 0.9);
      const candidate = addDays(t, step);
      if (candidate.getTime() >= until.getTime()) break;
      t = candidate;
      revisions.push({
        id: ids.id(),
        status: revision.status,
        conditions: revision.conditions,
        validFrom: t,
        authorId: rng.chance(0.7) ? ownerId : rng.pick(engineerIds),
        changed: false,
      });
    }
    if (!next && lastVerified !== null && lastVerified.getTime() > t.getTime()) {
      revisions.push({
        id: ids.id(),
        status: revision.status,
        conditions: revision.conditions,
        validFrom: lastVerified,
        authorId: ownerId,
        changed: false,
      });
    }
  });
  return revisions;
}

function revisionNote(revision: CatalogRevision, spec: CapabilitySpec, index: number): string {
  if (index === 0) return spec.history[0]?.note ?? "Initial matrix row.";
  if (revision.changed)
    return (
      spec.history.find((h) => h.status === revision.status && h.conditions === revision.conditions)?.note ?? "Updated."
    );
  const release = `${revision.validFrom.getUTCFullYear()}.${revision.validFrom.getUTCMonth() + 1}`;
  return `Verified against release ${release}; no change.`;
}

export function buildCatalog(
  contents: readonly ProductContent[],
  engineerIds: readonly string[],
  timeline: Timeline,
  rng: Rng,
  ids: Rng,
) {
  const rows: CatalogRows = { products: [], capabilities: [], revisions: [] };
  const products: CatalogProduct[] = [];
  const createdAt = addDays(timeline.matrixStart, -20);
  for (const content of contents) {
    const productId = ids.id();
    rows.products.push({
      id: productId,
      name: content.name,
      slug: content.slug,
      description: content.description,
      reviewCycleDays: content.reviewCycleDays,
      createdAt,
      updatedAt: createdAt,
    });
    const capabilities: CatalogCapability[] = [];
    for (const spec of content.capabilities) {
      const ownerId = engineerIds[spec.owner % engineerIds.length] ?? rng.pick(engineerIds);
      const revisions = revisionsFor(spec, content.reviewCycleDays, ownerId, engineerIds, timeline, rng, ids);
      const first = revisions[0];
      const last = revisions[revisions.length - 1];
      if (first === undefined || last === undefined) throw new Error(`capability ${spec.key} has no history`);
      const capability: CatalogCapability = {
        id: ids.id(),
        productId,
        spec,
        docsUrl: DOCS_BASE + spec.docsPath,
        ownerId,
        revisions,
      };
      capabilities.push(capability);
      rows.capabilities.push({
        id: capability.id,
        productId,
        key: spec.key,
        title: spec.title,
        description: spec.description,
        status: last.status,
        conditions: last.conditions,
        painPoints: spec.painPoints,
        phrases: spec.phrases.join("\n"),
        docsUrl: capability.docsUrl,
        ownerId,
        verifiedById: last.authorId,
        verifiedAt: last.validFrom,
        reviewDueAt: addDays(last.validFrom, content.reviewCycleDays),
        version: revisions.length,
        createdAt: first.validFrom,
        updatedAt: last.validFrom,
      });
      revisions.forEach((revision, index) => {
        rows.revisions.push({
          id: revision.id,
          capabilityId: capability.id,
          status: revision.status,
          conditions: revision.conditions,
          validFrom: revision.validFrom,
          authorId: revision.authorId,
          note: revisionNote(revision, spec, index),
          createdAt: revision.validFrom,
        });
      });
    }
    products.push({ id: productId, content, capabilities });
  }
  return { catalog: products, rows };
}
