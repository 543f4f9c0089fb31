import { comparePromise, revisionInForce } from "../../app/domain/matrix-check.ts";
import type { CapabilityStatus } from "../../app/generated/prisma/enums.ts";
import { BOLD_TEMPLATES, STATEMENT_TEMPLATES } from "../content/statements.ts";
import type { OffMatrixClaim } from "../content/types.ts";
import type { Rng } from "../random.ts";
import type { CatalogCapability, CatalogProduct, CatalogRevision } from "./catalog.ts";
import type { SeedPerson } from "./context.ts";
import { capitalise, fill, lowerFirst } from "./text.ts";
import type { Relation } from "./verdict.ts";

// What a salesperson talks about and what they say: the capability, the level they assert and
// their words. The truth is the revision in force on the day.

export type ClaimSubject =
  | {
      kind: "matrix";
      capability: CatalogCapability;
      revision: CatalogRevision;
      asserted: CapabilityStatus;
      relation: Relation;
    }
  | { kind: "off-matrix"; offMatrix: OffMatrixClaim; relation: Relation };

const VAGUE_LIMITS = ["it needs some setup on your side", "there are a few edge cases", "it depends on your edition"];

function overstatedLevel(truth: CapabilityStatus, rng: Rng): CapabilityStatus {
  if (truth === "PARTIAL") return "SUPPORTED";
  if (truth === "ROADMAP") return rng.chance(0.75) ? "SUPPORTED" : "PARTIAL";
  return rng.weighted<CapabilityStatus>([
    ["SUPPORTED", 50],
    ["ROADMAP", 30],
    ["PARTIAL", 20],
  ]);
}

function understatedLevel(truth: CapabilityStatus, rng: Rng): CapabilityStatus {
  if (truth === "SUPPORTED") return rng.chance(0.6) ? "PARTIAL" : "NOT_SUPPORTED";
  if (truth === "PARTIAL") return rng.chance(0.6) ? "NOT_SUPPORTED" : "ROADMAP";
  return "NOT_SUPPORTED";
}

export function relationOf(asserted: CapabilityStatus, truth: CapabilityStatus): Relation {
  const difference = comparePromise(asserted, truth);
  return difference > 0 ? "over" : difference < 0 ? "under" : "equal";
}

/** The share of overstated claims at `progress` (0 = start of the history, 1 = today). */
function overstateShare(person: SeedPerson, progress: number): number {
  const { overstate, overstateLate } = person.profile;
  return overstateLate === undefined ? overstate : overstate + (overstateLate - overstate) * progress;
}

export function chooseSubject(
  person: SeedPerson,
  product: CatalogProduct,
  madeAt: Date,
  progress: number,
  rng: Rng,
): ClaimSubject {
  const { profile } = person;
  if (rng.chance(profile.offMatrix) && product.content.offMatrix.length > 0) {
    const offMatrix = rng.pick(product.content.offMatrix);
    return { kind: "off-matrix", offMatrix, relation: relationOf(offMatrix.level, offMatrix.truth) };
  }
  const rows = product.capabilities.flatMap((capability) => {
    const revision = revisionInForce(capability.revisions, madeAt);
    return revision === null ? [] : [{ capability, revision }];
  });
  const roll = rng.float();
  const over = overstateShare(person, progress);
  let intent: Relation = roll < over ? "over" : roll < over + profile.understate ? "under" : "equal";
  let candidates = rows;
  if (intent === "over") candidates = rows.filter((row) => row.revision.status !== "SUPPORTED");
  if (intent === "under") candidates = rows.filter((row) => row.revision.status !== "NOT_SUPPORTED");
  if (candidates.length === 0) {
    intent = "equal";
    candidates = rows;
  }
  const chosen = rng.weighted(candidates.map((row) => [row, row.capability.spec.weight ?? 1] as const));
  const truth = chosen.revision.status;
  const asserted =
    intent === "over" ? overstatedLevel(truth, rng) : intent === "under" ? understatedLevel(truth, rng) : truth;
  return { kind: "matrix", capability: chosen.capability, revision: chosen.revision, asserted, relation: intent };
}

export function statementFor(subject: ClaimSubject, person: SeedPerson, productName: string, rng: Rng): string {
  if (subject.kind === "off-matrix") return subject.offMatrix.statement;
  const { capability, revision, asserted, relation } = subject;
  const action = capability.spec.action;
  const conditions =
    asserted === "PARTIAL" && revision.status === "PARTIAL" && revision.conditions !== ""
      ? lowerFirst(revision.conditions)
      : rng.pick(VAGUE_LIMITS);
  const bold =
    relation === "over" &&
    (person.archetype === "OVERPROMISER" ? rng.chance(0.5) : person.archetype === "SLOPPY" && rng.chance(0.15));
  const template = bold ? rng.pick(BOLD_TEMPLATES) : rng.pick(STATEMENT_TEMPLATES[asserted]);
  return fill(template, { action, Action: capitalise(action), product: productName, conditions }, rng);
}
