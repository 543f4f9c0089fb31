import { permissionScope, type PermissionSubject, type ScopedPermission } from "../domain/permissions.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { getManagedTeamIds } from "./teams.server.ts";

// The one rule for whose rows a reader sees (ADR 011): PRODUCT.md §2's scope of a read
// permission, carried down to the rows. Every model that lists or opens scoped rows takes an
// Audience and filters with the `where` helpers below, so "own", "own teams" and "all" mean
// the same thing on every page.

/** Whose rows a reader sees: their own, those of the teams they manage, or all. */
export type Audience = { kind: "own"; userId: string } | { kind: "teams"; teamIds: string[] } | { kind: "all" };

/** A signed-in user as the session hands it over (or any object with the same two fields). */
export type AudienceReader = PermissionSubject & { id: string };

// getSessionUser hands every loader of one HTTP request the same user object, so keying on the
// object looks the managed teams up once per request however many audiences the page needs;
// the next request brings a new object, so a change of managers is seen at once.
const managedTeams = new WeakMap<AudienceReader, Promise<string[]>>();

/** The teams the reader manages, looked up at most once per user object. */
export function managedTeamIdsOf(reader: AudienceReader): Promise<string[]> {
  let pending = managedTeams.get(reader);
  if (!pending) {
    pending = getManagedTeamIds(reader.id);
    managedTeams.set(reader, pending);
    // A failed lookup must not stay cached for the rest of the request.
    pending.catch(() => managedTeams.delete(reader));
  }
  return pending;
}

/** The reader's audience for a scoped read permission, or null when their role holds none of it. */
export async function audienceFor(reader: AudienceReader, permission: ScopedPermission): Promise<Audience | null> {
  switch (permissionScope(reader, permission)) {
    case null:
      return null;
    case "own":
      return { kind: "own", userId: reader.id };
    case "team":
      return { kind: "teams", teamIds: [...(await managedTeamIdsOf(reader))] };
    case "any":
      return { kind: "all" };
  }
}

/** The people in an audience: the reader, the members of the reader's teams, or everyone. */
export function audienceUserWhere(audience: Audience): Prisma.UserWhereInput {
  switch (audience.kind) {
    case "own":
      return { id: audience.userId };
    case "teams":
      return { teamId: { in: audience.teamIds } };
    case "all":
      return {};
  }
}

type OwnerWhere<IdField extends string, Relation extends string> = Partial<
  Record<IdField, string> & Record<Relation, { teamId: { in: string[] } }>
>;

/**
 * The rows owned by someone in the audience, for a table whose owner is `idField` (the user id
 * column) through `relation` (the User relation): `audienceOwnerWhere(audience, "salespersonId",
 * "salesperson")` for claims and surveys, `("ownerId", "owner")` for deals.
 */
export function audienceOwnerWhere<IdField extends string, Relation extends string>(
  audience: Audience,
  idField: IdField,
  relation: Relation,
): OwnerWhere<IdField, Relation> {
  switch (audience.kind) {
    case "own":
      return { [idField]: audience.userId } as OwnerWhere<IdField, Relation>;
    case "teams":
      return { [relation]: { teamId: { in: audience.teamIds } } } as OwnerWhere<IdField, Relation>;
    case "all":
      return {};
  }
}

/**
 * The rows about a salesperson that lie in the audience: claims, candidate claims, conversations
 * and surveys, each owned by its `salespersonId`.
 */
export function salespersonAudienceWhere(audience: Audience): OwnerWhere<"salespersonId", "salesperson"> {
  return audienceOwnerWhere(audience, "salespersonId", "salesperson");
}

/**
 * The row `id`, if it is about a salesperson in the reader's audience of `permission`; null when
 * their role holds none of it. A row outside the audience is not found, exactly like one that
 * does not exist, so its existence never leaks.
 */
export async function readableRowWhere(reader: AudienceReader, permission: ScopedPermission, id: string) {
  const audience = await audienceFor(reader, permission);
  return audience === null ? null : { AND: [{ id }, salespersonAudienceWhere(audience)] };
}

/**
 * The teams an audience covers, for rules written in team terms (the import checks): null for
 * every team; an "own" audience, or none, covers no team.
 */
export function audienceTeamIds(audience: Audience | null): string[] | null {
  if (audience === null || audience.kind === "own") return [];
  return audience.kind === "teams" ? audience.teamIds : null;
}

/** Whether one row, owned by `owner`, lies in the audience: the same rule as the `where` helpers. */
export function audienceIncludes(audience: Audience, owner: { id: string; teamId: string | null }): boolean {
  switch (audience.kind) {
    case "own":
      return owner.id === audience.userId;
    case "teams":
      return owner.teamId !== null && audience.teamIds.includes(owner.teamId);
    case "all":
      return true;
  }
}
