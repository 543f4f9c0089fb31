import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "../../../app/domain/claim-rules.ts";
import { prisma } from "../../../app/lib/db.server.ts";
import type { AuditContext } from "../../../app/models/audit.server.ts";
import { raiseDispute, recordVerdict } from "../../../app/models/claim-verdicts.server.ts";
import { createClaim } from "../../../app/models/claims.server.ts";

// A claim's life through the models, as the pages drive it: logged by its salesperson, judged by
// an engineer, disputed. Each step checks it was accepted, so a test starts from a known state.

/** A demo user as the models take them, with the name and team the tests look for. */
export interface Person extends Actor {
  name: string;
  teamId: string | null;
}

export async function actorFor(email: string): Promise<Person> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, role: true, name: true, teamId: true },
  });
  return { userId: user.id, role: user.role, name: user.name, teamId: user.teamId };
}

/** The audit context of a request by `actor`. */
export const auditOf = (actor: { userId: string }): AuditContext => ({
  actorId: actor.userId,
  requestId: randomUUID(),
  ip: "203.0.113.80",
});

export interface ClaimToLog {
  capabilityId: string;
  statement: string;
  accountName: string;
  madeAt: Date;
}

/** A claim the salesperson logs about their own call, "Supported", on no deal: its id. */
export async function loggedClaim(salesperson: Actor, claim: ClaimToLog): Promise<string> {
  const created = await createClaim(auditOf(salesperson), salesperson, {
    salespersonId: salesperson.userId,
    productId: null,
    capabilityId: claim.capabilityId,
    assertedLevel: "SUPPORTED",
    statement: claim.statement,
    channel: "CALL",
    madeAt: claim.madeAt,
    dealId: null,
    accountName: claim.accountName,
    evidence: "",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.id;
}

/** The engineer's verdict on a pending claim: Inaccurate, high severity. */
export async function judgeInaccurate(engineer: Actor, claimId: string, note: string): Promise<void> {
  expect(
    await recordVerdict(auditOf(engineer), engineer, claimId, 1, { status: "INACCURATE", severity: "HIGH", note }),
  ).toEqual({ ok: true, value: null });
}

/** The salesperson disputing the verdict on their claim. */
export async function disputeVerdict(salesperson: Actor, claimId: string, reason: string): Promise<void> {
  expect(await raiseDispute(auditOf(salesperson), salesperson, claimId, reason)).toEqual({ ok: true, value: null });
}
