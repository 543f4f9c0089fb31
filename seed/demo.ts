import { addDays } from "../app/domain/dates.ts";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { COMPANY_NAME_KEY } from "../app/schemas/settings.ts";
import { DEMO_COMPANY_NAME } from "./content/company.ts";
import { DEMO_PASSWORD } from "./content/people.ts";
import { PRODUCTS } from "./content/products.ts";
import { countsOf, emptyDataset, type Dataset } from "./dataset.ts";
import { buildAccountPool } from "./generate/accounts.ts";
import { takeAttempt } from "./generate/attempts.ts";
import { buildCatalog } from "./generate/catalog.ts";
import { planClaimCount } from "./generate/claims.ts";
import { buildComp } from "./generate/comp.ts";
import type { SeedContext } from "./generate/context.ts";
import { planDeals } from "./generate/deals.ts";
import { buildDemoOrg, toSeedPerson } from "./generate/demo-org.ts";
import { questionsBehindChanges } from "./generate/engineer-questions.ts";
import { generatePerson, type PersonBundle, type PersonPlan } from "./generate/person.ts";
import { buildQuizzes } from "./generate/quizzes.ts";
import { buildTimeline, instantBetween } from "./generate/timeline.ts";
import { Rng, SEED } from "./random.ts";
import {
  HONEST_EMAIL,
  OVERPROMISER_EMAIL,
  sourceStories,
  storyChecks,
  type SourceStory,
  type StoryCheck,
} from "./story-checks.ts";
import { writeWithPrisma } from "./write-prisma.ts";

// The demo data set (PRODUCT.md §6): three products, three teams, ~24 salespeople with distinct
// stories, and the history the dashboard tells those stories from. Deterministic: the same
// reference date gives the same rows (only the password hash's salt differs).

export function appendBundle(data: Dataset, bundle: PersonBundle): void {
  data.deals.push(...bundle.deals);
  data.claims.push(...bundle.claims);
  data.disputes.push(...bundle.disputes);
  data.surveys.push(...bundle.surveys);
  data.attempts.push(...bundle.attempts);
  data.answers.push(...bundle.answers);
  data.engineerQuestions.push(...bundle.engineerQuestions);
  data.statements.push(...bundle.statements);
  data.conversations.push(...bundle.conversations.conversations);
  data.conversationSentences.push(...bundle.conversations.sentences);
  data.candidateClaims.push(...bundle.conversations.candidates);
}

/** The demo's story people: their conversations are the files of seed/content/conversations/. */
const STORY_PEOPLE: Readonly<Record<string, PersonPlan["story"]>> = {
  [OVERPROMISER_EMAIL]: "overpromiser",
  [HONEST_EMAIL]: "honest",
};

export interface DemoDataset {
  data: Dataset;
  checks: StoryCheck[];
  sources: SourceStory[];
  /** Decisions of seed/content/conversations.ts that matched no candidate. */
  problems: string[];
}

export function buildDemoDataset(today: Date, passwordHash: string): DemoDataset {
  const rng = new Rng(SEED);
  const ids = rng.fork("ids");
  const timeline = buildTimeline(today);
  const data = emptyDataset();

  const org = buildDemoOrg(timeline, passwordHash, rng.fork("org"), ids);
  Object.assign(data, org.rows satisfies Partial<Dataset>);
  const { catalog, rows: catalogRows } = buildCatalog(PRODUCTS, org.engineerIds, timeline, rng.fork("catalog"), ids);
  Object.assign(data, catalogRows satisfies Partial<Dataset>);
  const pool = buildAccountPool(240, addDays(timeline.dealsStart, -120), rng.fork("accounts"), ids);
  data.accounts = pool.rows;
  const bank = buildQuizzes(catalog, org.engineerIds, timeline, rng.fork("quizzes"), ids);
  Object.assign(data, bank.rows satisfies Partial<Dataset>);
  const comp = buildComp(timeline, org.adminId, rng.fork("comp"), ids);
  Object.assign(data, { plans: [comp.plan], periods: comp.periods, audit: comp.audit } satisfies Partial<Dataset>);
  data.settings = [{ key: COMPANY_NAME_KEY, value: DEMO_COMPANY_NAME, updatedAt: timeline.historyStart }];

  let dealNumber = 4100;
  const ctx: SeedContext = {
    timeline,
    catalog,
    engineerIds: org.engineerIds,
    accounts: pool.accounts,
    quizzes: bank.quizzes,
    ids,
    nextDealNumber: () => ++dealNumber,
  };
  const people = org.sales.map((sale) => toSeedPerson(sale, catalog));
  const problems: string[] = [];
  people.forEach((person, index) => {
    const personRng = rng.fork(`person:${index}`);
    const story = STORY_PEOPLE[org.sales[index]?.row.email ?? ""];
    const plan: PersonPlan = {
      deals: planDeals(person, ctx, personRng.fork("plan")),
      claims: planClaimCount(person, ctx, personRng.fork("count")),
      story,
      unmappedCustomerClaims: story === "overpromiser" ? 2 : 0,
    };
    const bundle = generatePerson(person, plan, comp.locked, ctx, personRng);
    appendBundle(data, bundle);
    problems.push(...bundle.problems);
  });
  data.engineerQuestions.push(...questionsBehindChanges(people, ctx, rng.fork("changes")));

  // Engineers and managers take the quizzes for practice now and then.
  const staffRng = rng.fork("staff-practice");
  const staff = data.users.filter((u) => u.role === "ENGINEER" || u.role === "MANAGER");
  for (const user of staff) {
    for (let i = staffRng.int(1, 3); i > 0; i--) {
      const taker = {
        userId: user.id,
        skill: user.role === "ENGINEER" ? 0.9 : 0.75,
        activeFrom: timeline.historyStart,
        activeUntil: timeline.now,
      };
      takeAttempt(
        taker,
        staffRng.pick(bank.quizzes),
        instantBetween(staffRng, timeline.historyStart, addDays(timeline.now, -1)),
        ctx,
        staffRng,
        data,
      );
    }
  }
  return {
    data,
    checks: storyChecks(data.users, data.statements, comp.locked),
    sources: sourceStories(data),
    problems,
  };
}

export interface SeedSummary {
  counts: Record<string, number>;
  checks: StoryCheck[];
  /** The demo manager's salespeople's claims by source, coverage and accuracy (the demo only). */
  sources?: SourceStory[];
  problems?: string[];
}

export async function seedDemo(prisma: PrismaClient, options: { today: Date }): Promise<SeedSummary> {
  // Hashed once (scrypt costs ~50 ms) and shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { data, checks, sources, problems } = buildDemoDataset(options.today, passwordHash);
  await writeWithPrisma(prisma, data);
  return { counts: countsOf(data), checks, sources, problems };
}
