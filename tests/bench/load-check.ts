// `npm run bench:load`: does Candor keep every write it acknowledges, under load and across a crash?
//
// 1. Load: LOAD_CONNECTIONS concurrent clients (default 50) for LOAD_SECONDS (default 30) mix reads
//    of /claims, /dashboard, /home, /capabilities and /healthz, signed in as different roles, with
//    writes: claims logged and questions asked by the salesperson, each carrying a unique marker in
//    its text. Afterwards the markers are counted in the database: every acknowledged write (a 302 to
//    the new record) must be there, no unacknowledged one may have appeared, and no answer may be 5xx.
// 2. Crash: CRASH_WRITERS concurrent writers (default 8) log claims; once CRASH_AFTER_ACKS (default
//    40) are acknowledged the server's processes (the primary and every worker) get SIGKILL
//    mid-burst. Restarted on the same file, `PRAGMA integrity_check` must say ok and every
//    acknowledged claim must be present.
//
// The server runs as `npm start` does: WEB_CONCURRENCY worker processes (default one per core,
// ADR 020); the answers are counted per worker, so a run shows that every worker served.
//
// It uses its own database (data/load-check.db, recreated with the demo data each run), port
// (LOAD_PORT, default 3260) and build directory (build-loadcheck), so it runs beside other servers.
//
//   npm run bench:load                                  # both checks, full settings
//   LOAD_SECONDS=5 LOAD_CONNECTIONS=10 npm run bench:load -- --only load
//   npm run bench:load -- --only crash
//   WEB_CONCURRENCY=1 npm run bench:load                # a single process
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT } from "../../scripts/lib.ts";
import { signInOverHttp } from "../support/http-sign-in.ts";

const PORT = Number(process.env.LOAD_PORT ?? 3260);
const ORIGIN = `http://localhost:${PORT}`;
const DB_FILE = path.join(ROOT, "data/load-check.db");
const SERVER_LOG = path.join(ROOT, "data/load-check-server.log");
const BUILD_DIR = "build-loadcheck";
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const LOAD_CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const CRASH_WRITERS = Number(process.env.CRASH_WRITERS ?? 8);
const CRASH_AFTER_ACKS = Number(process.env.CRASH_AFTER_ACKS ?? 40);
/** One in this many requests of the load mix is a write. */
const WRITE_SHARE = 4;

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const RUN = Date.now().toString(36).toUpperCase();

type Account = "sales" | "engineer" | "manager" | "admin";
const EMAIL: Record<Account, string> = {
  sales: "sales@candor.test",
  engineer: "engineer@candor.test",
  manager: "manager@candor.test",
  admin: "admin@candor.test",
};

/** Each role's everyday pages. */
const EVERYDAY_PAGES: Array<[Account, string[]]> = [
  ["sales", ["/home", "/claims", "/capabilities"]],
  ["engineer", ["/claims", "/capabilities"]],
  ["manager", ["/dashboard", "/claims"]],
  ["admin", ["/dashboard", "/claims"]],
];

/** The reads of the load mix: the health check, signed out, and each role's everyday pages. */
const READS: Array<{ path: string; as: Account | null }> = [
  { path: "/healthz", as: null },
  ...EVERYDAY_PAGES.flatMap(([as, paths]) => paths.map((path) => ({ path, as }))),
];

// ---------------------------------------------------------------------------------------------
// The server

let server: ChildProcess | null = null;

function serverEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `file:${DB_FILE}`,
    PORT: String(PORT),
    CANDOR_BUILD_DIR: BUILD_DIR,
    // Set here so that start-up never writes a generated secret into the developer's .env.
    SESSION_SECRET: "load-check-session-secret-0123456789-abcdef",
    LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
    // Each answer names its worker (X-Candor-Worker), counted below.
    CANDOR_WORKER_HEADER: "1",
  };
}

/** The pids of a process's children (Linux /proc): the server's workers. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …"; comm may hold spaces.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/**
 * Starts scripts/start.ts in a node process of its own (tsx as a loader, not as a wrapper
 * process), so the pid we hold is the very process that serves and writes: SIGKILL reaches it.
 */
async function startServer(): Promise<ChildProcess> {
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG, { flags: "a" });
  await new Promise((resolve) => log.once("open", resolve));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: serverEnv(),
    stdio: ["ignore", log, log],
  });
  server = child;
  let onExit: (code: number | null, signal: NodeJS.Signals | null) => void = () => {};
  const exited = new Promise<never>((_, reject) => {
    onExit = (code, signal) =>
      reject(new Error(`The server exited during start-up (${code ?? signal}); see ${SERVER_LOG}`));
    child.once("exit", onExit);
  });
  // A build of the app and the demo seed can take minutes on a fresh clone.
  const deadline = Date.now() + 5 * 60_000;
  const ready = (async () => {
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${ORIGIN}/healthz`)).ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`The server did not answer /healthz within five minutes; see ${SERVER_LOG}`);
  })();
  const started = await Promise.race([ready, exited]);
  child.removeListener("exit", onExit);
  return started;
}

async function stopServer(signal: NodeJS.Signals = "SIGTERM") {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await gone;
}

function removeDatabase() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Clients

function signIn(email: string): Promise<string> {
  return signInOverHttp(ORIGIN, email);
}

async function signInAll(): Promise<Record<Account, string>> {
  const entries = await Promise.all(
    (Object.keys(EMAIL) as Account[]).map(async (account) => [account, await signIn(EMAIL[account])] as const),
  );
  return Object.fromEntries(entries) as Record<Account, string>;
}

interface Targets {
  productId: string;
  capabilityId: string;
}

/** A product and one of its capabilities, for the claim and question forms. */
function readTargets(): Targets {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    const row = db
      .prepare(
        "SELECT c.productId AS productId, c.id AS capabilityId FROM Capability c ORDER BY c.productId, c.key LIMIT 1",
      )
      .get() as Targets | undefined;
    if (!row) throw new Error("The database has no capability to log claims against");
    return row;
  } finally {
    db.close();
  }
}

type WriteKind = "claim" | "question";

function writeRequest(
  kind: WriteKind,
  marker: string,
  targets: Targets,
  cookie: string,
): { url: string; init: RequestInit } {
  const form: Record<string, string> =
    kind === "claim"
      ? {
          productId: targets.productId,
          capabilityId: targets.capabilityId,
          assertedLevel: "SUPPORTED",
          statement: `Told the customer the export works with Excel 2007 [${marker}]`,
          channel: "CALL",
          madeOn: new Date().toISOString().slice(0, 10),
          accountName: "Load Check Account",
        }
      : {
          productId: targets.productId,
          capabilityId: targets.capabilityId,
          question: `Does the export work with Excel 2007? [${marker}]`,
        };
  return {
    url: `${ORIGIN}${kind === "claim" ? "/claims/new" : "/ask"}`,
    init: {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: ORIGIN },
      body: new URLSearchParams(form),
    },
  };
}

/** A write is acknowledged when it redirects to the record it created. */
function acknowledged(kind: WriteKind, response: Response): boolean {
  const location = response.headers.get("location") ?? "";
  return (
    response.status === 302 &&
    (kind === "claim" ? /^\/claims\/[^/]+$/ : /^\/ask\/[^/]+$/).test(new URL(location, ORIGIN).pathname)
  );
}

/** Markers of this run found in the database, per kind. */
function markersInDatabase(prefix: string): Record<WriteKind, Set<string>> {
  const db = new Database(DB_FILE, { readonly: true });
  const pattern = new RegExp(`\\[(${prefix}-[A-Z0-9]+-\\d+)\\]`);
  const collect = (sql: string) =>
    new Set(
      (db.prepare(sql).all(`%[${prefix}-${RUN}-%`) as Array<{ text: string }>)
        .map((row) => pattern.exec(row.text)?.[1])
        .filter((marker): marker is string => marker !== undefined),
    );
  try {
    return {
      claim: collect('SELECT statement AS text FROM "Claim" WHERE statement LIKE ?'),
      question: collect('SELECT question AS text FROM "EngineerQuestion" WHERE question LIKE ?'),
    };
  } finally {
    db.close();
  }
}

function integrityCheck(): string {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    return (db.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join("; ");
  } finally {
    db.close();
  }
}

function table(rows: Array<[string, string | number]>) {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${String(value).padStart(10)}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Load

async function loadCheck(cookies: Record<Account, string>, targets: Targets): Promise<boolean> {
  console.log(`\nLoad: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s, one request in ${WRITE_SHARE} a write`);
  const statuses = new Map<string, number>();
  const byWorker = new Map<string, number>();
  const acked: Record<WriteKind, Set<string>> = { claim: new Set(), question: new Set() };
  const sent: Record<WriteKind, number> = { claim: 0, question: 0 };
  const latencies: number[] = [];
  let reads = 0;
  let writes = 0;
  let networkErrors = 0;
  let fiveHundreds = 0;
  let unexpectedWriteAnswers = 0;
  let sequence = 0;
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const served = (response: Response) => {
    const worker = response.headers.get("x-candor-worker") ?? "unnamed";
    byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
  };
  const deadline = Date.now() + LOAD_SECONDS * 1000;

  async function client(index: number) {
    for (let turn = index; Date.now() < deadline; turn++) {
      const started = performance.now();
      try {
        if (turn % WRITE_SHARE === 0) {
          const kind: WriteKind = turn % (WRITE_SHARE * 3) === 0 ? "question" : "claim";
          const marker = `LC-${RUN}-${++sequence}`;
          const { url, init } = writeRequest(kind, marker, targets, cookies.sales);
          sent[kind]++;
          writes++;
          const response = await fetch(url, init);
          await response.arrayBuffer();
          served(response);
          count(`${init.method} ${new URL(url).pathname} ${response.status}`);
          if (response.status >= 500) fiveHundreds++;
          if (acknowledged(kind, response)) acked[kind].add(marker);
          else unexpectedWriteAnswers++;
        } else {
          const read = READS[turn % READS.length];
          if (!read) continue;
          reads++;
          const response = await fetch(ORIGIN + read.path, {
            redirect: "manual",
            headers: read.as ? { cookie: cookies[read.as] } : {},
          });
          await response.arrayBuffer();
          served(response);
          count(`GET ${read.path} ${response.status}`);
          if (response.status >= 500) fiveHundreds++;
        }
      } catch {
        networkErrors++;
      }
      latencies.push(performance.now() - started);
    }
  }

  const before = markersInDatabase("LC");
  const began = performance.now();
  await Promise.all(Array.from({ length: LOAD_CONNECTIONS }, (_, index) => client(index)));
  const seconds = (performance.now() - began) / 1000;
  const after = markersInDatabase("LC");

  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN;
  const rowsAdded = after.claim.size - before.claim.size + (after.question.size - before.question.size);
  const ackedTotal = acked.claim.size + acked.question.size;
  const missing =
    [...acked.claim].filter((m) => !after.claim.has(m)).length +
    [...acked.question].filter((m) => !after.question.has(m)).length;

  console.log("\n  answers by request:");
  for (const [key, value] of [...statuses].sort()) console.log(`    ${key.padEnd(36)} ${String(value).padStart(8)}`);
  console.log("\n  answers by worker process:");
  for (const [worker, value] of [...byWorker].sort())
    console.log(`    ${`pid ${worker}`.padEnd(36)} ${String(value).padStart(8)}`);
  console.log("");
  table([
    ["requests", reads + writes],
    ["requests/s", ((reads + writes) / seconds || 0).toFixed(1)],
    ["latency median ms", at(0.5).toFixed(1)],
    ["latency p95 ms", at(0.95).toFixed(1)],
    ["latency max ms", (latencies.at(-1) ?? NaN).toFixed(1)],
    ["reads", reads],
    ["writes sent (claims)", sent.claim],
    ["writes sent (questions)", sent.question],
    ["writes acknowledged (claims)", acked.claim.size],
    ["writes acknowledged (questions)", acked.question.size],
    ["writes not acknowledged", unexpectedWriteAnswers],
    ["rows added (claims)", after.claim.size - before.claim.size],
    ["rows added (questions)", after.question.size - before.question.size],
    ["acknowledged but missing", missing],
    ["5xx answers", fiveHundreds],
    ["connection errors", networkErrors],
  ]);
  const ok = ackedTotal === rowsAdded && missing === 0 && fiveHundreds === 0 && networkErrors === 0 && ackedTotal > 0;
  console.log(
    `\n  Load check: ${ok ? "PASS" : "FAIL"} (acknowledged ${ackedTotal} = rows added ${rowsAdded}; ${fiveHundreds} 5xx; ${networkErrors} connection errors)`,
  );
  return ok;
}

// ---------------------------------------------------------------------------------------------
// 2. Crash

async function crashCheck(targets: Targets): Promise<boolean> {
  console.log(
    `\nCrash: ${CRASH_WRITERS} writers log claims; SIGKILL to the server after ${CRASH_AFTER_ACKS} acknowledged`,
  );
  if (!server) server = await startServer();
  const cookie = await signIn(EMAIL.sales);
  const victim = server;
  const pid = victim.pid;
  if (pid === undefined) throw new Error("The server has no pid");
  const acked = new Set<string>();
  const inFlightAtKill = new Set<string>();
  const pending = new Set<string>();
  let sent = 0;
  let refusedAfterKill = 0;
  let fiveHundreds = 0;
  let killed = false;
  let sequence = 0;
  const exited = new Promise((resolve) => victim.once("exit", resolve));

  const kill = () => {
    if (killed) return;
    killed = true;
    for (const marker of pending) inFlightAtKill.add(marker);
    // Every process of the server at once: the workers hold the connections and write.
    for (const worker of childrenOf(pid)) process.kill(worker, "SIGKILL");
    process.kill(pid, "SIGKILL");
  };

  async function writer() {
    while (!killed) {
      const marker = `CR-${RUN}-${++sequence}`;
      const { url, init } = writeRequest("claim", marker, targets, cookie);
      sent++;
      pending.add(marker);
      try {
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (response.status >= 500) fiveHundreds++;
        pending.delete(marker);
        if (acknowledged("claim", response)) acked.add(marker);
        if (acked.size >= CRASH_AFTER_ACKS) kill();
      } catch {
        refusedAfterKill++;
      } finally {
        pending.delete(marker);
      }
    }
  }

  // Should the writes stall, the kill still comes: the check is about a crash mid-burst.
  const fallback = setTimeout(kill, 20_000);
  await Promise.all(Array.from({ length: CRASH_WRITERS }, () => writer()));
  clearTimeout(fallback);
  await exited;
  server = null;
  console.log(`  killed the server (pid ${pid} and its workers) with SIGKILL; restarting on the same database…`);

  server = await startServer();
  const integrity = integrityCheck();
  const found = markersInDatabase("CR").claim;
  const missing = [...acked].filter((marker) => !found.has(marker));
  // An answer already on its way when the process died still counts as acknowledged.
  const unanswered = [...inFlightAtKill].filter((marker) => !acked.has(marker));
  const unansweredPresent = unanswered.filter((marker) => found.has(marker)).length;
  // After the restart the app must still serve a signed-in page that reads the claims.
  const afterRestart = await fetch(`${ORIGIN}/claims`, {
    redirect: "manual",
    headers: { cookie: await signIn(EMAIL.sales) },
  });
  await afterRestart.arrayBuffer();

  console.log("");
  table([
    ["writes sent", sent],
    ["acknowledged before the kill", acked.size],
    ["in flight at the kill, never answered", unanswered.length],
    ["  of which committed anyway", unansweredPresent],
    ["failed (connection lost)", refusedAfterKill],
    ["5xx answers", fiveHundreds],
    ["rows present after restart", found.size],
    ["acknowledged but missing", missing.length],
    ["GET /claims after restart", afterRestart.status],
  ]);
  console.log(`  PRAGMA integrity_check: ${integrity}`);
  const ok =
    integrity === "ok" && missing.length === 0 && acked.size > 0 && fiveHundreds === 0 && afterRestart.status === 200;
  console.log(
    `\n  Crash check: ${ok ? "PASS" : "FAIL"} (integrity ${integrity}; ${acked.size - missing.length} of ${acked.size} acknowledged writes present)`,
  );
  return ok;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<boolean> {
  removeDatabase();
  rmSync(SERVER_LOG, { force: true });
  console.log(
    `Starting Candor on ${ORIGIN} with ${path.relative(ROOT, DB_FILE)} (demo data; build in ${BUILD_DIR}/; log in ${path.relative(ROOT, SERVER_LOG)})`,
  );
  const startedAt = performance.now();
  server = await startServer();
  const workers = server.pid === undefined ? [] : childrenOf(server.pid);
  console.log(
    `  ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; ${workers.length > 0 ? `${workers.length} worker processes (${workers.join(", ")})` : "one process"}, WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "unset (one per core)"}`,
  );
  const targets = readTargets();
  let ok = true;
  if (only !== "crash") ok = (await loadCheck(await signInAll(), targets)) && ok;
  if (only !== "load") ok = (await crashCheck(targets)) && ok;
  return ok;
}

const stopOnSignal = () => {
  void stopServer("SIGKILL").finally(() => process.exit(130));
};
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stopServer();
}
console.log(passed ? "\nAll checks passed." : "\nA check failed.");
process.exit(passed ? 0 : 1);
