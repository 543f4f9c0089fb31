import { addDays } from "../app/domain/dates.ts";
import type { CompStatement } from "../app/generated/prisma/client.ts";
import { dialectOf } from "../app/lib/database-url.ts";
import { dialect } from "../app/lib/db.server.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { rebuildRollupsSql } from "../app/models/rollups.server.ts";
import { DEMO_PASSWORD } from "./content/people.ts";
import { PRODUCTS } from "./content/products.ts";
import { TABLES, emptyDataset, type Dataset } from "./dataset.ts";
import type { SeedSummary } from "./demo.ts";
import { buildAccountPool } from "./generate/accounts.ts";
import { buildCatalog } from "./generate/catalog.ts";
import { buildComp } from "./generate/comp.ts";
import type { SeedContext, SeedPerson } from "./generate/context.ts";
import { questionsBehindChanges } from "./generate/engineer-questions.ts";
import { generatePerson, type PersonBundle } from "./generate/person.ts";
import { buildQuizzes } from "./generate/quizzes.ts";
import { buildScaleOrg } from "./generate/scale-org.ts";
import { buildTimeline } from "./generate/timeline.ts";
import { Rng, SEED } from "./random.ts";
import { storyChecks } from "./story-checks.ts";
import { sqlitePath } from "./wipe.ts";
import { PostgresWriter } from "./write-postgres.ts";
import { SqliteWriter } from "./write-sqlite.ts";

// `--scale large` (PRODUCT.md §6): 1,000 salespeople in 40 teams, 200,000 claims, 20,000 quiz
// attempts, 40,000 WON deals each with its survey (plus 4,000 open or lost deals), 2,000
// conversations, and the same products, matrix (with its phrases), quizzes and comp periods as
// the demo. Rows stream person by person straight into the database, fifty people a transaction,
// so memory stays flat: SQLite's file through better-sqlite3 (seed/write-sqlite.ts), or
// PostgreSQL through node-postgres (seed/write-postgres.ts), chosen by the URL (ADR 023). The
// database must be migrated.

// Two generated conversations per salesperson (2,000 with their sentences and candidates), and
// customer reports on a few percent of answered surveys (seed/generate/customer-claims.ts).
const PLAN = {
  deals: { won: 40, lost: 2, open: 2 },
  claims: 200,
  attempts: 20,
  questionsPerMonth: 0.1,
  conversations: 2,
};
/** The scale organisation's salespeople (seed/generate/scale-org.ts): `claims` are shared among them. */
export const SCALE_PEOPLE = 1_000;
const PEOPLE_PER_TRANSACTION = 50;

/** What the seed needs of a database: SqliteWriter or PostgresWriter. */
type ScaleWriter = Pick<SqliteWriter, "counts" | "insert" | "transaction" | "execute" | "finish" | "close">;

async function openWriter(url: string): Promise<ScaleWriter> {
  // The rollups' statements (app/models/rollups.server.ts) are written for DATABASE_URL's database.
  if (dialectOf(url) !== dialect)
    throw new Error(
      `The scale data goes into DATABASE_URL's own database: the rollups' SQL is written for ${dialect}, the target is ${dialectOf(url)}.`,
    );
  return dialect === "postgres" ? PostgresWriter.open(url) : SqliteWriter.open(sqlitePath(url));
}

function writeBundle(writer: ScaleWriter, bundle: PersonBundle): void {
  writer.insert("Deal", bundle.deals);
  // A claim points to its customer's survey and to the candidate it was confirmed from.
  writer.insert("Survey", bundle.surveys);
  writer.insert("Conversation", bundle.conversations.conversations);
  writer.insert("ConversationSentence", bundle.conversations.sentences);
  writer.insert("CandidateClaim", bundle.conversations.candidates);
  writer.insert("Claim", bundle.claims);
  writer.insert("ClaimDispute", bundle.disputes);
  writer.insert("EngineerQuestion", bundle.engineerQuestions);
  writer.insert("QuizAttempt", bundle.attempts);
  writer.insert("QuizAnswer", bundle.answers);
  writer.insert("CompStatement", bundle.statements);
}

function writeStatic(writer: ScaleWriter, data: Dataset, skip: ReadonlySet<keyof Dataset>): void {
  for (const [key, table] of TABLES) if (!skip.has(key)) writer.insert(table, data[key]);
}

/**
 * `claims`: the total of generated claims (default 200,000), spread evenly over the salespeople;
 * more than the default makes each person's history denser, as years of use would.
 */
export async function seedScale(url: string, options: { today: Date; claims?: number }): Promise<SeedSummary> {
  const claimsPerPerson = Math.max(1, Math.round((options.claims ?? PLAN.claims * SCALE_PEOPLE) / SCALE_PEOPLE));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rng = new Rng(SEED ^ 0x5ca1e);
  const ids = rng.fork("ids");
  const timeline = buildTimeline(options.today);
  const data = emptyDataset();

  const org = buildScaleOrg(timeline, passwordHash, PRODUCTS.length, rng.fork("org"), ids);
  Object.assign(data, org.rows satisfies Partial<Dataset>);
  const built = buildCatalog(PRODUCTS, org.engineerIds, timeline, rng.fork("catalog"), ids);
  Object.assign(data, built.rows satisfies Partial<Dataset>);
  const pool = buildAccountPool(12_000, addDays(timeline.dealsStart, -120), rng.fork("accounts"), ids);
  data.accounts = pool.rows;
  const bank = buildQuizzes(built.catalog, org.engineerIds, timeline, rng.fork("quizzes"), ids);
  Object.assign(data, bank.rows satisfies Partial<Dataset>);
  const comp = buildComp(timeline, org.adminId, rng.fork("comp"), ids);
  Object.assign(data, { plans: [comp.plan], periods: comp.periods, audit: comp.audit } satisfies Partial<Dataset>);

  let dealNumber = 100_000;
  const ctx: SeedContext = {
    timeline,
    catalog: built.catalog,
    engineerIds: org.engineerIds,
    accounts: pool.accounts,
    quizzes: bank.quizzes,
    ids,
    nextDealNumber: () => ++dealNumber,
  };
  const people: SeedPerson[] = org.people.map((person) => ({
    ...person,
    productWeights: built.catalog.map((product, index) => [product, person.productWeights[index] ?? 1] as const),
  }));

  const writer = await openWriter(url);
  try {
    await writer.transaction(() => writeStatic(writer, data, new Set(["audit"])));
    const storyIds = new Set(
      data.users
        .filter((u) => u.email === "sales@candor.test" || u.email === "overpromiser@candor.test")
        .map((u) => u.id),
    );
    const storyStatements: CompStatement[] = [];
    for (let start = 0; start < people.length; start += PEOPLE_PER_TRANSACTION) {
      await writer.transaction(() => {
        people.slice(start, start + PEOPLE_PER_TRANSACTION).forEach((person, offset) => {
          const plan = {
            ...PLAN,
            claims: claimsPerPerson,
            deals: person.activeUntil === null ? PLAN.deals : { ...PLAN.deals, open: 0, lost: 4 },
          };
          const bundle = generatePerson(person, plan, comp.locked, ctx, rng.fork(`person:${start + offset}`));
          writeBundle(writer, bundle);
          if (storyIds.has(person.id)) storyStatements.push(...bundle.statements);
        });
      });
    }
    await writer.transaction(() => {
      writer.insert("EngineerQuestion", questionsBehindChanges(people, ctx, rng.fork("changes")));
      writer.insert("AuditEvent", data.audit);
    });
    // The dashboard's rollups, from the rows just written (ADR 019).
    await writer.execute(rebuildRollupsSql());
    await writer.finish();
    return { counts: Object.fromEntries(writer.counts), checks: storyChecks(data.users, storyStatements, comp.locked) };
  } finally {
    await writer.close();
  }
}
