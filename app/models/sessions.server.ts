import { prisma, type Db, type Tx } from "../lib/db.server.ts";
import type { Role } from "../domain/permissions.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  sessionId: string;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

// Writing lastSeenAt on every request would make every page view a write; a
// minute's precision is plenty for an idle limit counted in tens of minutes.
const TOUCH_INTERVAL_MS = 60_000;

/** A new session row; inside the caller's transaction when given one (sign-in writes its audit row with it). */
export async function createSession(
  userId: string,
  meta: { ip: string; userAgent: string | null },
  db: Tx | Db = prisma,
) {
  return db.session.create({ data: { userId, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null } });
}

/**
 * The signed-in user behind a session id, or null when the session was ended
 * (sign-out, "sign out everywhere", deactivation) or ran past its limits.
 */
export async function getActiveSessionUser(
  sessionId: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionUser | null> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, role: true, teamId: true, active: true } } },
  });
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > limits.idleMinutes * 60_000;
  const absoluteExpired = now.getTime() - session.createdAt.getTime() > limits.absoluteHours * 3_600_000;
  if (!session.user.active || idleExpired || absoluteExpired) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId, sessionId };
}

/**
 * Ends a session and audits the sign-out. Every way out (the sign-out button,
 * Auth.js's own /auth/signout) goes through here, so an old cookie opens nothing.
 */
export async function endSession(sessionId: string, context: Omit<AuditContext, "actorId">) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { user: { select: { id: true, email: true, teamId: true } } },
  });
  if (!session) return;
  const { user } = session;
  await prisma.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId } });
    // A sign-out racing this one already ended and audited the session.
    if (ended.count === 0) return;
    await recordAudit(
      tx,
      { ...context, actorId: user.id },
      { action: "auth.signout", entityType: "User", entityId: user.email, teamId: user.teamId },
    );
  });
}
