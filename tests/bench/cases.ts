// The pages and actions `npm run bench` measures. Later features add their cases here.
// `as` names the demo account to sign in as (every scale database has them).

export type BenchAccount = "admin" | "manager" | "engineer" | "sales";

export interface BenchCase {
  name: string;
  path: string;
  as?: BenchAccount;
  method?: "GET" | "POST";
  /** Form fields for POST cases. */
  form?: Record<string, string>;
  /** A target from an issue, shown beside the measured median (informative, never enforced here). */
  targetMedianMs?: number;
  /**
   * For pages addressed by a generated id: a read-only SQL query on the scale database returning
   * one row with a `path` column, used instead of `path` (which then only names the page). Written
   * in SQL both databases read (`npm run bench -- --db postgres`): quoted identifiers.
   */
  resolvePath?: string;
  /**
   * POST a CSV file (multipart field "file", plus `form`) that run.ts builds from the scale database;
   * "deals-10000-json": the same 10,000 deals (under their own ids) as the JSON API's array.
   */
  upload?: "deals-10000" | "deals-10000-json";
  /** Call the JSON API with a bearer token of this scope, which run.ts creates in the scale database. */
  apiToken?: "deals:write";
  /**
   * Measured in the bench process itself, without HTTP (run.ts): "conversation-matching" parses,
   * indexes and matches a 12,000-word transcript against the scale matrix
   * (tests/bench/conversation-matching.ts). `path` then only names what is measured.
   */
  inProcess?: "conversation-matching";
  /** Fewer sequential requests than BENCH_REQUESTS, for cases that each take seconds. */
  requests?: number;
  /** false: no requests/s under concurrent load (each request recomputes or re-imports for seconds). */
  load?: false;
}

export const FLOOR_CASE: BenchCase = { name: "floor: /healthz (trivial route)", path: "/healthz" };

export const BENCH_CASES: BenchCase[] = [
  { name: "sign-in page (anonymous)", path: "/login" },
  { name: "salesperson home", path: "/home", as: "sales" },
  { name: "engineer home", path: "/engineering", as: "engineer" },
  // KPI tiles with the previous period's, five charts' data, all SQL aggregates; with PRODUCT.md §7
  // the page also counts coverage and lists the unlogged promises of the manager's four teams.
  { name: "manager dashboard (document)", path: "/dashboard", as: "manager", targetMedianMs: 150 },
  { name: "admin users list", path: "/admin/users", as: "admin" },
  { name: "audit log, first page (admin)", path: "/audit", as: "admin" },
  // Target: the claims table answers a filtered, sorted page in under 100 ms at the median.
  {
    name: "claims table, manager, filtered+sorted",
    path: "/claims?status=INACCURATE&sort=madeAt&dir=desc",
    as: "manager",
    targetMedianMs: 100,
  },
  { name: "claims table, engineer, all claims page 1", path: "/claims", as: "engineer", targetMedianMs: 100 },
  {
    name: "claims table, engineer, product+matrix check filter, page 3",
    path: "/claims?product=fieldbook&matrixCheck=OVERSTATES&page=3",
    as: "engineer",
    targetMedianMs: 100,
  },
  // Every claim of the demo manager's four teams (20,000 rows on the scale data), streamed.
  { name: "claims CSV export, manager's teams", path: "/claims.csv", as: "manager" },
  // Target: item statistics of the quiz with the most attempts (about 8,500 of the 20,000), in under 1 s.
  {
    name: "quiz item statistics, largest quiz",
    path: "/quizzes/<most attempted>/stats",
    resolvePath: `SELECT '/quizzes/' || "quizId" || '/stats' AS path FROM "QuizAttempt" GROUP BY "quizId" ORDER BY COUNT(*) DESC LIMIT 1`,
    as: "engineer",
    targetMedianMs: 1000,
  },
  // Target: the team scorecard, the manager's ~100 salespeople, lowest accuracy first.
  { name: "team scorecard (manager)", path: "/dashboard/scorecard", as: "manager", targetMedianMs: 100 },
  // Every team of the company (1,000 salespeople, 200,000 claims): informative, no target.
  { name: "manager dashboard, admin, every team (document)", path: "/dashboard", as: "admin" },
  // Target: computing the open period for every salesperson (982 active on the scale data), prior-period
  // adjustments included, in under 3 s; each request recomputes, so a few requests and no load.
  {
    name: "comp: compute the open period, admin (POST)",
    path: "/comp/<open period>",
    resolvePath: `SELECT '/comp/' || "name" AS path FROM "CompPeriod" WHERE "status" = 'OPEN' ORDER BY "startsAt" DESC LIMIT 1`,
    as: "admin",
    method: "POST",
    form: { intent: "compute" },
    targetMedianMs: 3000,
    requests: 5,
    load: false,
  },
  // One locked statement, read from its frozen figures: the demo salesperson's latest locked period.
  {
    name: "comp: statement page (salesperson, locked period)",
    path: "/comp/<latest locked>/<sales@candor.test>",
    resolvePath: `SELECT '/comp/' || p."name" || '/' || s."userId" AS path FROM "CompStatement" s JOIN "CompPeriod" p ON p."id" = s."periodId" JOIN "User" u ON u."id" = s."userId" WHERE u."email" = 'sales@candor.test' AND p."status" = 'LOCKED' ORDER BY p."startsAt" DESC LIMIT 1`,
    as: "sales",
  },
  // Target: importing 10,000 deal rows in under 5 s. The first request creates the deals (its time is
  // printed as "first"); the rest re-import the same file, which must change nothing.
  {
    name: "deals import, 10,000 rows, admin (POST)",
    path: "/deals/import",
    as: "admin",
    method: "POST",
    form: { intent: "import" },
    upload: "deals-10000",
    targetMedianMs: 5000,
    requests: 5,
    load: false,
  },
  { name: "surveys overview, manager's teams (SQL aggregates)", path: "/surveys", as: "manager" },
  { name: "surveys overview, admin, every team", path: "/surveys?months=all", as: "admin" },
  { name: "deals list, manager, search", path: "/deals?q=Account", as: "manager" },
  // Target: POST /api/v1/deals with 10,000 deals, within the CSV import's budget above (compare the two
  // cases' "first", which creates the deals, and medians, which re-post them unchanged).
  {
    name: "api deals, 10,000 deals as JSON (POST /api/v1/deals)",
    path: "/api/v1/deals",
    method: "POST",
    upload: "deals-10000-json",
    apiToken: "deals:write",
    targetMedianMs: 5000,
    requests: 5,
    load: false,
  },
  // PRODUCT.md §7: the pure part of a conversation import — parse, sentences, index, match every
  // capability of the scale matrix, read the asserted levels — on a 12,000-word call, in-process.
  {
    name: "conversation matching: a 12,000-word transcript against the scale matrix",
    path: "(in-process) parse + index + match",
    inProcess: "conversation-matching",
  },
];
