import type { StatementScores } from "../app/domain/comp-figures.ts";
import { coverageShare, isUnloggedPromiseAnswer, type CoverageCounts } from "../app/domain/coverage.ts";
import { weightedAccuracy } from "../app/domain/verdicts.ts";
import type { CompStatement } from "../app/generated/prisma/client.ts";
import type { ClaimSource } from "../app/generated/prisma/enums.ts";
import type { Dataset } from "./dataset.ts";
import type { LockedPeriod } from "./generate/comp.ts";
import { readFrozenStatement } from "../app/schemas/comp-statement.ts";

// The demo must tell its two central stories in the locked periods' statements: the honest
// performer is paid above target (M > 1.0); the over-promiser is capped by the HIGH-severity
// gate and paid less than her. The seed prints these figures and any broken expectation.

export interface StoryCheck extends StatementScores {
  email: string;
  period: string;
  gates: string[];
}

export const HONEST_EMAIL = "sales@candor.test";
export const OVERPROMISER_EMAIL = "overpromiser@candor.test";
export const DEMO_MANAGER_EMAIL = "manager@candor.test";

function gateNames(detailJson: string): string[] {
  return readFrozenStatement(detailJson).gates.map((gate) => gate.name);
}

export function storyChecks(
  users: readonly { id: string; email: string }[],
  statements: readonly CompStatement[],
  locked: readonly LockedPeriod[],
): StoryCheck[] {
  const checks: StoryCheck[] = [];
  for (const email of [HONEST_EMAIL, OVERPROMISER_EMAIL]) {
    const user = users.find((u) => u.email === email);
    if (user === undefined) continue;
    for (const { row } of locked) {
      const statement = statements.find((s) => s.userId === user.id && s.periodId === row.id);
      if (statement === undefined) continue;
      const { accuracy, quiz, satisfaction, composite, multiplier } = statement;
      checks.push({
        email,
        period: row.name,
        accuracy,
        quiz,
        satisfaction,
        composite,
        multiplier,
        gates: gateNames(statement.detailJson),
      });
    }
  }
  return checks;
}

/** The expectations the demo's stories rely on; empty when they all hold. */
export function storyProblems(checks: readonly StoryCheck[]): string[] {
  const problems: string[] = [];
  for (const honest of checks.filter((c) => c.email === HONEST_EMAIL)) {
    const over = checks.find((c) => c.email === OVERPROMISER_EMAIL && c.period === honest.period);
    if (honest.multiplier <= 1)
      problems.push(`${honest.period}: the honest performer's multiplier ${honest.multiplier} is not above 1.0`);
    if (over === undefined) continue;
    if (!over.gates.includes("HIGH_SEVERITY_INACCURATE"))
      problems.push(`${over.period}: the over-promiser's HIGH-severity gate did not fire`);
    if (over.multiplier >= honest.multiplier)
      problems.push(`${over.period}: the over-promiser's multiplier is not below the honest performer's`);
  }
  return problems;
}

// ---------------------------------------------------------------- claims from every source (PRODUCT.md §7)

// The over-promiser logs few claims himself; his conversations and his customers' answers reveal
// the rest, and his coverage and accuracy say so. The honest performer's conversations say what
// she logged and what the matrix says. Figures are over the whole seeded history, coverage over
// the comp periods.

export interface SourceStory {
  email: string;
  name: string;
  claims: Record<ClaimSource, number>;
  /** Won deals of the comp periods (closed since the first began), and those with a claim of any source. */
  coverage: CoverageCounts;
  /** Weighted accuracy over every verified claim, whatever its source. */
  accuracy: number | null;
  candidates: {
    total: number;
    pending: number;
    confirmed: number;
    dismissed: number;
    overstating: number;
    consistent: number;
  };
  /** CUSTOMER claims still waiting for an engineer to map them. */
  unmappedCustomerClaims: number;
  /** Surveys due in the comp periods that answered NO or PARTLY on a deal without any claim. */
  unloggedPromises: number;
}

type StoryData = Pick<
  Dataset,
  "users" | "teamManagers" | "deals" | "claims" | "candidateClaims" | "surveys" | "periods"
>;

function sourceStory(user: { id: string; email: string; name: string }, data: StoryData, since: number): SourceStory {
  const claims = data.claims.filter((claim) => claim.salespersonId === user.id);
  const covered = new Set(claims.flatMap((claim) => (claim.dealId === null ? [] : [claim.dealId])));
  const won = data.deals.filter(
    (deal) => deal.ownerId === user.id && deal.status === "WON" && (deal.closedAt?.getTime() ?? 0) >= since,
  );
  const candidates = data.candidateClaims.filter((candidate) => candidate.salespersonId === user.id);
  const bySource = { SELF: 0, OBSERVED: 0, CUSTOMER: 0, CONVERSATION: 0 } satisfies Record<ClaimSource, number>;
  for (const claim of claims) bySource[claim.source]++;
  return {
    email: user.email,
    name: user.name,
    claims: bySource,
    coverage: { won: won.length, covered: won.filter((deal) => covered.has(deal.id)).length },
    accuracy: weightedAccuracy(claims),
    candidates: {
      total: candidates.length,
      pending: candidates.filter((c) => c.status === "PENDING").length,
      confirmed: candidates.filter((c) => c.status === "CONFIRMED").length,
      dismissed: candidates.filter((c) => c.status === "DISMISSED").length,
      overstating: candidates.filter((c) => c.matrixCheck === "OVERSTATES").length,
      consistent: candidates.filter((c) => c.matrixCheck === "CONSISTENT").length,
    },
    unmappedCustomerClaims: claims.filter((claim) => claim.source === "CUSTOMER" && claim.assertedLevel === null)
      .length,
    unloggedPromises: data.surveys.filter(
      (s) =>
        s.salespersonId === user.id &&
        s.dueAt.getTime() >= since &&
        isUnloggedPromiseAnswer(s.deliveredAsPromised) &&
        !covered.has(s.dealId),
    ).length,
  };
}

/** The figures of every salesperson the demo manager manages, the two story people first. */
export function sourceStories(data: StoryData): SourceStory[] {
  const manager = data.users.find((u) => u.email === DEMO_MANAGER_EMAIL);
  const teams = new Set(data.teamManagers.filter((tm) => tm.userId === manager?.id).map((tm) => tm.teamId));
  const people = data.users.filter((u) => u.role === "SALES" && u.teamId !== null && teams.has(u.teamId));
  const rank = (email: string) => (email === OVERPROMISER_EMAIL ? 0 : email === HONEST_EMAIL ? 1 : 2);
  // Coverage is counted per comp period (PRODUCT.md §7): deals won since the first one began.
  const since = Math.min(...data.periods.map((period) => period.startsAt.getTime()));
  return people
    .map((person) => sourceStory(person, data, since))
    .sort((a, b) => rank(a.email) - rank(b.email) || a.name.localeCompare(b.name));
}

/** The expectations of PRODUCT.md §7's demo story; empty when they all hold. */
export function sourceStoryProblems(stories: readonly SourceStory[]): string[] {
  const over = stories.find((s) => s.email === OVERPROMISER_EMAIL);
  const honest = stories.find((s) => s.email === HONEST_EMAIL);
  if (over === undefined || honest === undefined)
    return ["the over-promiser or the honest performer is missing from the demo manager's teams"];
  const problems: string[] = [];
  const others = stories.filter((s) => s !== over);
  if (over.claims.SELF * 3 > honest.claims.SELF)
    problems.push(
      `the over-promiser logged ${over.claims.SELF} claims himself, not far fewer than the honest performer's ${honest.claims.SELF}`,
    );
  if (over.claims.CUSTOMER < 3)
    problems.push(`the over-promiser has ${over.claims.CUSTOMER} claims reported by customers, fewer than 3`);
  if (over.claims.CONVERSATION < 5)
    problems.push(`the over-promiser has ${over.claims.CONVERSATION} claims found in conversations, fewer than 5`);
  if (over.unmappedCustomerClaims < 1) problems.push("none of the over-promiser's customer reports waits to be mapped");
  if (over.candidates.pending < 1) problems.push("none of the over-promiser's candidates waits for a decision");
  if (over.unloggedPromises < 1) problems.push("the over-promiser has no unlogged promises");
  const share = coverageShare(over.coverage);
  for (const other of others) {
    const theirs = coverageShare(other.coverage);
    if (share !== null && theirs !== null && theirs <= share)
      problems.push(
        `${other.name}'s coverage ${theirs.toFixed(3)} is not above the over-promiser's ${share.toFixed(3)}`,
      );
    if (over.accuracy !== null && other.accuracy !== null && other.accuracy <= over.accuracy)
      problems.push(`${other.name}'s accuracy is not above the over-promiser's`);
  }
  if (honest.candidates.total === 0) problems.push("the honest performer has no candidates from conversations");
  if (honest.candidates.overstating > 0)
    problems.push(`${honest.candidates.overstating} of the honest performer's candidates overstate the matrix`);
  if (honest.candidates.consistent < honest.candidates.total)
    problems.push("some of the honest performer's candidates are not consistent with the matrix");
  if ((coverageShare(honest.coverage) ?? 0) < 0.8) problems.push("the honest performer's coverage is below 80 %");
  return problems;
}
