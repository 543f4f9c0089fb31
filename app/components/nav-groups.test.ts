import { describe, expect, it } from "vitest";
import type { Role } from "../domain/permissions.ts";
import { arrangeNav, currentNavTarget } from "./nav-groups.ts";
import { navItemsFor, type NavItem } from "./nav-items.ts";

const item = (to: string, label = to): NavItem => ({ to, label, anyOf: [] });
const subject = (role: Role) => ({ id: `${role.toLowerCase()}-1`, role, teamId: role === "SALES" ? "team-1" : null });

/** Every address the arranged bar offers, in the bar or in a menu. */
const reachable = (items: NavItem[]) =>
  arrangeNav(items).flatMap((entry) =>
    entry.kind === "link" ? [entry.item.to] : entry.menu.items.map((member) => member.to),
  );

describe("arrangeNav", () => {
  it("keeps ungrouped pages in the bar in their order and puts menus after them", () => {
    const entries = arrangeNav([
      item("/dashboard"),
      item("/deals"),
      item("/claims"),
      item("/surveys"),
      item("/admin/users"),
      item("/admin/teams"),
    ]);
    expect(entries.map((entry) => (entry.kind === "link" ? entry.item.to : `menu:${entry.menu.id}`))).toEqual([
      "/dashboard",
      "/claims",
      "menu:customers",
      "menu:admin",
    ]);
    const customers = entries.find((entry) => entry.kind === "menu" && entry.menu.id === "customers");
    expect(customers?.kind === "menu" ? customers.menu.items.map((member) => member.to) : null).toEqual([
      "/deals",
      "/surveys",
    ]);
  });

  it("shows a menu of one page as that page's link, where it stood", () => {
    const entries = arrangeNav([item("/home"), item("/comp", "Compensation"), item("/claims")]);
    expect(entries).toEqual([
      { kind: "link", item: item("/home") },
      { kind: "link", item: item("/comp", "Compensation") },
      { kind: "link", item: item("/claims") },
    ]);
  });

  it("puts the quizzes menu where the quizzes stood", () => {
    const entries = arrangeNav([item("/home"), item("/quizzes"), item("/question-bank"), item("/verify")]);
    expect(entries.map((entry) => (entry.kind === "link" ? entry.item.to : `menu:${entry.menu.id}`))).toEqual([
      "/home",
      "menu:quizzes",
      "/verify",
    ]);
  });

  it("keeps a page it does not know in the bar", () => {
    expect(arrangeNav([item("/something-new")])).toEqual([{ kind: "link", item: item("/something-new") }]);
  });

  it.each(["SALES", "ENGINEER", "MANAGER", "ADMIN"] as const)(
    "leaves every page of a %s reachable, each once",
    (role) => {
      const items = navItemsFor(subject(role), { openDisputes: 2 });
      const offered = reachable(items);
      expect([...offered].sort()).toEqual(items.map((entry) => entry.to).sort());
    },
  );

  it("gives an admin's twenty-odd pages at most a dozen places in the bar", () => {
    const items = navItemsFor(subject("ADMIN"), { openDisputes: 0 });
    expect(items.length).toBeGreaterThan(18);
    expect(arrangeNav(items).length).toBeLessThanOrEqual(12);
  });
});

describe("currentNavTarget", () => {
  const items = [
    item("/dashboard"),
    item("/dashboard/scorecard"),
    item("/claims"),
    item("/claims/new"),
    item("/conversations"),
    item("/conversations/import"),
  ];

  it("marks the page itself", () => {
    expect(currentNavTarget("/claims", items)).toBe("/claims");
    expect(currentNavTarget("/dashboard", items)).toBe("/dashboard");
    expect(currentNavTarget("/claims/", items)).toBe("/claims");
  });

  it("marks the most specific page when one address begins another", () => {
    expect(currentNavTarget("/claims/new", items)).toBe("/claims/new");
    expect(currentNavTarget("/dashboard/scorecard", items)).toBe("/dashboard/scorecard");
    expect(currentNavTarget("/conversations/import", items)).toBe("/conversations/import");
  });

  it("marks the section of a page below it", () => {
    expect(currentNavTarget("/claims/clm_123", items)).toBe("/claims");
    expect(currentNavTarget("/conversations/abc", items)).toBe("/conversations");
  });

  it("marks nothing for a page outside the bar, nor for a mere prefix of a word", () => {
    expect(currentNavTarget("/inbox", items)).toBeNull();
    expect(currentNavTarget("/claimsx", items)).toBeNull();
  });
});
