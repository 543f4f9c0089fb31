import { throttleDecision, type ThrottleDecision } from "../domain/sign-in-throttle.ts";
import { prisma } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { createSession } from "./sessions.server.ts";

/** How a person proved who they are: Candor's own password, or the company's identity provider. */
export type SignInMethod = "password" | "oidc";

export interface ThrottleLimits {
  maxPerEmail: number;
  maxPerAddress: number;
  windowMinutes: number;
}

async function recentFailures(where: { entityId: string } | { ip: string }, since: Date) {
  const rows = await prisma.auditEvent.findMany({
    where: { action: "auth.signin.failure", at: { gt: since }, ...where },
    select: { at: true },
    orderBy: { at: "desc" },
    take: 100,
  });
  return rows.map((row) => row.at);
}

/**
 * Whether a sign-in must be refused for too many recent failures, counted in the audit log
 * (so every Candor process sees the same count). `byEmail: false` skips the per-email count.
 */
export async function signInThrottle(
  { email, ip, byEmail = true }: { email: string; ip: string; byEmail?: boolean },
  limits: ThrottleLimits,
  now = new Date(),
): Promise<ThrottleDecision> {
  const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
  if (byEmail) {
    const lastSuccess = await prisma.auditEvent.findFirst({
      where: { action: "auth.signin.success", entityId: email, at: { gt: windowStart } },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    const decision = throttleDecision(
      await recentFailures({ entityId: email }, lastSuccess?.at ?? windowStart),
      now,
      limits.maxPerEmail,
      limits.windowMinutes,
    );
    if (!decision.allowed) return decision;
  }
  return throttleDecision(await recentFailures({ ip }, windowStart), now, limits.maxPerAddress, limits.windowMinutes);
}

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, teamId: true, passwordHash: true },
  });
}

export async function recordThrottledSignIn(context: AuditContext, email: string, method: SignInMethod) {
  await recordAudit(prisma, context, {
    action: "auth.signin.throttled",
    entityType: "User",
    entityId: email,
    after: { method },
  });
}

/**
 * A refused sign-in. `email` is what the person gave or the identity provider vouched for;
 * when there is none (an answer Candor could not verify), the provider's issuer stands in.
 */
export async function recordSignInFailure(
  context: AuditContext,
  failure: {
    email: string | null;
    issuer?: string;
    user?: { id: string; teamId: string | null } | null;
    reason: string;
    detail?: string;
    method: SignInMethod;
  },
) {
  await recordAudit(
    prisma,
    { ...context, actorId: failure.user?.id ?? null },
    {
      action: "auth.signin.failure",
      entityType: failure.email ? "User" : "IdentityProvider",
      entityId: failure.email ?? failure.issuer ?? "unknown",
      teamId: failure.user?.teamId ?? null,
      after: {
        reason: failure.reason,
        method: failure.method,
        ...(failure.issuer ? { issuer: failure.issuer } : {}),
        ...(failure.detail ? { detail: failure.detail } : {}),
      },
    },
  );
}

/**
 * Opens the server-side session a signed-in browser's cookie will name, whichever way the
 * person signed in, and audits the success: revocation, timeouts and the per-request check
 * then treat both ways alike.
 */
export async function startSignedInSession(
  user: { id: string; email: string; teamId: string | null },
  meta: { ip: string; userAgent: string | null },
  context: AuditContext,
  signIn: { method: SignInMethod; issuer?: string },
) {
  // The session and its audit row together: a session nobody can trace is never opened.
  return prisma.$transaction(async (tx) => {
    const session = await createSession(user.id, meta, tx);
    await recordAudit(
      tx,
      { ...context, actorId: user.id },
      {
        action: "auth.signin.success",
        entityType: "User",
        entityId: user.email,
        teamId: user.teamId,
        after: { sessionId: session.id, method: signIn.method, ...(signIn.issuer ? { issuer: signIn.issuer } : {}) },
      },
    );
    return session;
  });
}
