import {
  canDispute,
  canMarkCustomerCorrected,
  canResolveDispute,
  canVerify,
  overturnFieldErrors,
  SECOND_DISPUTE_REFUSAL,
  verdictFieldErrors,
  type Actor,
  type CorrectableClaim,
  type VerdictStatus,
  type VerifiableClaim,
} from "../domain/claim-rules.ts";
import { claimStatusLabel, severityLabel, type ClaimStatus, type Severity } from "../domain/levels.ts";
import { formatDateTime } from "../domain/format.ts";
import { permissionScope } from "../domain/permissions.ts";
import { conflict as conflictWith, invalid, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma, transactionUnlessTaken, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { notifyDisputeOpened, notifyDisputeResolved, notifyVerdict } from "./notifications.server.ts";
import { refreshRollups } from "./rollups.server.ts";
import { getManagedTeamIds } from "./teams.server.ts";

// What happens to a claim after it is logged: the engineer's verdict, the customer correction,
// the salesperson's dispute and its resolution. Every change is guarded so that two people
// acting at once never overwrite each other silently, and audited in the same transaction.

export interface VerdictValues {
  status: VerdictStatus;
  severity: Severity | null;
  note: string;
}

/** Who got there first, for the 409 answer: "<name> recorded a verdict (Inaccurate, High) at <time>." */
export interface Conflict {
  message: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  verdict: string | null;
}

type Failure = Refusal<string, Conflict>;
export type ChangeResult = Outcome<null, string, Conflict>;

const NOTHING_OVERWRITTEN = "Nothing was overwritten.";

/** A time in the message text, the same for every reader: "3 Dec 2026, 14:05 UTC" (format.ts). */
function utcMinute(date: Date): string {
  return formatDateTime(date);
}

function verdictLabel(status: ClaimStatus, severity: Severity | null): string {
  return severity ? `${claimStatusLabel(status)}, ${severityLabel(severity)}` : claimStatusLabel(status);
}

function toFieldErrors(errors: Partial<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).flatMap(([key, message]) => (message ? [[key, [message]]] : [])));
}

export const claimNotFound: Failure = refused(404, "We could not find that claim.");
const notFound = claimNotFound;
const forbidden = (message: string): Failure => refused(403, message);
const conflict = (value: Conflict): Failure => conflictWith(value.message, value);
/** A 409 that names no one: the claim's state, not another person's decision, refuses the change. */
export const stateConflict = (message: string): Failure =>
  conflict({ message, decidedBy: null, decidedAt: null, verdict: null });
/** Someone decided first: "<name> <what they did> at <time>. Nothing was overwritten." */
const decidedFirst = (decidedBy: string, decidedAt: Date, whatTheyDid: string, verdict: string | null): Failure =>
  conflict({
    message: `${decidedBy} ${whatTheyDid} at ${utcMinute(decidedAt)}. ${NOTHING_OVERWRITTEN}`,
    decidedBy,
    decidedAt,
    verdict,
  });
/** The guarded write lost, but no one's decision explains it (the claim changed in another way). */
const changedWhileDeciding = (): Failure =>
  stateConflict(`This claim changed while you were deciding. ${NOTHING_OVERWRITTEN} Review it and decide again.`);

/**
 * The claim a change is about, with the fields the change reads (`select`) and its salesperson's
 * team, under which the change's audit event is filed; null when the claim does not exist.
 */
export function findClaimToChange<S extends Prisma.ClaimSelect>(claimId: string, select: S) {
  return prisma.claim.findUnique({
    where: { id: claimId },
    select: { ...select, salesperson: { select: { teamId: true } } },
  });
}

/** Every field canVerify reads of a claim (VerifiableClaim). */
const verifiableClaimSelect = {
  loggedById: true,
  status: true,
  source: true,
  assertedLevel: true,
} satisfies Record<keyof VerifiableClaim, true>;

/** Every field canMarkCustomerCorrected reads of a claim (CorrectableClaim). */
const correctableClaimSelect = {
  salespersonId: true,
  loggedById: true,
  matrixCheck: true,
  status: true,
  customerCorrectedAt: true,
} satisfies Record<keyof CorrectableClaim, true>;

async function verdictConflict(claimId: string): Promise<Failure> {
  const current = await prisma.claim.findUnique({
    where: { id: claimId },
    select: { status: true, severity: true, verifiedAt: true, verifiedBy: { select: { name: true } } },
  });
  if (!current) return notFound;
  if (current.status !== "PENDING" && current.verifiedBy && current.verifiedAt) {
    const verdict = verdictLabel(current.status, current.severity);
    return decidedFirst(current.verifiedBy.name, current.verifiedAt, `recorded a verdict (${verdict})`, verdict);
  }
  return changedWhileDeciding();
}

/**
 * Records an engineer's verdict on a PENDING claim, guarded by the version the engineer saw:
 * of two engineers deciding at once exactly one verdict is stored; the other gets a conflict
 * naming who decided and when.
 */
export async function recordVerdict(
  audit: AuditContext,
  verifier: Actor,
  claimId: string,
  version: number,
  values: VerdictValues,
): Promise<ChangeResult> {
  const claim = await findClaimToChange(claimId, {
    ...verifiableClaimSelect,
    version: true,
    severity: true,
    verdictNote: true,
  });
  if (!claim) return notFound;
  const decision = canVerify(verifier, claim);
  if (!decision.allowed && !decision.alreadyDecided) return forbidden(decision.reason);
  if (!decision.allowed || claim.version !== version) return verdictConflict(claimId);
  const errors = verdictFieldErrors(values);
  if (Object.keys(errors).length > 0) return invalid(toFieldErrors(errors));

  const after = {
    status: values.status,
    severity: values.severity,
    verdictNote: values.note.trim() || null,
    verifiedById: verifier.userId,
    verifiedAt: new Date(),
  };
  const stored = await changePendingClaim(
    audit,
    { id: claimId, version, teamId: claim.salesperson.teamId },
    {
      action: "claim.verify",
      before: { status: claim.status, severity: claim.severity, verdictNote: claim.verdictNote },
      after,
    },
    // PRODUCT.md §8: the salesperson hears of the verdict, in the verdict's own transaction.
    (tx) => notifyVerdict(tx, claimId),
  );
  return stored ? ok(null) : verdictConflict(claimId);
}

/**
 * Changes a claim that is still pending at `version` — its fields, its audit row (before and
 * after, with the versions), whatever `alsoInTx` adds, and the rollups — in one transaction.
 * False when someone decided or changed the claim first: nothing was written, and the caller
 * answers 409.
 */
export async function changePendingClaim(
  audit: AuditContext,
  claim: { id: string; version: number; teamId: string | null },
  change: { action: string; before: Record<string, unknown>; after: Prisma.ClaimUncheckedUpdateManyInput },
  alsoInTx?: (tx: Tx) => Promise<unknown>,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, version: claim.version, status: "PENDING" },
      data: { ...change.after, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordAudit(tx, audit, {
      action: change.action,
      entityType: "Claim",
      entityId: claim.id,
      teamId: claim.teamId,
      before: { ...change.before, version: claim.version },
      after: { ...change.after, version: claim.version + 1 },
    });
    await alsoInTx?.(tx);
    await refreshRollups(tx, { claimIds: [claim.id] });
    return true;
  });
}

/** "I corrected this with the customer": recorded once, by the salesperson or whoever logged the claim. */
export async function markCustomerCorrected(audit: AuditContext, actor: Actor, claimId: string): Promise<ChangeResult> {
  const claim = await findClaimToChange(claimId, correctableClaimSelect);
  if (!claim) return notFound;
  const decision = canMarkCustomerCorrected(actor, claim);
  if (!decision.allowed) return forbidden(decision.reason);
  const customerCorrectedAt = new Date();
  const stored = await prisma.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, customerCorrectedAt: null },
      data: { customerCorrectedAt, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordAudit(tx, audit, {
      action: "claim.customer-corrected",
      entityType: "Claim",
      entityId: claimId,
      teamId: claim.salesperson.teamId,
      before: { customerCorrectedAt: null },
      after: { customerCorrectedAt },
    });
    return true;
  });
  if (stored) return ok(null);
  return stateConflict("The correction was already recorded.");
}

/** A salesperson disputes the verdict on their own claim, once, with a reason. */
export async function raiseDispute(
  audit: AuditContext,
  actor: Actor,
  claimId: string,
  reason: string,
): Promise<ChangeResult> {
  const claim = await findClaimToChange(claimId, {
    salespersonId: true,
    status: true,
    severity: true,
    dispute: { select: { id: true } },
  });
  if (!claim) return notFound;
  const decision = canDispute(actor, {
    salespersonId: claim.salespersonId,
    status: claim.status,
    hasDispute: claim.dispute !== null,
  });
  if (!decision.allowed) {
    return decision.reason === SECOND_DISPUTE_REFUSAL ? stateConflict(decision.reason) : forbidden(decision.reason);
  }
  // Two submissions at once: the unique claimId lets only the first dispute in.
  return transactionUnlessTaken(
    async (tx): Promise<ChangeResult> => {
      const dispute = await tx.claimDispute.create({
        data: {
          claimId,
          raisedById: actor.userId,
          reason: reason.trim(),
          disputedStatus: claim.status,
          disputedSeverity: claim.severity,
        },
        select: { id: true, raisedAt: true },
      });
      await recordAudit(tx, audit, {
        action: "claim.dispute",
        entityType: "Claim",
        entityId: claimId,
        teamId: claim.salesperson.teamId,
        after: {
          disputeId: dispute.id,
          reason: reason.trim(),
          disputedStatus: claim.status,
          raisedAt: dispute.raisedAt,
        },
      });
      await notifyDisputeOpened(tx, dispute.id);
      return ok(null);
    },
    () => stateConflict(SECOND_DISPUTE_REFUSAL),
  );
}

export interface Resolution {
  outcome: "UPHELD" | "OVERTURNED";
  resolutionNote: string;
  /** The verdict that replaces the disputed one; only for OVERTURNED. */
  verdict: { status: VerdictStatus | null; severity: Severity | null; note: string } | null;
}

class ResolutionLost extends Error {}

async function resolutionConflict(claimId: string): Promise<Failure> {
  const dispute = await prisma.claimDispute.findUnique({
    where: { claimId },
    select: { status: true, resolvedAt: true, resolvedBy: { select: { name: true } } },
  });
  if (dispute && dispute.status !== "OPEN" && dispute.resolvedBy && dispute.resolvedAt) {
    const outcome = dispute.status === "UPHELD" ? "upheld" : "overturned";
    return decidedFirst(dispute.resolvedBy.name, dispute.resolvedAt, `${outcome} this dispute`, null);
  }
  return changedWhileDeciding();
}

/**
 * A manager of the salesperson's team (or an admin) upholds or overturns a dispute. Overturning
 * sets the new verdict in the same step; verifiedBy stays the engineer who judged the claim,
 * and the resolver and both verdicts (with their severities) are kept in the dispute row and
 * the audit event.
 */
export async function resolveDispute(
  audit: AuditContext,
  resolver: Actor,
  claimId: string,
  resolution: Resolution,
): Promise<ChangeResult> {
  const claim = await findClaimToChange(claimId, {
    version: true,
    status: true,
    severity: true,
    verdictNote: true,
    dispute: { select: { id: true, status: true, disputedStatus: true } },
  });
  if (!claim) return notFound;
  const managedTeamIds =
    permissionScope(resolver, "resolve:dispute") === "team" ? await getManagedTeamIds(resolver.userId) : [];
  const decision = canResolveDispute(resolver, managedTeamIds, {
    salespersonTeamId: claim.salesperson.teamId,
    dispute: claim.dispute,
  });
  if (!decision.allowed) return decision.alreadyResolved ? resolutionConflict(claimId) : forbidden(decision.reason);
  const dispute = claim.dispute;
  if (!dispute) return forbidden("There is no dispute on this claim.");

  let newVerdict: { status: VerdictStatus; severity: Severity | null; verdictNote: string | null } | null = null;
  if (resolution.outcome === "OVERTURNED") {
    const verdict = resolution.verdict ?? { status: null, severity: null, note: "" };
    const errors = overturnFieldErrors(dispute.disputedStatus, verdict);
    if (Object.keys(errors).length > 0 || verdict.status === null) return invalid(toFieldErrors(errors));
    newVerdict = { status: verdict.status, severity: verdict.severity, verdictNote: verdict.note.trim() || null };
  }

  const resolvedAt = new Date();
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.claimDispute.updateMany({
        where: { id: dispute.id, status: "OPEN" },
        data: {
          status: resolution.outcome,
          resolvedById: resolver.userId,
          resolvedAt,
          resolutionNote: resolution.resolutionNote.trim(),
          overturnedStatus: newVerdict?.status ?? null,
          overturnedSeverity: newVerdict?.severity ?? null,
        },
      });
      if (count === 0) throw new ResolutionLost();
      if (newVerdict) {
        const changed = await tx.claim.updateMany({
          where: { id: claimId, version: claim.version },
          data: { ...newVerdict, version: { increment: 1 } },
        });
        if (changed.count === 0) throw new ResolutionLost();
        // The overturned verdict changes the dashboard's accuracy (ADR 019).
        await refreshRollups(tx, { claimIds: [claimId] });
      }
      const before = { status: claim.status, severity: claim.severity, verdictNote: claim.verdictNote };
      await recordAudit(tx, audit, {
        action: "claim.dispute.resolve",
        entityType: "Claim",
        entityId: claimId,
        teamId: claim.salesperson.teamId,
        before: { dispute: "OPEN", ...before },
        after: {
          dispute: resolution.outcome,
          resolutionNote: resolution.resolutionNote.trim(),
          resolvedById: resolver.userId,
          ...(newVerdict ?? before),
        },
      });
      await notifyDisputeResolved(tx, dispute.id);
    });
  } catch (error) {
    if (error instanceof ResolutionLost) return resolutionConflict(claimId);
    throw error;
  }
  return ok(null);
}
