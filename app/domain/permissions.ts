import { ENUM_LABELS } from "./labels.ts";
// The one place PRODUCT.md §2 lives. A permission is `action:entity` or
// `action:entity:scope`; the scope says whose records: `own` (the user's),
// `team` (the teams the user manages) or `any`. Loaders and actions ask with
// requireUserWithPermission; the UI asks the same question with userHasPermission.

export const ROLES = ["SALES", "ENGINEER", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export type Scope = "own" | "team" | "any";

type Scoped<T extends string> = `${T}:${Scope}`;

export type ScopedPermission =
  | "log:claim" // SELF for own, OBSERVED for team/any
  | "read:claim"
  | "dispute:claim"
  | "resolve:dispute"
  | "read:survey"
  | "read:deal"
  | "read:attempt" // submitted quiz attempts of others; a taker always reads their own
  | "read:conversation"
  | "import:conversation" // PRODUCT.md §7: upload a transcript or email thread for a deal
  | "decide:candidate" // confirm or dismiss a candidate claim found in a conversation
  | "read:question"
  | "read:statement"
  | "compute:comp"
  | "read:audit"
  | "read:dashboard"
  | "read:person"
  | "read:notification"; // PRODUCT.md §8: the inbox — everyone their own, nobody anyone else's

export type Permission =
  | ScopedPermission
  | Scoped<ScopedPermission>
  | "read:matrix"
  | "edit:capability"
  | "verify:claim"
  | "ask:question"
  | "answer:question"
  | "take:quiz"
  | "write:quiz"
  | "read:quiz-stats"
  | "import:deals"
  | "import:surveys"
  | "send:surveys"
  | "lock:comp"
  | "edit:plan"
  | "admin:users"
  | "admin:teams"
  | "admin:products"
  | "admin:api-tokens" // PRODUCT.md §9: tokens for the CRM and other systems
  | "admin:settings"; // the company's name, shown to customers on the survey page

type Grant = Exclude<Permission, ScopedPermission>;

export const ROLE_GRANTS: Record<Role, readonly Grant[]> = {
  SALES: [
    "read:matrix",
    "log:claim:own",
    "read:claim:own",
    "dispute:claim:own",
    "ask:question",
    "read:question:own",
    "take:quiz",
    "read:attempt:own",
    "read:survey:own",
    "read:deal:own",
    "read:conversation:own",
    "import:conversation:own",
    "decide:candidate:own",
    "read:statement:own",
    "read:person:own",
    "read:notification:own",
  ],
  ENGINEER: [
    "read:matrix",
    "edit:capability",
    "log:claim:any",
    "read:claim:any",
    "verify:claim",
    "answer:question",
    "read:question:any",
    "take:quiz",
    "read:attempt:own",
    "write:quiz",
    "read:quiz-stats",
    "read:conversation:any",
    // Engineers may import any deal's conversation but never decide its candidates (§2).
    "import:conversation:any",
    "read:notification:own",
  ],
  MANAGER: [
    "read:matrix",
    "log:claim:team",
    "read:claim:team",
    "resolve:dispute:team",
    "read:question:team",
    "take:quiz",
    "read:attempt:team",
    "read:quiz-stats",
    "import:deals",
    "import:surveys",
    "send:surveys",
    "read:survey:team",
    "read:deal:team",
    "read:conversation:team",
    "import:conversation:team",
    // §2 says "own teams (after 7 days, or any time)": a manager may decide at any time; the
    // candidates undecided for 7 days are the ones shown to them as waiting.
    "decide:candidate:team",
    "read:statement:team",
    "compute:comp:team",
    "read:audit:team",
    "read:dashboard:team",
    "read:person:team",
    "read:notification:own",
  ],
  ADMIN: [
    "read:matrix",
    "edit:capability",
    "log:claim:any",
    "read:claim:any",
    "resolve:dispute:any",
    "ask:question",
    "answer:question",
    "read:question:any",
    "take:quiz",
    "read:attempt:any",
    "write:quiz",
    "read:quiz-stats",
    "import:deals",
    "import:surveys",
    "send:surveys",
    "read:survey:any",
    "read:deal:any",
    "read:conversation:any",
    "import:conversation:any",
    "decide:candidate:any",
    "read:statement:any",
    "compute:comp:any",
    "lock:comp",
    "edit:plan",
    "read:audit:any",
    "read:dashboard:any",
    "read:person:any",
    "admin:users",
    "admin:teams",
    "admin:products",
    "admin:api-tokens",
    "admin:settings",
    "read:notification:own",
  ],
};

export interface PermissionSubject {
  role: Role;
}

/** A user as the rules about acting for someone see them: role, team, and whether they are active. */
export interface PersonFacts extends PermissionSubject {
  id: string;
  teamId: string | null;
  active: boolean;
}

/** The scope a role holds for a scoped permission, or null if it has none. */
export function permissionScope(user: PermissionSubject, permission: ScopedPermission): Scope | null {
  const grants = ROLE_GRANTS[user.role];
  for (const scope of ["any", "team", "own"] as const) {
    if (grants.includes(`${permission}:${scope}`)) return scope;
  }
  return null;
}

/**
 * True when the role holds the permission. An unscoped name of a scoped
 * permission ("read:claim") is held when any scope of it is; a scoped name
 * ("read:claim:team") is held when that scope or a wider one is.
 */
export function userHasPermission(user: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  const grants: readonly string[] = ROLE_GRANTS[user.role];
  if (grants.includes(permission)) return true;
  const parts = permission.split(":");
  if (parts.length === 2) return grants.some((grant) => grant.startsWith(`${permission}:`));
  const base = `${parts[0]}:${parts[1]}`;
  const wider: Record<string, string[]> = { own: ["team", "any"], team: ["any"], any: [] };
  return (wider[parts[2] ?? ""] ?? []).some((scope) => grants.includes(`${base}:${scope}`));
}

export const ROLE_HOME: Record<Role, string> = {
  SALES: "/home",
  ENGINEER: "/engineering",
  MANAGER: "/dashboard",
  ADMIN: "/dashboard",
};

/** The role's label, from the one vocabulary of labels (labels.ts). */
export const ROLE_LABEL: Record<Role, string> = ENUM_LABELS.Role;
