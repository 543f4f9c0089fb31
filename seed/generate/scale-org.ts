import { addDays } from "../../app/domain/dates.ts";
import { FIRST_NAMES, LAST_NAMES } from "../content/names.ts";
import { ADMIN, DEMO_ENGINEER, DEMO_MANAGER, emailFor } from "../content/people.ts";
import { ARCHETYPES, type Archetype } from "../content/profiles.ts";
import type { Rng } from "../random.ts";
import type { SeedPerson } from "./context.ts";
import { orgBuilder } from "./demo-org.ts";
import type { Timeline } from "./timeline.ts";

// The scale organisation: 40 teams of 25 salespeople, one manager per team except the demo
// manager, who manages four; the demo accounts exist so benchmarks can sign in.

const REGIONS = [
  "North America East",
  "North America West",
  "Canada",
  "Latin America",
  "UK & Ireland",
  "DACH",
  "France & Benelux",
  "Nordics",
  "Southern Europe",
  "APAC",
];
const SEGMENTS = ["Enterprise", "Mid-Market", "Commercial", "Public Sector"];
const PER_TEAM = 25;
const DEMO_MANAGER_TEAMS = 4;

const ARCHETYPE_MIX: readonly (readonly [Archetype, number])[] = [
  ["AVERAGE", 40],
  ["SOLID", 20],
  ["SLOPPY", 12],
  ["CAUTIOUS", 8],
  ["HONEST", 8],
  ["IMPROVER", 6],
  ["OVERPROMISER", 4],
  ["NEWCOMER", 2],
];

/** A salesperson before the catalog exists: product weights in catalog order. */
export type ScalePerson = Omit<SeedPerson, "productWeights"> & { productWeights: number[] };

export function buildScaleOrg(timeline: Timeline, passwordHash: string, productCount: number, rng: Rng, ids: Rng) {
  const since = addDays(timeline.dealsStart, -400);
  const { rows, team, user } = orgBuilder(passwordHash, since, ids);
  const names = rng.shuffle(FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`)));
  let nameIndex = 0;
  const nextName = () => names[nameIndex++] ?? `Person ${nameIndex}`;
  const teamIds = REGIONS.flatMap((region) => SEGMENTS.map((segment) => team(`${region} ${segment}`)));
  const admin = user(ADMIN.name, ADMIN.email, "ADMIN");
  const demoManager = user(DEMO_MANAGER.name, DEMO_MANAGER.email, "MANAGER");
  const managerIds = teamIds.map((teamId, index) => {
    const name = nextName();
    const manager = index < DEMO_MANAGER_TEAMS ? demoManager : user(name, emailFor(name), "MANAGER");
    rows.teamManagers.push({ teamId, userId: manager.id });
    return manager.id;
  });
  const engineerIds = [user(DEMO_ENGINEER.name, DEMO_ENGINEER.email, "ENGINEER").id];
  for (let i = 0; i < 29; i++) {
    const name = nextName();
    engineerIds.push(user(name, emailFor(name), "ENGINEER").id);
  }

  const people: ScalePerson[] = [];
  teamIds.forEach((teamId, teamIndex) => {
    const weights = Array.from({ length: productCount }, () => rng.float(0.5, 5));
    for (let i = 0; i < PER_TEAM; i++) {
      const special =
        teamIndex === 0 && i < 2
          ? i === 0
            ? { email: "sales@candor.test", archetype: "HONEST" as const }
            : { email: "overpromiser@candor.test", archetype: "OVERPROMISER" as const }
          : null;
      const name = nextName();
      const archetype = special?.archetype ?? rng.weighted(ARCHETYPE_MIX);
      const left = special === null && rng.chance(0.02) ? addDays(timeline.now, -rng.float(60, 200)) : null;
      const row = user(name, special?.email ?? emailFor(name), "SALES", {
        teamId,
        active: left === null,
        targetBonusCents: rng.int(24, 50) * 50_000,
        updatedAt: left ?? since,
      });
      const base = ARCHETYPES[archetype];
      people.push({
        id: row.id,
        name,
        teamId,
        managerIds: [managerIds[teamIndex] ?? admin.id],
        archetype,
        profile: {
          ...base,
          quizSkill: base.quizSkill + rng.float(-0.05, 0.05),
          happiness: base.happiness + rng.float(-0.05, 0.05),
        },
        productWeights: weights,
        targetBonusCents: row.targetBonusCents,
        activeFrom: since,
        activeUntil: left,
      });
    }
  });
  return { rows, adminId: admin.id, engineerIds, people };
}
