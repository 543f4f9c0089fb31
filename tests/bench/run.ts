// `npm run bench`: measures Candor's pages on the scale data (PRODUCT.md §6) against the
// production build, served as `npm start` serves it (WEB_CONCURRENCY workers, one per core by
// default), on SQLite or, with `--db postgres`, on PostgreSQL (ADR 023). For each case:
//   - median and p95 of sequential requests (one at a time: the page's own cost);
//   - its SQL floor: the server records the statements of one request of the page (bench mode,
//     CANDOR_QUERY_LOG, app/lib/query-log.server.ts), which are replayed on the same database
//     directly (tests/bench/sql-floor.ts); the floor is the median time of that replay;
//   - the ratio page ÷ (healthz + SQL floor): how many times its irreducible cost the page takes
//     (the trivial /healthz route is the cost of HTTP and the framework);
//   - requests/s with 10 concurrent connections (autocannon).
// Then the JavaScript weight of every page from the build's manifest (tests/bench/weight.ts).
//
//   npm run bench                          # every case on 200,000 claims (data/scale.db)
//   npm run bench -- --db postgres         # the same on PostgreSQL (database candor_bench on the
//                                          # machine's server, started if needed: scripts/postgres.ts)
//   npm run bench -- --only dashboard      # cases whose name contains "dashboard"
//   npm run bench -- --reseed              # rebuild the scale data first
//   npm run bench -- --growth              # also 2,000,000 claims, and how each page grows
//   npm run bench -- --sizes 200k,1m       # the sizes of the growth table
//   BENCH_REQUESTS=20 npm run bench        # fewer sequential requests per case (default 60)
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Dialect } from "../../app/lib/database-url.ts";
import { RECORD_QUERIES_HEADER } from "../../app/lib/query-log.server.ts";
import { BUILD_DIR, ROOT, remixBuild } from "../../scripts/lib.ts";
import { signInOverHttp } from "../support/http-sign-in.ts";
import { BENCH_CASES, FLOOR_CASE, type BenchAccount, type BenchCase } from "./cases.ts";
import { conversationMatchingCase } from "./conversation-matching.ts";
import { fixed, growthRows, pageRatio, parseSize, percentile, sizeLabel, statementsOf, textTable } from "./report.ts";
import { prepareScaleDatabase, type ScaleDatabase } from "./scale-database.ts";
import { postgresSqlFloor, sqlFloor, type SqlFloor } from "./sql-floor.ts";
import { printWeights, weighBuild } from "./weight.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;
const DATA = path.join(ROOT, "data");
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option("--only");

function dialectFromArgs(): Dialect {
  const db = option("--db") ?? "sqlite";
  if (db === "sqlite" || db === "postgres") return db;
  throw new Error(`--db takes sqlite or postgres (got "${db}")`);
}
const DB = dialectFromArgs();

const RESULTS = path.join(DATA, DB === "postgres" ? "bench-results-postgres.json" : "bench-results.json");
const QUERY_LOG = path.join(DATA, "bench-queries.jsonl");
const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CONNECTIONS = 10;
/** The growth table's larger size is meant to seed within this long. */
const SEED_BUDGET_MS = 10 * 60_000;

const ACCOUNTS: Record<BenchAccount, string> = {
  admin: "admin@candor.test",
  manager: "manager@candor.test",
  engineer: "engineer@candor.test",
  sales: "sales@candor.test",
};

function sizesFromArgs(): number[] {
  const text = option("--sizes") ?? (args.includes("--growth") ? "200k,2m" : "200k");
  const sizes = text.split(",").map((part) => parseSize(part));
  if (sizes.some((size) => size === null)) throw new Error(`--sizes takes claim counts like 200k,2m (got "${text}")`);
  return sizes.filter((size): size is number => size !== null);
}

/** Seeds the size's scale database when missing (or with --reseed); returns it and the seconds the seed took, or null. */
async function prepareScale(claims: number): Promise<{ database: ScaleDatabase; seedSeconds: number | null }> {
  const prepared = await prepareScaleDatabase(DB, claims, args.includes("--reseed"));
  const { seedSeconds } = prepared;
  if (seedSeconds !== null) {
    console.log(`Scale data with ${sizeLabel(claims)} claims loaded in ${seedSeconds.toFixed(1)} s`);
    if (seedSeconds * 1000 > SEED_BUDGET_MS)
      console.log(`  (over the 10 minutes a growth size should take; choose a smaller one with --sizes)`);
  }
  return prepared;
}

let server: ChildProcess | null = null;

/** `npm start` in a node process of its own (tsx as a loader), so SIGTERM reaches its primary. */
async function startServer(database: ScaleDatabase): Promise<ChildProcess> {
  rmSync(QUERY_LOG, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(PORT),
      SESSION_SECRET: "bench-session-secret-0123456789-abcdef",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
      // Bench mode: statements of requests that ask for it are logged here (never set in production).
      CANDOR_QUERY_LOG: QUERY_LOG,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  server = child;
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up (${child.exitCode})`);
    try {
      if ((await send(`${ORIGIN}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start within four minutes");
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await gone;
}

/**
 * fetch, asked again once when the connection was closed before an answer came: after a long
 * synchronous replay (sql-floor.ts) the pool may hand out a connection the server has just
 * closed for idleness. Every case's request may be repeated (reads, and POSTs that change nothing
 * when repeated).
 */
async function send(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url, init);
  }
}

function signIn(email: string): Promise<string> {
  return signInOverHttp(ORIGIN, email, send);
}

/**
 * The multipart body of an upload case. "deals-10000": a CRM export of 10,000 deals owned by the
 * scale data's active salespeople in email order, so every run posts the same file. Closed in 2020,
 * their surveys fall outside every period and window the other cases measure.
 */
async function uploadBody(
  database: ScaleDatabase,
  benchCase: BenchCase,
): Promise<{ contentType: string; body: string } | null> {
  if (!benchCase.upload) return null;
  // Sorted here by code point (SQLite's BINARY order): PostgreSQL's ORDER BY follows its collation.
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const owners = (
    await database.rows<{ email: string }>(`SELECT "email" FROM "User" WHERE "role" = 'SALES' AND "active" = TRUE`)
  )
    .map((row) => row.email)
    .sort(byCodePoint);
  const products = (await database.rows<{ slug: string }>(`SELECT "slug" FROM "Product"`))
    .map((row) => row.slug)
    .sort(byCodePoint);
  if (benchCase.upload === "deals-10000-json")
    return { contentType: "application/json", body: JSON.stringify(apiBenchDeals(owners, products)) };
  const lines = ["External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date"];
  for (let i = 1; i <= 10_000; i++) {
    const status = ["WON", "LOST", "OPEN"][i % 3] ?? "OPEN";
    const closed = status === "OPEN" ? "" : new Date(Date.UTC(2020, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    lines.push(
      `BENCH-DEAL-${String(i).padStart(5, "0")},Bench Account ${i % 2000},Contact ${i},contact${i}@bench.example,${owners[i % owners.length]},${products[i % products.length] ?? ""},${1000 + (i % 97) * 250}.00,${status},${closed}`,
    );
  }
  const boundary = "----candor-bench-boundary";
  const parts = Object.entries(benchCase.form ?? {}).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="deals.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join("\n")}\r\n--${boundary}--\r\n`,
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: parts.join("") };
}

/** The CSV case's 10,000 deals as the JSON API takes them, under their own ids so both cases create theirs. */
function apiBenchDeals(owners: string[], products: string[]) {
  return Array.from({ length: 10_000 }, (_, index) => {
    const i = index + 1;
    const status = ["WON", "LOST", "OPEN"][i % 3] ?? "OPEN";
    return {
      externalId: `BENCH-API-DEAL-${String(i).padStart(5, "0")}`,
      account: `Bench Account ${i % 2000}`,
      contactName: `Contact ${i}`,
      contactEmail: `contact${i}@bench.example`,
      ownerEmail: owners[i % owners.length] ?? "",
      product: products[i % products.length] ?? null,
      amount: 1000 + (i % 97) * 250,
      status,
      closedAt: status === "OPEN" ? null : new Date(Date.UTC(2020, 0, 1 + (i % 365))).toISOString().slice(0, 10),
    };
  });
}

const apiTokens = new Map<string, string>();

/** An API token of the scope, made straight in the scale database (the server has applied its migrations by now). */
async function apiTokenFor(database: ScaleDatabase, scope: string): Promise<string> {
  const key = `${database.url}\n${scope}`;
  const known = apiTokens.get(key);
  if (known) return known;
  const token = `cnd_${randomBytes(32).toString("base64url")}`;
  const [admin] = await database.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, [ACCOUNTS.admin]);
  if (!admin) throw new Error(`The scale database has no ${ACCOUNTS.admin}`);
  await database.run(
    `INSERT INTO "ApiToken" ("id", "name", "tokenHash", "prefix", "scopes", "createdById", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      `bench-${randomBytes(8).toString("hex")}`,
      `Bench ${scope}`,
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 12),
      scope,
      admin.id,
      new Date(),
    ],
  );
  apiTokens.set(key, token);
  return token;
}

interface CaseResult {
  name: string;
  path: string;
  as: BenchAccount | null;
  status: number;
  firstMs: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  /** null: not measured under load (inProcess, or `load: false`). */
  requestsPerSecond: number | null;
  loadErrors: number;
  targetMedianMs: number | null;
  sql: SqlFloor | null;
  /** page ÷ (healthz + SQL floor); null for the in-process case. */
  ratio: number | null;
}

/** One request of the page with its statements recorded, replayed for the SQL floor. */
async function recordSqlFloor(database: ScaleDatabase, url: string, init: () => RequestInit): Promise<SqlFloor> {
  const base = init();
  const response = await send(url, {
    ...base,
    headers: { ...(base.headers as Record<string, string>), [RECORD_QUERIES_HEADER]: "1" },
  });
  await response.arrayBuffer();
  const requestId = response.headers.get("x-request-id");
  if (!requestId) throw new Error(`${url} answered without an X-Request-Id`);
  const statements = statementsOf(existsSync(QUERY_LOG) ? readFileSync(QUERY_LOG, "utf8") : "", requestId);
  return database.dialect === "postgres"
    ? postgresSqlFloor(database.url, statements)
    : sqlFloor(database.url.replace(/^file:/, ""), statements);
}

async function measure(
  database: ScaleDatabase,
  benchCase: BenchCase,
  cookie: string | undefined,
): Promise<Omit<CaseResult, "ratio">> {
  const upload = await uploadBody(database, benchCase);
  const token = benchCase.apiToken ? await apiTokenFor(database, benchCase.apiToken) : undefined;
  const init = (): RequestInit => ({
    method: benchCase.method ?? "GET",
    redirect: "manual",
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(upload
        ? { "content-type": upload.contentType }
        : benchCase.form
          ? { "content-type": "application/x-www-form-urlencoded" }
          : {}),
    },
    body: upload ? upload.body : benchCase.form ? new URLSearchParams(benchCase.form) : undefined,
  });
  const url = ORIGIN + benchCase.path;
  const firstStarted = performance.now();
  const first = await send(url, init());
  await first.arrayBuffer();
  const firstMs = performance.now() - firstStarted;
  if (first.status >= 400) throw new Error(`${benchCase.name}: ${benchCase.path} answered ${first.status}`);
  const requests = Math.min(SEQUENTIAL_REQUESTS, benchCase.requests ?? SEQUENTIAL_REQUESTS);
  for (let warm = 0; warm < (requests < 10 ? 1 : 5); warm++) await (await send(url, init())).arrayBuffer();
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await send(url, init());
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const load =
    benchCase.load === false
      ? null
      : await autocannon({
          url,
          method: benchCase.method ?? "GET",
          connections: LOAD_CONNECTIONS,
          duration: LOAD_SECONDS,
          headers: init().headers as Record<string, string>,
          body: upload ? upload.body : benchCase.form ? new URLSearchParams(benchCase.form).toString() : undefined,
        });
  const sql = await recordSqlFloor(database, url, init);
  return {
    name: benchCase.name,
    path: benchCase.path,
    as: benchCase.as ?? null,
    status: first.status,
    firstMs: Number(firstMs.toFixed(2)),
    requests: latencies.length,
    medianMs: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
    requestsPerSecond: load ? Number(load.requests.average.toFixed(1)) : null,
    // Connection errors and timeouts, and 4xx/5xx answers; a POST's 302 redirect is its success.
    loadErrors: load ? load.errors + load["4xx"] + load["5xx"] : 0,
    targetMedianMs: benchCase.targetMedianMs ?? null,
    sql,
  };
}

/** An in-process case: the same figures as a page's, from calls of a function instead of requests. */
async function measureInProcess(database: ScaleDatabase, benchCase: BenchCase): Promise<Omit<CaseResult, "ratio">> {
  const work = await conversationMatchingCase(database);
  const firstStarted = performance.now();
  const candidates = work.run();
  const firstMs = performance.now() - firstStarted;
  for (let warm = 0; warm < 5; warm++) work.run();
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
    const started = performance.now();
    work.run();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  console.log(`  (${work.words} words, ${work.capabilities} capabilities, ${candidates} candidates)`);
  return {
    name: benchCase.name,
    path: benchCase.path,
    as: null,
    status: 200,
    firstMs: Number(firstMs.toFixed(2)),
    requests: latencies.length,
    medianMs: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
    requestsPerSecond: null,
    loadErrors: 0,
    targetMedianMs: benchCase.targetMedianMs ?? null,
    sql: null,
  };
}

/** A case whose page is addressed by a generated id names it with a query on the scale database. */
async function resolveCasePath(database: ScaleDatabase, benchCase: BenchCase): Promise<BenchCase> {
  if (!benchCase.resolvePath) return benchCase;
  const [row] = await database.rows<{ path?: unknown }>(benchCase.resolvePath);
  if (typeof row?.path !== "string") throw new Error(`${benchCase.name}: its resolvePath query returned no path`);
  return { ...benchCase, path: row.path };
}

function resultRow(result: CaseResult): string[] {
  const target = result.targetMedianMs ? `< ${result.targetMedianMs}` : "";
  const sql = result.sql;
  const failed = sql && sql.failed > 0 ? ` (${sql.failed} failed)` : "";
  return [
    result.name,
    fixed(result.medianMs),
    fixed(result.p95Ms),
    sql ? fixed(sql.floorMs, 2) : "-",
    sql ? `${sql.statements}${failed}` : "-",
    result.ratio === null ? "-" : `${fixed(result.ratio)}×`,
    result.requestsPerSecond === null ? "-" : fixed(result.requestsPerSecond, 0),
    target,
  ];
}

const HEADER = [
  "case",
  "median ms",
  "p95 ms",
  "SQL floor ms",
  "statements",
  "ratio",
  `req/s @${LOAD_CONNECTIONS}`,
  "target ms",
];

async function benchSize(claims: number) {
  const { database, seedSeconds } = await prepareScale(claims);
  console.log(
    `\n== ${sizeLabel(claims)} claims (${database.label}); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} ==`,
  );
  await startServer(database);
  try {
    const cookies = new Map<BenchAccount, string>();
    const cases = [FLOOR_CASE, ...BENCH_CASES.filter((c) => !only || c.name.includes(only))];
    const results: CaseResult[] = [];
    let healthzMedian = Number.NaN;
    for (const benchCase of cases) {
      if (benchCase.as && !cookies.has(benchCase.as)) cookies.set(benchCase.as, await signIn(ACCOUNTS[benchCase.as]));
      const measured = benchCase.inProcess
        ? await measureInProcess(database, benchCase)
        : await measure(
            database,
            await resolveCasePath(database, benchCase),
            benchCase.as ? cookies.get(benchCase.as) : undefined,
          );
      if (benchCase === FLOOR_CASE) healthzMedian = measured.medianMs;
      const result: CaseResult = {
        ...measured,
        ratio: measured.sql ? pageRatio(measured.medianMs, healthzMedian, measured.sql.floorMs) : null,
      };
      results.push(result);
      const [name, median, p95, floor, statements, ratio, rps, target] = resultRow(result);
      const first = benchCase.upload ? `  first ${result.firstMs.toFixed(0)} ms` : "";
      console.log(
        `${(name ?? "").padEnd(60)} median ${median} ms  p95 ${p95} ms  SQL ${floor} ms in ${statements} statements  ratio ${ratio}  ${rps} req/s${target ? ` (target ${target} ms)` : ""}${first}`,
      );
    }
    console.log(`\n${sizeLabel(claims)} claims: page ÷ (healthz ${fixed(healthzMedian)} ms + its SQL floor)`);
    console.log(textTable(HEADER, results.map(resultRow)));
    return { claims, database: database.label, seedSeconds, loadAverage: loadavg(), results };
  } finally {
    await stopServer();
  }
}

async function main() {
  const sizes = sizesFromArgs();
  if (!existsSync(path.join(BUILD_DIR, "server/index.js")) || args.includes("--rebuild")) remixBuild();
  const workers = process.env.WEB_CONCURRENCY ?? `${availableParallelism()} (one per core)`;
  console.log(
    `Bench${DB === "postgres" ? " on PostgreSQL" : ""}: ${SEQUENTIAL_REQUESTS} sequential requests a case, ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s; ${workers} workers; Node ${process.version}`,
  );
  const runs = [];
  for (const claims of sizes) runs.push(await benchSize(claims));
  const [smallest, largest] = [runs[0], runs.at(-1)];
  if (smallest && largest && runs.length > 1) {
    const toSized = (run: typeof smallest) =>
      run.results.map((result) => ({
        name: result.name,
        medianMs: result.medianMs,
        sqlFloorMs: result.sql?.floorMs ?? null,
      }));
    const rows = growthRows(toSized(smallest), toSized(largest));
    const [a, b] = [sizeLabel(smallest.claims), sizeLabel(largest.claims)];
    console.log(`\nGrowth from ${a} to ${b} claims (×${(largest.claims / smallest.claims).toFixed(0)} the data)`);
    console.log(
      textTable(
        ["case", `median ${a}`, `median ${b}`, "growth", `SQL ${a}`, `SQL ${b}`, "SQL growth"],
        rows.map((row) => [
          row.name,
          fixed(row.small),
          fixed(row.large),
          row.growth === null ? "-" : `${fixed(row.growth, 2)}×`,
          fixed(row.floorSmall, 2),
          fixed(row.floorLarge, 2),
          row.floorGrowth === null ? "-" : `${fixed(row.floorGrowth, 2)}×`,
        ]),
      ),
    );
  }
  let weight = null;
  if (!args.includes("--no-weight")) {
    weight = weighBuild(BUILD_DIR, path.join(ROOT, "app"));
    printWeights(weight, path.join(ROOT, "app"));
  }
  mkdirSync(DATA, { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        webConcurrency: process.env.WEB_CONCURRENCY ?? null,
        sequentialRequests: SEQUENTIAL_REQUESTS,
        loadSeconds: LOAD_SECONDS,
        loadConnections: LOAD_CONNECTIONS,
        runs,
        weight: weight && {
          limitKb: 100,
          pages: weight.weights.map(({ chunks: _chunks, ...page }) => page),
          heavy: weight.heavy.map((page) => page.url),
          unexpectedRecharts: weight.unexpectedRecharts,
        },
      },
      null,
      2,
    ),
  );
  console.log(`\nWritten to ${path.relative(ROOT, RESULTS)}`);
}

const stopOnSignal = () => {
  void stopServer().finally(() => process.exit(130));
};
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

try {
  await main();
} finally {
  await stopServer();
}
