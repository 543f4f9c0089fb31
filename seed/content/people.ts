import type { Archetype } from "./profiles.ts";

// The demo organisation. All passwords are "candor-demo"; emails are lower-case.

export interface StaffSpec {
  name: string;
  email: string;
}

export const ADMIN: StaffSpec = { name: "Alex Morgan", email: "admin@candor.test" };

export const DEMO_MANAGER: StaffSpec & { teams: readonly number[] } = {
  name: "Priya Raman",
  email: "manager@candor.test",
  teams: [0, 2],
};

/** `teams` are indexes into TEAMS. */
export const MANAGERS: readonly (StaffSpec & { teams: readonly number[] })[] = [
  DEMO_MANAGER,
  { name: "Marcus Bell", email: "marcus.bell@candor.test", teams: [1] },
  { name: "Hannah Okafor", email: "hannah.okafor@candor.test", teams: [2] },
];

export const DEMO_ENGINEER: StaffSpec = { name: "Sam Keller", email: "engineer@candor.test" };

/** Capability `owner` indexes point here. */
export const ENGINEERS: readonly StaffSpec[] = [
  DEMO_ENGINEER,
  { name: "Jun Tanaka", email: "jun.tanaka@candor.test" },
  { name: "Fatima Nasser", email: "fatima.nasser@candor.test" },
  { name: "Lukas Brandt", email: "lukas.brandt@candor.test" },
  { name: "Ines Carvalho", email: "ines.carvalho@candor.test" },
];

/** Each team sells mostly some products: weights by product slug. */
export const TEAMS: readonly { name: string; products: Readonly<Record<string, number>> }[] = [
  { name: "Enterprise East", products: { ledgerline: 5, relay: 3, fieldbook: 1 } },
  { name: "Enterprise West", products: { ledgerline: 2, relay: 5, fieldbook: 1 } },
  { name: "Mid-Market", products: { ledgerline: 2, relay: 1, fieldbook: 5 } },
];

export interface SalespersonSpec {
  name: string;
  email?: string;
  team: number;
  archetype: Archetype;
  targetBonusDollars: number;
  /** Hired this many days before the reference date (default: long before the history). */
  joinedDaysAgo?: number;
  /** Deactivated this many days before the reference date. */
  leftDaysAgo?: number;
  story: string;
}

export const SALESPEOPLE: readonly SalespersonSpec[] = [
  {
    name: "Maya Chen",
    email: "sales@candor.test",
    team: 0,
    archetype: "HONEST",
    targetBonusDollars: 24_000,
    story: "The honest top performer.",
  },
  {
    name: "Brad Kessler",
    email: "overpromiser@candor.test",
    team: 0,
    archetype: "OVERPROMISER",
    targetBonusDollars: 25_000,
    story: "Big deals, promises everything, unhappy customers.",
  },
  {
    name: "Olivia Grant",
    team: 0,
    archetype: "SOLID",
    targetBonusDollars: 20_000,
    story: "Reliable and well informed.",
  },
  { name: "Daniel Okoye", team: 0, archetype: "AVERAGE", targetBonusDollars: 18_000, story: "The middle of the pack." },
  {
    name: "Sofia Marquez",
    team: 0,
    archetype: "CAUTIOUS",
    targetBonusDollars: 16_000,
    story: "Undersells: tells customers less than the product does.",
  },
  {
    name: "Ethan Brooks",
    team: 0,
    archetype: "NEWCOMER",
    targetBonusDollars: 12_000,
    joinedDaysAgo: 45,
    story: "Joined six weeks ago; few claims so far.",
  },
  { name: "Rachel Stein", team: 0, archetype: "AVERAGE", targetBonusDollars: 17_000, story: "Steady mid-performer." },
  {
    name: "Tom Whitaker",
    team: 0,
    archetype: "SLOPPY",
    targetBonusDollars: 19_000,
    leftDaysAgo: 110,
    story: "Left the company; history kept.",
  },
  {
    name: "Aisha Rahman",
    team: 1,
    archetype: "SOLID",
    targetBonusDollars: 21_000,
    story: "Relay specialist, careful with limits.",
  },
  { name: "Connor Walsh", team: 1, archetype: "SLOPPY", targetBonusDollars: 19_000, story: "Rounds limitations up." },
  {
    name: "Lena Fischer",
    team: 1,
    archetype: "HONEST",
    targetBonusDollars: 20_000,
    story: "Asks engineers before she promises.",
  },
  {
    name: "Victor Alvarez",
    team: 1,
    archetype: "IMPROVER",
    targetBonusDollars: 18_000,
    story: "Over-promised early, improved after coaching.",
  },
  {
    name: "Grace Liu",
    team: 1,
    archetype: "AVERAGE",
    targetBonusDollars: 17_000,
    story: "Average accuracy, average customers.",
  },
  {
    name: "Noah Patel",
    team: 1,
    archetype: "AVERAGE",
    targetBonusDollars: 16_000,
    story: "Mostly accurate, occasional slips.",
  },
  {
    name: "Chloe Dubois",
    team: 1,
    archetype: "CAUTIOUS",
    targetBonusDollars: 15_000,
    story: "Says 'not supported' when unsure.",
  },
  {
    name: "Jamal Carter",
    team: 1,
    archetype: "SLOPPY",
    targetBonusDollars: 22_000,
    story: "Closes well, corrects customers afterwards.",
  },
  { name: "Emma Lindqvist", team: 2, archetype: "SOLID", targetBonusDollars: 15_000, story: "Fieldbook expert." },
  { name: "Lucas Moreau", team: 2, archetype: "AVERAGE", targetBonusDollars: 13_000, story: "Average performer." },
  {
    name: "Zoe Kaplan",
    team: 2,
    archetype: "NEWCOMER",
    targetBonusDollars: 12_000,
    joinedDaysAgo: 80,
    story: "Joined this autumn.",
  },
  { name: "Omar Haddad", team: 2, archetype: "AVERAGE", targetBonusDollars: 13_500, story: "Average performer." },
  {
    name: "Isabel Reyes",
    team: 2,
    archetype: "IMPROVER",
    targetBonusDollars: 14_000,
    story: "Getting better every quarter.",
  },
  {
    name: "Ben Foster",
    team: 2,
    archetype: "SLOPPY",
    targetBonusDollars: 14_500,
    story: "Optimistic about the roadmap.",
  },
  { name: "Hana Sato", team: 2, archetype: "HONEST", targetBonusDollars: 15_500, story: "Quietly excellent." },
  { name: "Kevin O'Brien", team: 2, archetype: "AVERAGE", targetBonusDollars: 13_000, story: "Average performer." },
];

export const DEMO_PASSWORD = "candor-demo";

/** first.last@candor.test, lower-case, letters only. */
export function emailFor(name: string): string {
  const parts = name
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .split(" ")
    .filter((part) => part !== "");
  return `${parts.join(".")}@candor.test`;
}
