import { type Prisma } from "../generated/prisma/client.ts";
import { fieldError, invalid, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import type { Role } from "../domain/permissions.ts";
import { prisma, transactionUnlessTaken, type Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { hashPassword } from "../lib/password.server.ts";
import { listRecentAuditEventsForUser } from "./audit-log.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { readPage } from "./paging.server.ts";
import type { SessionLimits } from "./sessions.server.ts";

type UserField = "name" | "email" | "role" | "teamId" | "targetBonusCents" | "password";

type UserChangeFailure = Refusal<UserField>;
type UserChangeResult<T = null> = Outcome<T, UserField>;

export const USERS_PER_PAGE = 50;

// What an audit event may record about a user: never the password hash.
const auditedUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  teamId: true,
  active: true,
  targetBonusCents: true,
} satisfies Prisma.UserSelect;

export interface UserListFilters {
  search?: string;
  role?: Role;
  active?: boolean;
  page?: number;
}

export async function listUsers(filters: UserListFilters = {}) {
  const search = filters.search?.trim();
  const where: Prisma.UserWhereInput = {
    ...(search ? { OR: [{ name: sql.contains(search) }, { email: sql.contains(search.toLowerCase()) }] } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.active === undefined ? {} : { active: filters.active }),
  };
  const total = await prisma.user.count({ where });
  const { rows, page, pageCount } = await readPage(total, filters.page, USERS_PER_PAGE, (slice) =>
    prisma.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...slice,
      select: { ...auditedUserSelect, team: { select: { id: true, name: true } } },
    }),
  );
  const ids = rows.map((user) => user.id);
  // Sessions are deleted on sign-out, so the audit log's sign-in events are the
  // lasting record; a session row can be newer (same sign-in), so take the later.
  const [sessions, signIns] = await Promise.all([
    prisma.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { createdAt: true } }),
    prisma.auditEvent.groupBy({
      by: ["actorId"],
      where: { action: "auth.signin.success", actorId: { in: ids } },
      _max: { at: true },
    }),
  ]);
  const lastSession = new Map(sessions.map((row) => [row.userId, row._max.createdAt]));
  const lastSignInEvent = new Map(signIns.map((row) => [row.actorId, row._max.at]));
  const users = rows.map((user) => {
    const times = [lastSession.get(user.id), lastSignInEvent.get(user.id)].filter(
      (time): time is Date => time instanceof Date,
    );
    const lastSignInAt = times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
    return { ...user, lastSignInAt };
  });
  return { users, total, page, pageCount };
}

/** A user's profile, the sessions still within their limits, and their latest audit events. */
export async function getUserForAdmin(id: string, limits: SessionLimits, now = new Date()) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      ...auditedUserSelect,
      createdAt: true,
      team: { select: { id: true, name: true } },
      managedTeams: { select: { team: { select: { id: true, name: true } } } },
      _count: {
        select: {
          sessions: {
            where: {
              lastSeenAt: { gt: new Date(now.getTime() - limits.idleMinutes * 60_000) },
              createdAt: { gt: new Date(now.getTime() - limits.absoluteHours * 3_600_000) },
            },
          },
        },
      },
    },
  });
  if (!user) return null;
  const { _count, managedTeams, ...rest } = user;
  const recentEvents = await listRecentAuditEventsForUser(user);
  return {
    user: { ...rest, managedTeams: managedTeams.map((row) => row.team) },
    activeSessionCount: _count.sessions,
    recentEvents,
  };
}

export interface UserProfileInput {
  name: string;
  role: Role;
  teamId: string | null;
  targetBonusCents: number;
}

export interface NewUserInput extends UserProfileInput {
  email: string;
  password: string;
}

/** Salespeople belong to exactly one team and have a target bonus; nobody else has either. */
export function userProfileErrors(input: Pick<UserProfileInput, "role" | "teamId" | "targetBonusCents">) {
  const errors: Partial<Record<UserField, string[]>> = {};
  if (input.role === "SALES" && !input.teamId) errors.teamId = ["Choose the salesperson's team."];
  if (input.role !== "SALES" && input.teamId) errors.teamId = ["Only salespeople belong to a team; leave this empty."];
  if (!Number.isSafeInteger(input.targetBonusCents) || input.targetBonusCents < 0) {
    errors.targetBonusCents = ["Enter an amount of zero or more."];
  } else if (input.role !== "SALES" && input.targetBonusCents !== 0) {
    errors.targetBonusCents = ["Only salespeople have a target bonus; leave this empty."];
  }
  return Object.keys(errors).length ? errors : null;
}

async function teamMissing(tx: Tx, teamId: string | null) {
  if (!teamId) return false;
  return !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }));
}

const emailTaken = (): UserChangeFailure => fieldError("email", "An account with this email already exists.");
const teamMissingError = (): UserChangeFailure => fieldError("teamId", "That team no longer exists.");
const userMissing = (): UserChangeFailure => refused(400, "This user no longer exists.");

export async function createUser(audit: AuditContext, input: NewUserInput): Promise<UserChangeResult<{ id: string }>> {
  const email = input.email.trim().toLowerCase();
  const profileErrors = userProfileErrors(input);
  if (profileErrors) return invalid(profileErrors);
  // Hashing takes ~50 ms: do it before the transaction takes the write lock.
  const passwordHash = await hashPassword(input.password);
  return transactionUnlessTaken(async (tx): Promise<UserChangeResult<{ id: string }>> => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return emailTaken();
    if (await teamMissing(tx, input.teamId)) return teamMissingError();
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        teamId: input.teamId,
        targetBonusCents: input.targetBonusCents,
        passwordHash,
      },
      select: auditedUserSelect,
    });
    await recordAudit(tx, audit, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      teamId: user.teamId,
      after: user,
    });
    return ok({ id: user.id });
  }, emailTaken);
}

export async function updateUser(audit: AuditContext, id: string, input: UserProfileInput): Promise<UserChangeResult> {
  const profileErrors = userProfileErrors(input);
  if (profileErrors) return invalid(profileErrors);
  return prisma.$transaction(async (tx): Promise<UserChangeResult> => {
    const before = await tx.user.findUnique({ where: { id }, select: auditedUserSelect });
    if (!before) return userMissing();
    if (audit.actorId === id && before.role === "ADMIN" && input.role !== "ADMIN") {
      return fieldError("role", "You cannot remove your own admin role; ask another admin.");
    }
    if (await teamMissing(tx, input.teamId)) return teamMissingError();
    const after = await tx.user.update({
      where: { id },
      data: {
        name: input.name.trim(),
        role: input.role,
        teamId: input.teamId,
        targetBonusCents: input.targetBonusCents,
      },
      select: auditedUserSelect,
    });
    // Only managers manage teams: someone who stops being one stops managing.
    let managedTeamsRemoved: string[] = [];
    if (before.role === "MANAGER" && after.role !== "MANAGER") {
      const managed = await tx.teamManager.findMany({ where: { userId: id }, select: { teamId: true } });
      managedTeamsRemoved = managed.map((row) => row.teamId);
      await tx.teamManager.deleteMany({ where: { userId: id } });
    }
    await recordAudit(tx, audit, {
      action: "user.update",
      entityType: "User",
      entityId: id,
      teamId: after.teamId ?? before.teamId,
      before,
      after: managedTeamsRemoved.length ? { ...after, managedTeamsRemoved } : after,
    });
    return ok(null);
  });
}

/** Deactivating also ends every session, so the person is signed out on their next request. */
export async function setUserActive(audit: AuditContext, id: string, active: boolean): Promise<UserChangeResult> {
  if (!active && audit.actorId === id) return refused(400, "You cannot deactivate your own account.");
  return prisma.$transaction(async (tx): Promise<UserChangeResult> => {
    const before = await tx.user.findUnique({ where: { id }, select: auditedUserSelect });
    if (!before) return userMissing();
    if (before.active === active)
      return refused(400, active ? "This account is already active." : "This account is already deactivated.");
    const after = await tx.user.update({ where: { id }, data: { active }, select: auditedUserSelect });
    const ended = active ? 0 : (await tx.session.deleteMany({ where: { userId: id } })).count;
    await recordAudit(tx, audit, {
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: id,
      teamId: after.teamId,
      before,
      after: active ? after : { ...after, sessionsEnded: ended },
    });
    return ok(null);
  });
}

/**
 * Ends every session of the account, so its next request is refused, and audits the change as
 * `action` with how many sessions ended; returns that number.
 */
async function endSessionsAudited(
  tx: Tx,
  audit: AuditContext,
  user: { id: string; teamId: string | null },
  action: "user.password-reset" | "user.sign-out-everywhere",
  after: Record<string, unknown> = {},
): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
  await recordAudit(tx, audit, {
    action,
    entityType: "User",
    entityId: user.id,
    teamId: user.teamId,
    after: { ...after, sessionsEnded: count },
  });
  return count;
}

/** Sets a new password and ends every session of the account. */
export async function resetPassword(audit: AuditContext, id: string, password: string): Promise<UserChangeResult> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx): Promise<UserChangeResult> => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, teamId: true } });
    if (!user) return userMissing();
    await tx.user.update({ where: { id }, data: { passwordHash } });
    await endSessionsAudited(tx, audit, user, "user.password-reset", { passwordChanged: true });
    return ok(null);
  });
}

export async function signOutEverywhere(
  audit: AuditContext,
  id: string,
): Promise<UserChangeResult<{ sessionsEnded: number }>> {
  return prisma.$transaction(async (tx): Promise<UserChangeResult<{ sessionsEnded: number }>> => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, teamId: true } });
    if (!user) return userMissing();
    return ok({ sessionsEnded: await endSessionsAudited(tx, audit, user, "user.sign-out-everywhere") });
  });
}
