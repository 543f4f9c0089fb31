import { fieldError, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import { prisma, transactionUnlessTaken, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

type TeamField = "name" | "managerIds";
type TeamChangeFailure = Refusal<TeamField>;
type TeamChangeResult<T> = Outcome<T, TeamField>;

export interface TeamInput {
  name: string;
  managerIds: string[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The ids of the teams a user manages: the "team" scope of every scoped permission. */
export async function getManagedTeamIds(userId: string): Promise<string[]> {
  const rows = await prisma.teamManager.findMany({ where: { userId }, select: { teamId: true } });
  return rows.map((row) => row.teamId);
}

export async function listTeams() {
  const teams = await prisma.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { members: { where: { active: true } } } },
      managers: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    memberCount: team._count.members,
    managers: team.managers.map((manager) => manager.user).sort(byName),
  }));
}

export async function listTeamsForPicker() {
  return prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Active managers, the people who may be put in charge of a team. */
export async function listManagerCandidates() {
  return prisma.user.findMany({
    where: { role: "MANAGER", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, active: true },
  });
}

export async function getTeam(id: string) {
  const team = await prisma.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      createdAt: true,
      members: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, role: true, active: true },
      },
      managers: { select: { user: { select: { id: true, name: true, email: true, active: true } } } },
    },
  });
  if (!team) return null;
  const managers = team.managers.map((manager) => manager.user).sort(byName);
  const candidates = await listManagerCandidates();
  // A current manager who has since been deactivated stays ticked, so saving the
  // form does not drop them by accident.
  const extra = managers.filter((manager) => !candidates.some((candidate) => candidate.id === manager.id));
  return { ...team, managers, managerCandidates: [...candidates, ...extra].sort(byName) };
}

const nameTaken = (): TeamChangeFailure => fieldError("name", "A team with this name already exists.");

/** Field errors for a name and manager list, or null when both are acceptable. */
async function checkTeamInput(tx: Tx, input: TeamInput, teamId: string | null): Promise<TeamChangeFailure | null> {
  const sameName = await tx.team.findUnique({ where: { name: input.name }, select: { id: true } });
  if (sameName && sameName.id !== teamId) return nameTaken();
  const managers = await tx.user.count({ where: { id: { in: input.managerIds }, role: "MANAGER" } });
  if (managers !== input.managerIds.length) {
    return fieldError("managerIds", "Only people with the manager role can manage a team.");
  }
  return null;
}

function normalise(input: TeamInput): TeamInput {
  return { name: input.name.trim(), managerIds: [...new Set(input.managerIds)].sort() };
}

export async function createTeam(audit: AuditContext, rawInput: TeamInput): Promise<TeamChangeResult<{ id: string }>> {
  const input = normalise(rawInput);
  return transactionUnlessTaken(async (tx): Promise<TeamChangeResult<{ id: string }>> => {
    const refusal = await checkTeamInput(tx, input, null);
    if (refusal) return refusal;
    const team = await tx.team.create({ data: { name: input.name } });
    await tx.teamManager.createMany({ data: input.managerIds.map((userId) => ({ teamId: team.id, userId })) });
    await recordAudit(tx, audit, {
      action: "team.create",
      entityType: "Team",
      entityId: team.id,
      teamId: team.id,
      after: { name: team.name, managerIds: input.managerIds },
    });
    return ok({ id: team.id });
  }, nameTaken);
}

/** Renames a team and replaces its managers with exactly `managerIds`. */
export async function updateTeam(
  audit: AuditContext,
  id: string,
  rawInput: TeamInput,
): Promise<TeamChangeResult<{ id: string }>> {
  const input = normalise(rawInput);
  return transactionUnlessTaken(async (tx): Promise<TeamChangeResult<{ id: string }>> => {
    const before = await tx.team.findUnique({
      where: { id },
      select: { name: true, managers: { select: { userId: true } } },
    });
    if (!before) return refused(400, "This team no longer exists.");
    const refusal = await checkTeamInput(tx, input, id);
    if (refusal) return refusal;
    const beforeManagerIds = before.managers.map((manager) => manager.userId).sort();
    await tx.team.update({ where: { id }, data: { name: input.name } });
    await tx.teamManager.deleteMany({ where: { teamId: id } });
    await tx.teamManager.createMany({ data: input.managerIds.map((userId) => ({ teamId: id, userId })) });
    await recordAudit(tx, audit, {
      action: "team.update",
      entityType: "Team",
      entityId: id,
      teamId: id,
      before: { name: before.name, managerIds: beforeManagerIds },
      after: { name: input.name, managerIds: input.managerIds },
    });
    return ok({ id });
  }, nameTaken);
}
