import { describe, expect, it } from "vitest";
import {
  permissionScope,
  ROLES,
  userHasPermission,
  type Role,
  type Scope,
  type ScopedPermission,
} from "./permissions.ts";

const as = (role: Role) => ({ role });

// PRODUCT.md §2, row by row.
describe("the role table", () => {
  it("lets every role read the matrix and take quizzes", () => {
    for (const role of ["SALES", "ENGINEER", "MANAGER", "ADMIN"] as const) {
      expect(userHasPermission(as(role), "read:matrix")).toBe(true);
      expect(userHasPermission(as(role), "take:quiz")).toBe(true);
    }
  });

  it("scopes claim reading: own, all, own teams, all", () => {
    expect(permissionScope(as("SALES"), "read:claim")).toBe("own");
    expect(permissionScope(as("ENGINEER"), "read:claim")).toBe("any");
    expect(permissionScope(as("MANAGER"), "read:claim")).toBe("team");
    expect(permissionScope(as("ADMIN"), "read:claim")).toBe("any");
  });

  it("lets only engineers verify claims — not even admins", () => {
    expect(
      ["SALES", "ENGINEER", "MANAGER", "ADMIN"].filter((role) => userHasPermission(as(role as Role), "verify:claim")),
    ).toEqual(["ENGINEER"]);
  });

  it("lets only salespeople dispute, and only managers (own teams) and admins resolve", () => {
    expect(permissionScope(as("SALES"), "dispute:claim")).toBe("own");
    expect(permissionScope(as("ENGINEER"), "dispute:claim")).toBeNull();
    expect(permissionScope(as("MANAGER"), "resolve:dispute")).toBe("team");
    expect(permissionScope(as("ADMIN"), "resolve:dispute")).toBe("any");
    expect(permissionScope(as("SALES"), "resolve:dispute")).toBeNull();
  });

  it("keeps administration, plan settings and locking to admins", () => {
    for (const permission of ["admin:users", "admin:teams", "admin:products", "edit:plan", "lock:comp"] as const) {
      expect(userHasPermission(as("ADMIN"), permission)).toBe(true);
      expect(userHasPermission(as("MANAGER"), permission)).toBe(false);
      expect(userHasPermission(as("ENGINEER"), permission)).toBe(false);
      expect(userHasPermission(as("SALES"), permission)).toBe(false);
    }
  });

  it("gives engineers no survey or statement access", () => {
    expect(permissionScope(as("ENGINEER"), "read:survey")).toBeNull();
    expect(permissionScope(as("ENGINEER"), "read:statement")).toBeNull();
  });

  it("lets every role but engineers decide candidate claims, though engineers may import conversations", () => {
    expect(userHasPermission(as("ENGINEER"), "import:conversation")).toBe(true);
    expect(userHasPermission(as("ENGINEER"), "decide:candidate")).toBe(false);
    expect(userHasPermission(as("SALES"), "decide:candidate:team")).toBe(false);
  });

  it("treats a wider scope as including a narrower one", () => {
    expect(userHasPermission(as("ADMIN"), "read:claim:team")).toBe(true);
    expect(userHasPermission(as("MANAGER"), "read:claim:any")).toBe(false);
    expect(userHasPermission(null, "read:matrix")).toBe(false);
  });
});

// Whose rows each role reads, PRODUCT.md §2 carried down to the scoped read permissions that
// the models filter by (null: the role reads none). Columns: SALES, ENGINEER, MANAGER, ADMIN.
const READ_ROWS: ReadonlyArray<[row: string, permission: ScopedPermission, scopes: readonly (Scope | null)[]]> = [
  ["read claims", "read:claim", ["own", "any", "team", "any"]],
  ["ask / answer engineer questions", "read:question", ["own", "any", "team", "any"]],
  ["take quizzes (attempts)", "read:attempt", ["own", "own", "team", "any"]],
  ["import deals and survey results (deals)", "read:deal", ["own", null, "team", "any"]],
  ["read surveys", "read:survey", ["own", null, "team", "any"]],
  ["comp: see statement", "read:statement", ["own", null, "team", "any"]],
  ["audit log", "read:audit", [null, null, "team", "any"]],
  ["read conversations", "read:conversation", ["own", "any", "team", "any"]],
  ["import a conversation", "import:conversation", ["own", "any", "team", "any"]],
  ["confirm or dismiss candidate claims", "decide:candidate", ["own", null, "team", "any"]],
  ["salesperson pages", "read:person", ["own", null, "team", "any"]],
  ["dashboard", "read:dashboard", [null, null, "team", "any"]],
];

describe("whose rows each role reads", () => {
  for (const [row, permission, scopes] of READ_ROWS) {
    it(`scopes "${row}" (${permission}) as PRODUCT.md §2 says`, () => {
      expect(ROLES.map((role) => permissionScope(as(role), permission))).toEqual(scopes);
    });
  }

  it("lets a salesperson read their own deals and never anyone else's", () => {
    expect(userHasPermission(as("SALES"), "read:deal:own")).toBe(true);
    expect(userHasPermission(as("SALES"), "read:deal:team")).toBe(false);
  });
});
