import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { loader as scorecardLoader } from "../../app/routes/_app.dashboard_.scorecard.tsx";
import { loader as personLoader } from "../../app/routes/_app.people.$userId.tsx";
import { loader as csvLoader } from "../../app/routes/dashboard.scorecard[.]csv.ts";
import { load } from "./support/requests.ts";

// The team scorecard lists the people who sell today: a deactivated salesperson (someone who
// left) is not on it, nor in its CSV, while their own page keeps their history.

async function scorecard(email: string, search = "pageSize=100") {
  return load(scorecardLoader, email, `/dashboard/scorecard?${search}`);
}

async function csvNames(email: string, search = ""): Promise<string[]> {
  const response = await load(csvLoader, email, `/dashboard/scorecard.csv?${search}`);
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1);
  return lines.map((line) => line.split(",")[0]?.replace(/^"|"$/g, "") ?? "");
}

describe("the team scorecard and people who have left", () => {
  it("leaves the demo's deactivated salesperson out of the page and the CSV, and says how many it left out", async () => {
    const tom = await prisma.user.findFirstOrThrow({ where: { name: "Tom Whitaker" }, include: { team: true } });
    expect(tom.active).toBe(false);
    const manager = await prisma.user.findUniqueOrThrow({
      where: { email: "manager@candor.test" },
      include: { managedTeams: true },
    });
    const teamIds = manager.managedTeams.map((team) => team.teamId);
    expect(teamIds).toContain(tom.teamId);
    const active = await prisma.user.count({ where: { role: "SALES", active: true, teamId: { in: teamIds } } });
    const inactive = await prisma.user.count({ where: { role: "SALES", active: false, teamId: { in: teamIds } } });

    const page = await scorecard("manager@candor.test");
    expect(page.rows.map((row) => row.name)).not.toContain("Tom Whitaker");
    expect(page.rows.every((row) => row.active)).toBe(true);
    expect(page.total).toBe(active);
    expect(page.rows).toHaveLength(active);
    expect(page.inactive).toBe(inactive);

    const names = await csvNames("manager@candor.test");
    expect(names).not.toContain("Tom Whitaker");
    expect(names).toHaveLength(active);

    // His own page still shows his figures: the history stays.
    const person = await load(personLoader, "manager@candor.test", `/people/${tom.id}`, { userId: tom.id });
    expect(person.person.active).toBe(false);
    expect(person.figures?.id).toBe(tom.id);
  });

  it("drops a salesperson from the scorecard as soon as they are deactivated, for admins too", async () => {
    const before = await scorecard("admin@candor.test", "pageSize=100&q=Olivia");
    expect(before.rows.map((row) => row.name)).toEqual(["Olivia Grant"]);
    await prisma.user.update({ where: { email: "olivia.grant@candor.test" }, data: { active: false } });
    const after = await scorecard("admin@candor.test", "pageSize=100&q=Olivia");
    expect(after.rows).toEqual([]);
    expect(after.total).toBe(0);
    expect(after.inactive).toBe(1);
    expect(await csvNames("admin@candor.test", "q=Olivia")).toEqual([]);
    await prisma.user.update({ where: { email: "olivia.grant@candor.test" }, data: { active: true } });
    expect((await scorecard("admin@candor.test", "pageSize=100&q=Olivia")).rows.map((row) => row.name)).toEqual([
      "Olivia Grant",
    ]);
  });
});
