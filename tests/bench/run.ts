// `npm run bench`: measures Candor's pages on the scale database (PRODUCT.md §6)
// against the production build. For each case: median and p95 latency of
// sequential requests (one at a time, so the figure is the page's own cost),
// then requests/s under concurrent load from autocannon. The trivial /healthz
// route is measured in the same run as the framework's floor.
//
//   npm run bench                     # all cases
//   npm run bench -- --only dashboard # cases whose name contains "dashboard"
//   npm run bench -- --reseed         # rebuild the scale database first
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BUILD_DIR, ROOT, prismaCli, remixBuild, tsx } from "../../scripts/lib.ts";
import { CookieJar } from "../support/cookie-jar.ts";
import { BENCH_CASES, FLOOR_CASE, type BenchAccount, type BenchCase } from "./cases.ts";
import { conversationMatchingCase } from "./conversation-matching.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://localhost:${PORT}`;
const SCALE_DB = path.join(ROOT, "data/scale.db");
const RESULTS = path.join(ROOT, "data/bench-results.json");
const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CONNECTIONS = 8;

const ACCOUNTS: Record<BenchAccount, string> = {
  admin: "admin@candor.test",
  manager: "manager@candor.test",
  engineer: "engineer@candor.test",
  sales: "sales@candor.test",
};

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

function prepareScaleDatabase() {
  if (existsSync(SCALE_DB) && !args.includes("--reseed")) return;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(SCALE_DB + suffix, { force: true });
  mkdirSync(path.dirname(SCALE_DB), { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${SCALE_DB}` };
  prismaCli(["migrate", "deploy"], env);
  const started = Date.now();
  tsx(["seed/cli.ts", "--scale", "large"], env);
  console.log(`Scale data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${SCALE_DB}`, PORT: String(PORT), SESSION_SECRET: "bench-session-secret-0123456789-abcdef", LOGIN_MAX_FAILURES_PER_ADDRESS: "1000" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${ORIGIN}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error("The server did not start within two minutes");
}

async function signIn(email: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${ORIGIN}/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${ORIGIN}/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: "candor-demo", callbackUrl: "/" }),
  });
  const cookie = jar.keep(response).header();
  if (!cookie.includes("session-token=")) throw new Error(`Could not sign in as ${email}`);
  return cookie;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * The multipart body of an upload case. "deals-10000": a CRM export of 10,000 deals owned by the
 * scale data's active salespeople in email order, so every run posts the same file. Closed in 2020,
 * their surveys fall outside every period and window the other cases measure.
 */
function uploadBody(benchCase: BenchCase): { contentType: string; body: string } | null {
  if (!benchCase.upload) return null;
  const db = new Database(SCALE_DB, { readonly: true });
  let owners: string[];
  let products: string[];
  try {
    owners = (db.prepare("SELECT email FROM User WHERE role = 'SALES' AND active = 1 ORDER BY email").all() as Array<{ email: string }>).map((row) => row.email);
    products = (db.prepare("SELECT slug FROM Product ORDER BY slug").all() as Array<{ slug: string }>).map((row) => row.slug);
  } finally {
    db.close();
  }
  if (benchCase.upload === "deals-10000-json") return { contentType: "application/json", body: JSON.stringify(apiBenchDeals(owners, products)) };
  const lines = ["External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date"];
  for (let i = 1; i <= 10_000; i++) {
    const status = ["WON", "LOST", "OPEN"][i % 3] ?? "OPEN";
    const closed = status === "OPEN" ? "" : new Date(Date.UTC(2020, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    lines.push(`BENCH-DEAL-${String(i).padStart(5, "0")},Bench Account ${i % 2000},Contact ${i},contact${i}@bench.example,${owners[i % owners.length]},${products[i % products.length] ?? ""},${1000 + (i % 97) * 250}.00,${status},${closed}`);
  }
  const boundary = "----candor-bench-boundary";
  const parts = Object.entries(benchCase.form ?? {}).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="deals.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join("\n")}\r\n--${boundary}--\r\n`);
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
function apiTokenFor(scope: string): string {
  const known = apiTokens.get(scope);
  if (known) return known;
  const token = `cnd_${randomBytes(32).toString("base64url")}`;
  const db = new Database(SCALE_DB);
  try {
    const adminId = (db.prepare("SELECT id FROM User WHERE email = ?").get(ACCOUNTS.admin) as { id: string }).id;
    db.prepare("INSERT INTO ApiToken (id, name, tokenHash, prefix, scopes, createdById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
      `bench-${randomBytes(8).toString("hex")}`,
      `Bench ${scope}`,
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 12),
      scope,
      adminId,
      new Date().toISOString().replace("Z", "+00:00"),
    );
  } finally {
    db.close();
  }
  apiTokens.set(scope, token);
  return token;
}

async function measure(benchCase: BenchCase, cookie: string | undefined) {
  const upload = uploadBody(benchCase);
  const init = (): RequestInit => ({
    method: benchCase.method ?? "GET",
    redirect: "manual",
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(benchCase.apiToken ? { authorization: `Bearer ${apiTokenFor(benchCase.apiToken)}` } : {}),
      ...(upload ? { "content-type": upload.contentType } : benchCase.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: upload ? upload.body : benchCase.form ? new URLSearchParams(benchCase.form) : undefined,
  });
  const firstStarted = performance.now();
  const first = await fetch(ORIGIN + benchCase.path, init());
  await first.arrayBuffer();
  const firstMs = performance.now() - firstStarted;
  if (first.status >= 400) throw new Error(`${benchCase.name}: ${benchCase.path} answered ${first.status}`);
  for (let warm = 0; warm < 5; warm++) await (await fetch(ORIGIN + benchCase.path, init())).arrayBuffer();
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(ORIGIN + benchCase.path, init());
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const load = await autocannon({
    url: ORIGIN + benchCase.path,
    method: benchCase.method ?? "GET",
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
    headers: init().headers as Record<string, string>,
    body: upload ? upload.body : benchCase.form ? new URLSearchParams(benchCase.form).toString() : undefined,
  });
  return {
    name: benchCase.name,
    path: benchCase.path,
    as: benchCase.as ?? null,
    status: first.status,
    firstMs: Number(firstMs.toFixed(2)),
    requests: latencies.length,
    medianMs: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
    requestsPerSecond: Number(load.requests.average.toFixed(1)),
    // Connection errors and timeouts, and 4xx/5xx answers; a POST's 302 redirect is its success.
    loadErrors: load.errors + load["4xx"] + load["5xx"],
    targetMedianMs: benchCase.targetMedianMs ?? null,
  };
}

/** An in-process case: the same figures as a page's, from calls of a function instead of requests. */
function measureInProcess(benchCase: BenchCase) {
  const work = conversationMatchingCase(SCALE_DB);
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
  const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
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
    // One caller, one after another: runs per second of the work alone.
    requestsPerSecond: Number((1000 / mean).toFixed(1)),
    loadErrors: 0,
    targetMedianMs: benchCase.targetMedianMs ?? null,
  };
}

/** A case whose page is addressed by a generated id names it with a query on the scale database. */
function resolveCasePath(benchCase: BenchCase): BenchCase {
  if (!benchCase.resolvePath) return benchCase;
  const db = new Database(SCALE_DB, { readonly: true });
  try {
    const row = db.prepare(benchCase.resolvePath).get() as { path?: unknown } | undefined;
    if (typeof row?.path !== "string") throw new Error(`${benchCase.name}: its resolvePath query returned no path`);
    return { ...benchCase, path: row.path };
  } finally {
    db.close();
  }
}

prepareScaleDatabase();
if (!existsSync(path.join(BUILD_DIR, "server/index.js")) || args.includes("--rebuild")) remixBuild();
const server = await startServer();
try {
  const cookies = new Map<BenchAccount, string>();
  const cases = [FLOOR_CASE, ...BENCH_CASES.filter((c) => !only || c.name.includes(only))];
  const results = [];
  for (const benchCase of cases) {
    if (benchCase.as && !cookies.has(benchCase.as)) cookies.set(benchCase.as, await signIn(ACCOUNTS[benchCase.as]));
    const result = benchCase.inProcess
      ? measureInProcess(benchCase)
      : await measure(resolveCasePath(benchCase), benchCase.as ? cookies.get(benchCase.as) : undefined);
    results.push(result);
    const target = `${result.targetMedianMs ? ` (target < ${result.targetMedianMs} ms)` : ""}${benchCase.upload ? `  first ${result.firstMs.toFixed(0)} ms` : ""}`;
    console.log(
      `${result.name.padEnd(44)} median ${result.medianMs.toFixed(1).padStart(7)} ms  p95 ${result.p95Ms.toFixed(1).padStart(7)} ms  ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s${target}`,
    );
  }
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    JSON.stringify({ at: new Date().toISOString(), node: process.version, sequentialRequests: SEQUENTIAL_REQUESTS, loadSeconds: LOAD_SECONDS, loadConnections: LOAD_CONNECTIONS, results }, null, 2),
  );
  console.log(`\nWritten to ${path.relative(ROOT, RESULTS)}`);
} finally {
  server.kill("SIGTERM");
}
