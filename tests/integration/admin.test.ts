import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { listAuditEvents } from "../../app/models/audit-log.server.ts";
import type { AuditContext } from "../../app/models/audit.server.ts";
import { createProduct, updateProduct } from "../../app/models/products.server.ts";
import { createSession } from "../../app/models/sessions.server.ts";
import { createTeam, getManagedTeamIds, getTeam, updateTeam } from "../../app/models/teams.server.ts";
import {
  createUser,
  getUserForAdmin,
  listUsers,
  resetPassword,
  setUserActive,
  signOutEverywhere,
  updateUser,
} from "../../app/models/users.server.ts";
import { action as newUserAction, loader as usersLoader } from "../../app/routes/_app.admin.users._index.tsx";
import { ORIGIN, signIn } from "./support/sign-in.ts";
import { refusalOf } from "./support/refusal.ts";
import { auditRows, valueOf } from "./support/outcomes.ts";

const PASSWORD = "a-long-enough-password";
const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function adminContext(): Promise<AuditContext> {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" } });
  return { actorId: admin.id, requestId: randomUUID(), ip: "203.0.113.9" };
}

async function newManager(audit: AuditContext) {
  const created = valueOf(
    await createUser(audit, {
      name: unique("Manager"),
      email: `${unique("mgr")}@example.test`,
      role: "MANAGER",
      teamId: null,
      targetBonusCents: 0,
      password: PASSWORD,
    }),
  );
  return created.id;
}

describe("users", () => {
  it("refuses a duplicate email (in any case) as a field error next to the email field", async () => {
    const cookie = await signIn("admin@candor.test");
    const body = new URLSearchParams({
      name: "Second Maya",
      email: "  SALES@candor.test ",
      role: "ENGINEER",
      password: PASSWORD,
    });
    const response = await newUserAction({
      request: new Request(`${ORIGIN}/admin/users`, { method: "POST", headers: { cookie }, body }),
      params: {},
      context: {},
    });
    if (response instanceof Response) throw new Error(`expected field errors, got a ${response.status} response`);
    expect(response.init?.status).toBe(400);
    expect(response.data.result.error).toEqual({ email: ["An account with this email already exists."] });
    // The password typed is not sent back to the browser.
    expect(JSON.stringify(response.data.result)).not.toContain(PASSWORD);
    expect(await prisma.user.count({ where: { name: "Second Maya" } })).toBe(0);
  });

  it("keeps non-admins out of the users page", async () => {
    const cookie = await signIn("manager@candor.test");
    const refusal = await usersLoader({
      request: new Request(`${ORIGIN}/admin/users`, { headers: { cookie } }),
      params: {},
      context: {},
    }).catch((error: unknown) => error);
    expect(await refusalOf(refusal)).toMatchObject({ status: 403 });
  });

  it("creates a salesperson with a lower-cased email, a hashed password and an audit row without the hash", async () => {
    const audit = await adminContext();
    const team = await prisma.team.findFirstOrThrow();
    const email = `${unique("New.Seller")}@Example.test`;
    const created = valueOf(
      await createUser(audit, {
        name: "New Seller",
        email,
        role: "SALES",
        teamId: team.id,
        targetBonusCents: 1_234_550,
        password: PASSWORD,
      }),
    );
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.targetBonusCents).toBe(1_234_550);
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const [event] = await auditRows("user.create", user.id);
    expect(event).toMatchObject({
      actorId: audit.actorId,
      entityType: "User",
      teamId: team.id,
      requestId: audit.requestId,
    });
    expect(event?.afterJson).not.toContain("scrypt");
    expect(event?.afterJson).not.toMatch(/password/i);

    const duplicate = await createUser(audit, {
      name: "Again",
      email: email.toUpperCase(),
      role: "ENGINEER",
      teamId: null,
      targetBonusCents: 0,
      password: PASSWORD,
    });
    expect(duplicate).toEqual({
      ok: false,
      status: 400,
      fieldErrors: { email: ["An account with this email already exists."] },
      formErrors: [],
    });
  });

  it("requires a team for salespeople and none for anyone else", async () => {
    const audit = await adminContext();
    const team = await prisma.team.findFirstOrThrow();
    const noTeam = await createUser(audit, {
      name: "X",
      email: `${unique("x")}@example.test`,
      role: "SALES",
      teamId: null,
      targetBonusCents: 0,
      password: PASSWORD,
    });
    expect(noTeam).toMatchObject({ ok: false, fieldErrors: { teamId: ["Choose the salesperson's team."] } });
    const engineer = await createUser(audit, {
      name: "Y",
      email: `${unique("y")}@example.test`,
      role: "ENGINEER",
      teamId: team.id,
      targetBonusCents: 0,
      password: PASSWORD,
    });
    expect(engineer).toMatchObject({
      ok: false,
      fieldErrors: { teamId: ["Only salespeople belong to a team; leave this empty."] },
    });
  });

  it("deactivation ends every session at once and is audited without password hashes", async () => {
    const audit = await adminContext();
    const target = await prisma.user.findUniqueOrThrow({ where: { email: "overpromiser@candor.test" } });
    await createSession(target.id, { ip: "198.51.100.7", userAgent: "laptop" });
    await createSession(target.id, { ip: "198.51.100.8", userAgent: "phone" });

    const limits = { idleMinutes: 60, absoluteHours: 12 };
    expect((await getUserForAdmin(target.id, limits))?.activeSessionCount).toBe(2);

    const outcome = await setUserActive(audit, target.id, false);
    expect(outcome).toEqual({ ok: true, value: null });
    expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);
    expect((await getUserForAdmin(target.id, limits))?.activeSessionCount).toBe(0);

    const [event] = await auditRows("user.deactivate", target.id);
    expect(event).toMatchObject({ actorId: audit.actorId, entityType: "User", teamId: target.teamId });
    const before = JSON.parse(event?.beforeJson ?? "null") as Record<string, unknown>;
    const after = JSON.parse(event?.afterJson ?? "null") as Record<string, unknown>;
    expect(before).toMatchObject({ email: target.email, active: true });
    expect(after).toMatchObject({ email: target.email, active: false, sessionsEnded: 2 });
    for (const side of [event?.beforeJson, event?.afterJson]) {
      expect(side).not.toMatch(/passwordHash|scrypt/);
    }

    const reactivated = await setUserActive(audit, target.id, true);
    expect(reactivated.ok).toBe(true);
    expect(await auditRows("user.reactivate", target.id)).toHaveLength(1);
  });

  it("an admin cannot deactivate themself or drop their own admin role", async () => {
    const audit = await adminContext();
    const adminId = audit.actorId ?? "";
    expect(await setUserActive(audit, adminId, false)).toEqual({
      ok: false,
      status: 400,
      fieldErrors: {},
      formErrors: ["You cannot deactivate your own account."],
    });
    const demotion = await updateUser(audit, adminId, {
      name: "Alex Morgan",
      role: "MANAGER",
      teamId: null,
      targetBonusCents: 0,
    });
    expect(demotion).toMatchObject({ ok: false, fieldErrors: { role: [expect.any(String)] } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).active).toBe(true);
    expect(
      await prisma.auditEvent.count({
        where: { entityId: adminId, action: { in: ["user.deactivate", "user.update"] } },
      }),
    ).toBe(0);
  });

  it("password reset and sign-out-everywhere end sessions and each leave one audit row", async () => {
    const audit = await adminContext();
    const target = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@candor.test" } });
    const oldHash = target.passwordHash;
    await createSession(target.id, { ip: "198.51.100.9", userAgent: null });
    expect(await resetPassword(audit, target.id, "another-long-password")).toEqual({ ok: true, value: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).not.toBe(oldHash);
    expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0);
    const [reset] = await auditRows("user.password-reset", target.id);
    expect(reset?.afterJson).toBe(JSON.stringify({ passwordChanged: true, sessionsEnded: 1 }));

    await createSession(target.id, { ip: "198.51.100.9", userAgent: null });
    expect(await signOutEverywhere(audit, target.id)).toEqual({ ok: true, value: { sessionsEnded: 1 } });
    expect(await auditRows("user.sign-out-everywhere", target.id)).toHaveLength(1);
  });

  it("a manager who stops being one stops managing, and the update is audited", async () => {
    const audit = await adminContext();
    const managerId = await newManager(audit);
    const created = valueOf(await createTeam(audit, { name: unique("Team"), managerIds: [managerId] }));
    expect(await getManagedTeamIds(managerId)).toEqual([created.id]);
    const outcome = await updateUser(audit, managerId, {
      name: "Now An Engineer",
      role: "ENGINEER",
      teamId: null,
      targetBonusCents: 0,
    });
    expect(outcome.ok).toBe(true);
    expect(await getManagedTeamIds(managerId)).toEqual([]);
    const [event] = await auditRows("user.update", managerId);
    expect(JSON.parse(event?.afterJson ?? "{}")).toMatchObject({
      role: "ENGINEER",
      managedTeamsRemoved: [created.id],
    });
  });

  it("lists users by name with their team and last sign-in", async () => {
    await signIn("sales@candor.test");
    const { users } = await listUsers({ search: "SALES@candor" });
    const maya = users.find((user) => user.email === "sales@candor.test");
    expect(maya?.team?.name).toBeTruthy();
    expect(maya?.lastSignInAt).toBeInstanceOf(Date);
    const names = (await listUsers({ role: "ENGINEER", active: true })).users.map((user) => user.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe("teams", () => {
  it("replaces the managers of a team and audits both versions", async () => {
    const audit = await adminContext();
    const [first, second, third] = [await newManager(audit), await newManager(audit), await newManager(audit)];
    const name = unique("Northern");
    const { id: teamId } = valueOf(await createTeam(audit, { name, managerIds: [first, second] }));

    const updated = await updateTeam(audit, teamId, { name: `${name} renamed`, managerIds: [third] });
    expect(updated.ok).toBe(true);
    const team = await getTeam(teamId);
    expect(team?.name).toBe(`${name} renamed`);
    expect(team?.managers.map((manager) => manager.id)).toEqual([third]);
    expect(await prisma.teamManager.count({ where: { teamId } })).toBe(1);

    const [createEvent] = await auditRows("team.create", teamId);
    expect(createEvent?.teamId).toBe(teamId);
    const [updateEvent] = await auditRows("team.update", teamId);
    expect(JSON.parse(updateEvent?.beforeJson ?? "{}")).toEqual({ name, managerIds: [first, second].sort() });
    expect(JSON.parse(updateEvent?.afterJson ?? "{}")).toEqual({ name: `${name} renamed`, managerIds: [third] });
  });

  it("refuses a duplicate name and a manager who is not a manager", async () => {
    const audit = await adminContext();
    const existing = await prisma.team.findFirstOrThrow();
    expect(await createTeam(audit, { name: existing.name, managerIds: [] })).toEqual({
      ok: false,
      status: 400,
      fieldErrors: { name: ["A team with this name already exists."] },
      formErrors: [],
    });
    const salesperson = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } });
    const refused = await createTeam(audit, { name: unique("Team"), managerIds: [salesperson.id] });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { managerIds: [expect.any(String)] } });
  });
});

describe("products", () => {
  it("creates and edits a product, refusing a taken slug as a field error, with an audit row for each change", async () => {
    const audit = await adminContext();
    const slug = unique("widget").toLowerCase();
    const created = valueOf(
      await createProduct(audit, {
        name: unique("Widget"),
        slug,
        description: " A widget. ",
        reviewCycleDays: 30,
      }),
    );
    const other = await prisma.product.findFirstOrThrow({ where: { id: { not: created.id } } });
    expect(
      await updateProduct(audit, created.id, {
        name: unique("Widget"),
        slug: other.slug,
        description: "",
        reviewCycleDays: 30,
      }),
    ).toEqual({
      ok: false,
      status: 400,
      fieldErrors: { slug: ["Another product already uses this slug."] },
      formErrors: [],
    });
    const updated = await updateProduct(audit, created.id, {
      name: "Widget Pro " + slug,
      slug,
      description: "Better.",
      reviewCycleDays: 60,
    });
    expect(updated.ok).toBe(true);
    expect(await auditRows("product.create", created.id)).toHaveLength(1);
    const [event] = await auditRows("product.update", created.id);
    expect(JSON.parse(event?.beforeJson ?? "{}")).toMatchObject({ description: "A widget.", reviewCycleDays: 30 });
    expect(JSON.parse(event?.afterJson ?? "{}")).toMatchObject({ description: "Better.", reviewCycleDays: 60 });
  });
});

describe("audit log", () => {
  it("shows admins every event and managers only their teams' events, with only the changed keys", async () => {
    const audit = await adminContext();
    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@candor.test" } });
    const managedTeamIds = await getManagedTeamIds(manager.id);
    const outsider = await prisma.user.findFirstOrThrow({
      where: { role: "SALES", teamId: { notIn: managedTeamIds } },
    });
    const insider = await prisma.user.findFirstOrThrow({ where: { role: "SALES", teamId: { in: managedTeamIds } } });
    for (const person of [outsider, insider]) {
      await updateUser(audit, person.id, {
        name: `${person.name} Jr`,
        role: "SALES",
        teamId: person.teamId,
        targetBonusCents: person.targetBonusCents,
      });
    }

    const asAdmin = await listAuditEvents({ kind: "all" }, { actionPrefix: "user.update" });
    expect(asAdmin.events.map((event) => event.entityId)).toEqual(expect.arrayContaining([outsider.id, insider.id]));

    const asManager = await listAuditEvents(
      { kind: "teams", teamIds: await getManagedTeamIds(manager.id) },
      { actionPrefix: "user.update" },
    );
    const seen = asManager.events.map((event) => event.entityId);
    expect(seen).toContain(insider.id);
    expect(seen).not.toContain(outsider.id);
    const insiderEvent = asManager.events.find((event) => event.entityId === insider.id);
    // In words: the field's label and its values as written, the event's code kept beside its label.
    expect(insiderEvent?.changes).toEqual([
      { key: "name", field: "Name", before: insider.name, after: `${insider.name} Jr` },
    ]);
    expect(insiderEvent).toMatchObject({ action: "user.update", actionLabel: "User edited", entityLabel: "User" });
    expect(insiderEvent?.actor?.email).toBe("admin@candor.test");

    const byActor = await listAuditEvents({ kind: "all" }, { actorEmail: "nobody-at-all@", actionPrefix: "user." });
    expect(byActor.total).toBe(0);
  });
});
