// The admin's company-wide dashboard (every team), timed in-process on a scale database: the
// route's loader as a signed-in admin calls it, then each part of the page on its own (ADR 019).
// Not part of `npm run bench` (which measures pages over HTTP): this one isolates the loader.
//
//   DATABASE_URL=file:/tmp/scale.db npx tsx tests/bench/rollups.ts [--runs 30]
//   DATABASE_URL=file:/tmp/scale.db npx tsx tests/bench/rollups.ts --grow-to 2000000
//
// The database must hold the scale data (npm run seed -- --scale large) and be migrated.
// --grow-to copies the history back by whole years (claims, won deals with their surveys, quiz
// attempts; the copies of claims still waiting get a verdict, as years-old claims would have)
// until the claims reach the number given, then rebuilds the rollups: the same people and the
// same current period, with ten times the history behind them. It writes to the database: use a
// throwaway copy (an interrupted run leaves the copied tables without their indexes; start again
// from a fresh copy).
import os from "node:os";
import Database from "better-sqlite3";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option("--runs") ?? 30);
const GROW_TO = option("--grow-to") === undefined ? null : Number(option("--grow-to"));
/** Also time the same figures read the direct way (the SQL the rollups replaced), for comparison. */
const COMPARE = args.includes("--compare");
const URL_ = process.env.DATABASE_URL ?? "";
if (!URL_.startsWith("file:"))
  throw new Error("Set DATABASE_URL=file:<path> to a migrated scale database (a throwaway copy with --grow-to).");
const FILE = URL_.replace(/^file:/, "");
process.env.SESSION_SECRET ??= "rollups-bench-session-secret-0123456789-abcdef";
process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ??= "1000";

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

// ---------------------------------------------------------------- growing the history

const COPY_MARK = "~y";

function shifted(column: string, years: number): string {
  // The stored text format (ISO 8601, "+00:00"), moved back by whole years; NULL stays NULL.
  return `(strftime('%Y-%m-%dT%H:%M:%f', "${column}", '-${years} years') || '+00:00')`;
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((column) => column.name);
}

/** Copies the original rows of `table`, `years` back, with overridden expressions for some columns. */
function copyBack(
  db: Database.Database,
  table: string,
  years: number,
  dates: readonly string[],
  overrides: Record<string, string>,
): number {
  const columns = columnsOf(db, table);
  const suffix = `'${COPY_MARK}${years}'`;
  const expressions = columns.map(
    (column) =>
      overrides[column] ??
      (column === "id" ? `"id" || ${suffix}` : dates.includes(column) ? shifted(column, years) : `"${column}"`),
  );
  const sql = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) SELECT ${expressions.join(", ")} FROM "${table}" WHERE "id" NOT LIKE '%${COPY_MARK}%'`;
  return db.prepare(sql).run().changes;
}

async function growHistory(target: number): Promise<void> {
  const db = new Database(FILE, { fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const original = count(`SELECT COUNT(*) AS n FROM "Claim" WHERE "id" NOT LIKE '%${COPY_MARK}%'`);
    const years = Math.ceil(target / original) - 1;
    const engineer = (
      db.prepare(`SELECT "id" FROM "User" WHERE "role" = 'ENGINEER' ORDER BY "id" LIMIT 1`).get() as { id: string }
    ).id;
    // The copied tables' indexes are dropped while rows are copied and built again afterwards:
    // building an index once is many times faster than keeping seventeen of them up to date row by row.
    const indexes = db
      .prepare(
        `SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL AND "tbl_name" IN ('Claim', 'Deal', 'Survey', 'QuizAttempt')`,
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    for (let year = 1; year <= years; year++) {
      if (
        count(
          `SELECT COUNT(*) AS n FROM "Claim" WHERE "id" = (SELECT "id" FROM "Claim" WHERE "id" NOT LIKE '%${COPY_MARK}%' LIMIT 1) || '${COPY_MARK}${year}'`,
        ) > 0
      )
        continue;
      const started = performance.now();
      const suffix = `'${COPY_MARK}${year}'`;
      db.transaction(() => {
        copyBack(db, "Deal", year, ["closedAt", "createdAt", "updatedAt"], { externalId: `"externalId" || ${suffix}` });
        copyBack(
          db,
          "Survey",
          year,
          ["dueAt", "tokenCreatedAt", "sentAt", "respondedAt", "answerRecordedAt", "createdAt", "updatedAt"],
          {
            dealId: `"dealId" || ${suffix}`,
            tokenHash: "NULL",
            tokenCreatedAt: "NULL",
          },
        );
        copyBack(db, "Claim", year, ["madeAt", "verifiedAt", "customerCorrectedAt", "createdAt", "updatedAt"], {
          dealId: `CASE WHEN "dealId" IS NULL THEN NULL ELSE "dealId" || ${suffix} END`,
          surveyId: "NULL",
          candidateId: "NULL",
          verdictBin: "NULL",
          status: `CASE "status" WHEN 'PENDING' THEN 'ACCURATE' ELSE "status" END`,
          severity: `CASE WHEN "status" = 'PENDING' THEN 'MEDIUM' ELSE "severity" END`,
          verifiedById: `COALESCE("verifiedById", '${engineer}')`,
          verifiedAt: `CASE WHEN "verifiedAt" IS NULL THEN strftime('%Y-%m-%dT%H:%M:%f', "createdAt", '-${year} years', '+36 hours') || '+00:00' ELSE ${shifted("verifiedAt", year)} END`,
        });
        copyBack(db, "QuizAttempt", year, ["startedAt", "deadline", "submittedAt"], { snapshotJson: `'[]'` });
      })();
      console.log(
        `History copied ${year} year(s) back in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${load()})`,
      );
    }
    const indexed = performance.now();
    for (const index of indexes) db.exec(index.sql);
    console.log(`${indexes.length} indexes built again in ${((performance.now() - indexed) / 1000).toFixed(1)} s`);
    const { rebuildRollupsSql } = await import("../../app/models/rollups.server.ts");
    const started = performance.now();
    db.transaction(() => {
      for (const statement of rebuildRollupsSql()) db.exec(statement);
    })();
    console.log(`Rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    db.pragma("synchronous = NORMAL");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- timing

interface Sample {
  /** Wall-clock milliseconds. */
  wall: number;
  /** Milliseconds of CPU this process used: on a machine shared with other work, the loader's own cost. */
  cpu: number;
}

function summary(samples: readonly Sample[]): string {
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
  };
  const wall = samples.map((sample) => sample.wall);
  const cpu = samples.map((sample) => sample.cpu);
  return `wall median ${quantile(wall, 0.5)} ms, p95 ${quantile(wall, 0.95)} ms; CPU median ${quantile(cpu, 0.5)} ms, p95 ${quantile(cpu, 0.95)} ms`;
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await run();
    const used = process.cpuUsage(cpu);
    samples.push({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 });
  }
  return samples;
}

async function main() {
  if (GROW_TO !== null) await growHistory(GROW_TO);
  // Imported now: the app's client reads DATABASE_URL when first imported.
  const { prisma } = await import("../../app/lib/db.server.ts");
  const dashboard = await import("../../app/models/dashboard.server.ts");
  const { listUnloggedPromises } = await import("../../app/models/coverage.server.ts");
  const { samePointInPrevious } = await import("../../app/domain/dashboard-period.ts");
  const { loader } = await import("../../app/routes/_app.dashboard.tsx");
  const { signIn, ORIGIN } = await import("../integration/support/sign-in.ts");
  try {
    const [claims, rollupRows, salespeople] = await Promise.all([
      prisma.claim.count(),
      prisma.monthlyRollup.count(),
      prisma.user.count({ where: { role: "SALES" } }),
    ]);
    console.log(
      `${claims.toLocaleString("en")} claims, ${salespeople.toLocaleString("en")} salespeople, ${rollupRows.toLocaleString("en")} monthly rollup rows`,
    );

    const cookie = await signIn("admin@candor.test");
    const request = () => new Request(`${ORIGIN}/dashboard`, { headers: { cookie } });
    const page = await loader({ request: request(), params: {}, context: {} });
    if (!page.dashboard) throw new Error("The admin's dashboard shows no figures: is the database seeded?");
    console.log(
      `Admin, every team (${page.teams.length} teams), period ${page.period?.name}: ${page.dashboard.kpis.claims.toLocaleString("en")} claims in the period`,
    );

    await timed(3, () => loader({ request: request(), params: {}, context: {} }));
    console.log(`load average before: ${load()}`);
    const whole = await timed(RUNS, () => loader({ request: request(), params: {}, context: {} }));
    console.log(`/dashboard loader (admin, every team), ${RUNS} runs: ${summary(whole)}`);
    console.log(`load average after: ${load()}`);

    // Each part on its own, to see where the time goes.
    const teams = await dashboard.listDashboardTeams({ kind: "all" });
    const teamIds = teams.map((team) => team.id);
    const { chosen } = await dashboard.chooseDashboardPeriods(null);
    if (!chosen) throw new Error("no period");
    const { current, previous } = chosen;
    const now = new Date();
    const asOf = previous ? samePointInPrevious(current, previous, now) : null;
    const parts: Array<[string, () => Promise<unknown>]> = [
      ["key figures, this period", () => dashboard.getKpis(teamIds, current, now)],
      [
        "key figures, previous period",
        () => (previous ? dashboard.getKpis(teamIds, previous, now) : Promise.resolve(null)),
      ],
      [
        "backlog at the same point",
        () => (previous && asOf ? dashboard.getBacklogKpisAsOf(teamIds, previous, asOf) : Promise.resolve(null)),
      ],
      ["accuracy by month", () => dashboard.getMonthlyAccuracy(teams, current)],
      ["accuracy vs satisfaction", () => dashboard.getAccuracyVsSatisfaction(teamIds, current)],
      ["misrepresented capabilities", () => dashboard.getMisrepresentedCapabilities(teamIds, current)],
      ["quiz score distribution", () => dashboard.getQuizDistribution(teamIds, current)],
      ["verification backlog", () => dashboard.getVerificationBacklog(teamIds, now)],
      ["unlogged promises", () => listUnloggedPromises(teamIds, current)],
      ["open disputes", () => dashboard.countOpenDisputesInTeams(teamIds)],
    ];
    for (const [name, run] of parts)
      console.log(`  ${name.padEnd(30)} ${summary(await timed(Math.max(5, Math.floor(RUNS / 3)), run))}`);

    if (COMPARE) {
      // The figures the rollups feed, read from the rows as before (tests/integration/support/dashboard-direct.ts).
      const direct = await import("../integration/support/dashboard-direct.ts");
      /** The same figures, from whichever source computes them. */
      const figuresFrom =
        (source: {
          kpis: typeof dashboard.getKpis;
          backlogKpisAsOf: typeof dashboard.getBacklogKpisAsOf;
          monthlyAccuracy: typeof dashboard.getMonthlyAccuracy;
          accuracyVsSatisfaction: typeof dashboard.getAccuracyVsSatisfaction;
          misrepresentedCapabilities: typeof dashboard.getMisrepresentedCapabilities;
        }) =>
        () =>
          Promise.all([
            source.kpis(teamIds, current, now),
            previous ? source.kpis(teamIds, previous, now) : null,
            previous && asOf ? source.backlogKpisAsOf(teamIds, previous, asOf) : null,
            source.monthlyAccuracy(teams, current),
            source.accuracyVsSatisfaction(teamIds, current),
            source.misrepresentedCapabilities(teamIds, current),
          ]);
      const directFigures = figuresFrom({
        kpis: direct.directKpis,
        backlogKpisAsOf: direct.directBacklogKpisAsOf,
        monthlyAccuracy: direct.directMonthlyAccuracy,
        accuracyVsSatisfaction: direct.directAccuracyVsSatisfaction,
        misrepresentedCapabilities: direct.directMisrepresentedCapabilities,
      });
      const rollupFigures = figuresFrom({
        kpis: dashboard.getKpis,
        backlogKpisAsOf: dashboard.getBacklogKpisAsOf,
        monthlyAccuracy: dashboard.getMonthlyAccuracy,
        accuracyVsSatisfaction: dashboard.getAccuracyVsSatisfaction,
        misrepresentedCapabilities: dashboard.getMisrepresentedCapabilities,
      });
      const runs = Math.max(5, Math.floor(RUNS / 3));
      console.log(`The figures the rollups feed (tiles, same-point backlog, three charts), ${runs} runs each:`);
      console.log(`  from the rows (before)         ${summary(await timed(runs, directFigures))}`);
      console.log(`  from the rollups (now)         ${summary(await timed(runs, rollupFigures))}`);
    }
    console.log(`load average at the end: ${load()}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
