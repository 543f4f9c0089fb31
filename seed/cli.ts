import { createBaseClient } from "../app/lib/db.server.ts";
import { seedDemo, type SeedSummary } from "./demo.ts";
import { parseReferenceDate } from "./generate/timeline.ts";
import { SCALE_PEOPLE, seedScale } from "./scale.ts";
import { sourceStoryProblems, storyProblems } from "./story-checks.ts";
import { countUsers, wipeDatabase } from "./wipe.ts";

// npm run seed [-- --force] [--today YYYY-MM-DD] [--scale large [--claims N]]
// Seeds DATABASE_URL (default file:./data/candor.db; a postgresql:// URL seeds PostgreSQL, ADR 023),
// which must already be migrated.
// --claims sets the scale data's number of claims (default 200,000; the benchmark's growth
// table also seeds 2,000,000): the same people, deals and quizzes, more history per person.

interface Options {
  force: boolean;
  today: Date;
  scale: boolean;
  claims: number | undefined;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { force: false, today: new Date(), scale: false, claims: undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--force") options.force = true;
    else if (arg === "--today") options.today = parseReferenceDate(args[++i] ?? "");
    else if (arg === "--scale") {
      const size = args[++i];
      if (size !== "large") throw new Error(`--scale accepts only "large", got "${size ?? ""}"`);
      options.scale = true;
    } else if (arg === "--claims") {
      const value = args[++i] ?? "";
      if (!/^\d+$/.test(value) || Number(value) < SCALE_PEOPLE)
        throw new Error(`--claims takes a whole number of at least ${SCALE_PEOPLE}, got "${value}"`);
      options.claims = Number(value);
    } else
      throw new Error(
        `Unknown argument "${arg ?? ""}". Usage: seed [--force] [--today YYYY-MM-DD] [--scale large [--claims N]]`,
      );
  }
  if (options.claims !== undefined && !options.scale)
    throw new Error("--claims applies to the scale data only: add --scale large");
  return options;
}

function printSummary(summary: SeedSummary, seconds: number): void {
  console.log(`Seeded in ${seconds.toFixed(1)} s:`);
  for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(20)} ${count}`);
  if (summary.checks.length > 0) {
    console.log("Stories (locked periods): email, period, A, Q, S, C, M, gates");
    for (const c of summary.checks) {
      const q = c.quiz === null ? "-" : c.quiz.toFixed(3);
      console.log(
        `  ${c.email.padEnd(26)} ${c.period}  A=${c.accuracy.toFixed(3)} Q=${q} S=${c.satisfaction.toFixed(3)} C=${c.composite.toFixed(3)} M=${c.multiplier.toFixed(4)} ${c.gates.join(",")}`,
      );
    }
  }
  if (summary.sources !== undefined && summary.sources.length > 0) {
    console.log(
      "Claims by source (the demo manager's salespeople): SELF/OBSERVED/CUSTOMER/CONVERSATION, coverage, accuracy, candidates",
    );
    for (const s of summary.sources.slice(0, 2)) {
      const { SELF, OBSERVED, CUSTOMER, CONVERSATION } = s.claims;
      const accuracy = s.accuracy === null ? "-" : s.accuracy.toFixed(3);
      console.log(
        `  ${s.email.padEnd(26)} ${SELF}/${OBSERVED}/${CUSTOMER}/${CONVERSATION}  coverage ${s.coverage.covered}/${s.coverage.won}  A=${accuracy}  ` +
          `candidates ${s.candidates.total} (${s.candidates.pending} pending, ${s.candidates.overstating} overstating)  unlogged promises ${s.unloggedPromises}`,
      );
    }
  }
  const problems = [
    ...storyProblems(summary.checks),
    ...(summary.sources === undefined ? [] : sourceStoryProblems(summary.sources)),
    ...(summary.problems ?? []),
  ];
  for (const problem of problems) console.warn(`warning: ${problem}`);
}

/**
 * Computes each open period once with the app's own model function, so the demo's projected
 * multipliers exist from the start. Imported late: the app's database client reads DATABASE_URL.
 */
async function computeOpenPeriods(today: Date): Promise<void> {
  const { prisma } = await import("../app/lib/db.server.ts");
  const { computePeriod } = await import("../app/models/comp-compute.server.ts");
  try {
    const admin = await prisma.user.findFirst({
      where: { role: "ADMIN" },
      orderBy: { email: "asc" },
      select: { id: true },
    });
    const open = await prisma.compPeriod.findMany({
      where: { status: "OPEN" },
      orderBy: { startsAt: "asc" },
      select: { id: true, name: true },
    });
    for (const period of open) {
      const started = performance.now();
      const outcome = await computePeriod(
        { actorId: admin?.id ?? null, requestId: null, ip: null },
        period.id,
        { kind: "all" },
        { now: today },
      );
      if (!outcome.ok) throw new Error(`Computing ${period.name} failed: ${outcome.formErrors.join(" ")}`);
      const { name, statements, adjustments } = outcome.value;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Computed the open period ${name}: ${statements} statements, ${adjustments} prior-period adjustments (${seconds} s).`,
      );
    }
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The demo's inboxes (PRODUCT.md §8): the notifications its last two weeks of verdicts, disputes,
 * answers, conversations and unhappy customers would have written, and the daily scan's quizzes
 * due and claims past target — the same model functions the server uses.
 */
async function notifyDemoUsers(today: Date): Promise<void> {
  const { prisma } = await import("../app/lib/db.server.ts");
  const { backfillRecentNotifications, runDailyScan } = await import("../app/models/notifications.server.ts");
  try {
    const events = await backfillRecentNotifications(today);
    const { created } = await runDailyScan(today);
    console.log(`Notifications: ${events} from the last two weeks' events, ${created} from the daily scan.`);
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL ?? "file:./data/candor.db";
  const users = await countUsers(url);
  if (users > 0 && !options.force) {
    console.error(`The database at ${url} already holds ${users} users. Run with --force to empty it and seed again.`);
    return 1;
  }
  if (options.force) await wipeDatabase(url);
  const started = performance.now();
  if (options.scale) {
    const summary = await seedScale(url, { today: options.today, claims: options.claims });
    printSummary(summary, (performance.now() - started) / 1000);
    await computeOpenPeriods(options.today);
    return 0;
  }
  const prisma = createBaseClient(url);
  try {
    const summary = await seedDemo(prisma, { today: options.today });
    printSummary(summary, (performance.now() - started) / 1000);
  } finally {
    await prisma.$disconnect();
  }
  await computeOpenPeriods(options.today);
  await notifyDemoUsers(options.today);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
