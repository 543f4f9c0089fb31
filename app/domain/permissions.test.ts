import { describe, expect, it } from "vitest";
import { permissionScope, userHasPermission, type Role } from "./permissions.ts";

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
    expect(["SALES", "ENGINEER", "MANAGER", "ADMIN"].filter((role) => userHasPermission(as(role as Role), "verify:claim"))).toEqual([
      "ENGINEER",
    ]);
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

  it("treats a wider scope as including a narrower one", () => {
    expect(userHasPermission(as("ADMIN"), "read:claim:team")).toBe(true);
    expect(userHasPermission(as("MANAGER"), "read:claim:any")).toBe(false);
    expect(userHasPermission(null, "read:matrix")).toBe(false);
  });
});
