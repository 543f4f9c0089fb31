import { addDays } from "../../app/domain/dates.ts";
import type { Team, TeamManager, User } from "../../app/generated/prisma/client.ts";
import type { Role } from "../../app/generated/prisma/enums.ts";
import { ADMIN, ENGINEERS, MANAGERS, SALESPEOPLE, TEAMS, emailFor, type SalespersonSpec } from "../content/people.ts";
import { ARCHETYPES } from "../content/profiles.ts";
import type { Rng } from "../random.ts";
import type { CatalogProduct } from "./catalog.ts";
import type { SeedPerson } from "./context.ts";
import type { Timeline } from "./timeline.ts";

// The demo organisation of seed/content/people.ts as rows, and its salespeople as SeedPersons.

export interface OrgRows {
  teams: Team[];
  users: User[];
  teamManagers: TeamManager[];
}

/**
 * The rows of an organisation as it is built, and the makers of its teams and users: each made on
 * `since` with the next id, a user signing in with `passwordHash` unless `extra` says otherwise.
 */
export function orgBuilder(passwordHash: string, since: Date, ids: Rng) {
  const rows: OrgRows = { teams: [], users: [], teamManagers: [] };
  const team = (name: string): string => {
    const id = ids.id();
    rows.teams.push({ id, name, createdAt: since, updatedAt: since });
    return id;
  };
  const user = (name: string, email: string, role: Role, extra: Partial<User> = {}): User => {
    const row: User = {
      id: ids.id(),
      email,
      name,
      role,
      teamId: null,
      active: true,
      passwordHash,
      targetBonusCents: 0,
      emailDigest: false,
      createdAt: since,
      updatedAt: since,
      ...extra,
    };
    rows.users.push(row);
    return row;
  };
  return { rows, team, user };
}

export function buildDemoOrg(timeline: Timeline, passwordHash: string, rng: Rng, ids: Rng) {
  const { rows, team, user } = orgBuilder(passwordHash, addDays(timeline.dealsStart, -90), ids);
  const teamIds = TEAMS.map((spec) => team(spec.name));
  const admin = user(ADMIN.name, ADMIN.email, "ADMIN");
  const managerIdsByTeam = teamIds.map((): string[] => []);
  for (const spec of MANAGERS) {
    const manager = user(spec.name, spec.email, "MANAGER");
    for (const index of spec.teams) {
      const teamId = teamIds[index];
      if (teamId === undefined) throw new Error(`manager ${spec.email} names unknown team ${index}`);
      rows.teamManagers.push({ teamId, userId: manager.id });
      managerIdsByTeam[index]?.push(manager.id);
    }
  }
  const engineerIds = ENGINEERS.map((spec) => user(spec.name, spec.email, "ENGINEER").id);
  const sales = SALESPEOPLE.map((spec) => {
    const joined =
      spec.joinedDaysAgo === undefined
        ? addDays(timeline.dealsStart, -rng.float(30, 400))
        : addDays(timeline.now, -spec.joinedDaysAgo);
    const left = spec.leftDaysAgo === undefined ? null : addDays(timeline.now, -spec.leftDaysAgo);
    const teamId = teamIds[spec.team];
    if (teamId === undefined) throw new Error(`salesperson ${spec.name} names unknown team ${spec.team}`);
    const row = user(spec.name, spec.email ?? emailFor(spec.name), "SALES", {
      teamId,
      active: left === null,
      targetBonusCents: spec.targetBonusDollars * 100,
      createdAt: joined,
      updatedAt: left ?? joined,
    });
    return { spec, row, joined, left, teamId, managerIds: managerIdsByTeam[spec.team] ?? [] };
  });
  return { rows, adminId: admin.id, engineerIds, teamIds, sales };
}

type DemoSales = ReturnType<typeof buildDemoOrg>["sales"][number];

export function toSeedPerson(sale: DemoSales, catalog: readonly CatalogProduct[]): SeedPerson {
  const spec: SalespersonSpec = sale.spec;
  const weights = TEAMS[spec.team]?.products ?? {};
  return {
    id: sale.row.id,
    name: sale.row.name,
    teamId: sale.teamId,
    managerIds: sale.managerIds,
    archetype: spec.archetype,
    profile: ARCHETYPES[spec.archetype],
    productWeights: catalog.map((product) => [product, weights[product.content.slug] ?? 1] as const),
    targetBonusCents: sale.row.targetBonusCents,
    activeFrom: sale.joined,
    activeUntil: sale.left,
  };
}
