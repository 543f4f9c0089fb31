import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "../../app/lib/database-url.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { COMPUTATION_RUNNING } from "../../app/models/comp-compute.server.ts";
import { ROOT, TMP_ROOT } from "../setup/paths.ts";
import { startWith } from "./support/npm-start.ts";

// `npm start` with WEB_CONCURRENCY=2 (ADR 020): the real production build behind two worker
// processes on one port, on SQLite and (project integration-postgres) on PostgreSQL — several
// processes on one database, sharing nothing in memory (PRODUCT.md §10). Both answer, a write
// through one is read through the other, two engineers deciding the same claim through different
// workers still store one verdict, two computations of a period through different workers run
// one at a time, failed sign-ins spread over both are throttled as on one, a killed worker is
// replaced, and SIGTERM stops every process.

const SECRET = "cluster-test-session-secret-0123456789abcdef";
// The build is the test's own (built by `npm start` when missing or older than the sources).
// This file's copy of the seeded database (tests/setup/worker-database.ts): the server serves it.
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const onPostgres = dialectOf(DATABASE_URL) === "postgres";
// One build per database project: both projects run this file at the same time.
const BUILD_DIR = path.join(TMP_ROOT, onPostgres ? "build-cluster-postgres" : "build-cluster");
const STARTUP_MS = 300_000;
// A new worker loads the server build afresh: seconds, or a minute on a busy machine.
const REPLACEMENT_MS = 180_000;
const REQUEST_MS = 20_000;

let dir = "";
let server: ChildProcess | null = null;
let output = "";
let origin = "";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  worker: number;
}

/** One HTTP request; `agent` keeps a connection (so a worker) across requests, none opens a new one. */
function send(
  pathname: string,
  options: { method?: string; cookie?: string; form?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${pathname}`,
      {
        method: options.method ?? (body ? "POST" : "GET"),
        agent: options.agent ?? false,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body
            ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) }
            : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            worker: Number(response.headers["x-candor-worker"]),
          }),
        );
      },
    );
    request.on("error", reject);
    // A connection handed to a worker as it died is never answered.
    request.setTimeout(REQUEST_MS, () =>
      request.destroy(new Error(`No answer to ${pathname} within ${REQUEST_MS / 1000} s`)),
    );
    request.end(body);
  });
}

function cookiesOf(answer: Answer, jar: Map<string, string>) {
  for (const header of answer.headers["set-cookie"] ?? []) {
    const [pair = ""] = header.split(";");
    const [name = "", ...value] = pair.split("=");
    if (name) jar.set(name, value.join("="));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await send("/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send("/auth/callback/credentials", {
    cookie: cookiesOf(csrf, jar),
    form: { csrfToken, email, password: "candor-demo", callbackUrl: "/" },
  });
  const cookie = cookiesOf(answer, jar);
  if (!cookie.includes("session-token=")) throw new Error(`Could not sign in as ${email} (${answer.status})`);
  return cookie;
}

/** A failed or refused sign-in's answer: the `code` Auth.js redirects with, and the worker. */
async function signInAttempt(email: string, password: string): Promise<{ code: string | null; worker: number }> {
  const jar = new Map<string, string>();
  const csrf = await send("/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send("/auth/callback/credentials", {
    cookie: cookiesOf(csrf, jar),
    form: { csrfToken, email, password, callbackUrl: "/" },
  });
  const location = answer.headers.location ?? "";
  return { code: new URL(location, origin).searchParams.get("code"), worker: answer.worker };
}

/** Two kept connections, each held by a different worker. */
async function agentsOnTwoWorkers(): Promise<[http.Agent, http.Agent]> {
  const first = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const firstWorker = (await send("/healthz", { agent: first })).worker;
  for (let i = 0; i < 10; i++) {
    const second = new http.Agent({ keepAlive: true, maxSockets: 1 });
    if ((await send("/healthz", { agent: second })).worker !== firstWorker) return [first, second];
    second.destroy();
  }
  first.destroy();
  throw new Error("Every new connection went to the same worker");
}

async function firstCapability(): Promise<{ productId: string; capabilityId: string }> {
  const capability = await prisma.capability.findFirstOrThrow({
    orderBy: [{ productId: "asc" }, { key: "asc" }],
    select: { productId: true, id: true },
  });
  return { productId: capability.productId, capabilityId: capability.id };
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The workers that answer new connections, by pid, after `tries` requests. */
async function workersAnswering(tries = 8): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < tries; i++) seen.add((await send("/healthz")).worker);
  return seen;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null> | T | null, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}. Server output:\n${output}`);
}

function claimForm(marker: string, targets: { productId: string; capabilityId: string }) {
  return {
    productId: targets.productId,
    capabilityId: targets.capabilityId,
    assertedLevel: "SUPPORTED",
    statement: `Told the customer the export works with Excel 2007 [${marker}]`,
    channel: "CALL",
    madeOn: "2026-11-20",
    accountName: "Cluster Test Account",
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "candor-cluster-"));
  // The run's migrated, seeded database: start-up finds users and loads no demo data.
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "0",
      WEB_CONCURRENCY: "2",
      CANDOR_WORKER_HEADER: "1",
      DATABASE_URL,
      SESSION_SECRET: SECRET,
      CANDOR_ENV_FILE: path.join(dir, "candor.env"),
      CANDOR_BUILD_DIR: BUILD_DIR,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const port = await waitFor(
    "the server to serve",
    () => {
      if (server?.exitCode !== null) throw new Error(`npm start exited (${server?.exitCode}):\n${output}`);
      return /Candor is serving on http:\/\/localhost:(\d+) with 2 worker processes/.exec(output)?.[1] ?? null;
    },
    STARTUP_MS,
  );
  origin = `http://localhost:${port}`;
}, STARTUP_MS + 10_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGKILL");
    await gone;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("npm start with WEB_CONCURRENCY=2", () => {
  it("serves through two worker processes of the started process", async () => {
    const workers = await workersAnswering();
    expect(workers.size).toBe(2);
    for (const pid of workers) {
      expect(pid).not.toBe(server?.pid);
      expect(parentOf(pid)).toBe(server?.pid);
    }
  });

  it("reads through one worker what was written through the other", async () => {
    const sales = await signIn("sales@candor.test");
    const targets = await firstCapability();
    // New connections alternate between the workers; write until each has stored a claim.
    const writtenBy = new Map<number, string>();
    for (let i = 0; writtenBy.size < 2 && i < 8; i++) {
      const answer = await send("/claims/new", { cookie: sales, form: claimForm(`CLUSTER-${i}`, targets) });
      expect(answer.status).toBe(302);
      const location = answer.headers.location ?? "";
      expect(location).toMatch(/^\/claims\/[^/]+$/);
      writtenBy.set(answer.worker, location);
    }
    expect(writtenBy.size).toBe(2);
    for (const [writer, location] of writtenBy) {
      const read = await waitFor("an answer from the other worker", async () => {
        const answer = await send(location, { cookie: sales });
        return answer.worker !== writer ? answer : null;
      });
      expect(read.status).toBe(200);
      expect(read.body).toContain("Told the customer the export works with Excel 2007 [CLUSTER-");
    }
  });

  it("stores exactly one verdict when two engineers decide the same claim through different workers", async () => {
    const [sales, sam, jun] = await Promise.all([
      signIn("sales@candor.test"),
      signIn("engineer@candor.test"),
      signIn("jun.tanaka@candor.test"),
    ]);
    const targets = await firstCapability();
    const logged = await send("/claims/new", { cookie: sales, form: claimForm("CLUSTER-RACE", targets) });
    const location = logged.headers.location ?? "";
    expect(location).toMatch(/^\/claims\/[^/]+$/);

    // One kept connection per engineer, each held by a different worker.
    const samAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const samWorker = (await send("/healthz", { agent: samAgent })).worker;
    let junAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; (await send("/healthz", { agent: junAgent })).worker === samWorker; i++) {
      junAgent.destroy();
      if (i > 8) throw new Error("Every new connection went to the same worker");
      junAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    }
    try {
      const [bySam, byJun] = await Promise.all([
        send(location, {
          cookie: sam,
          agent: samAgent,
          form: { intent: "verify", status: "INACCURATE", severity: "HIGH", note: "Only xlsx.", version: "1" },
        }),
        send(location, {
          cookie: jun,
          agent: junAgent,
          form: { intent: "verify", status: "ACCURATE", severity: "LOW", note: "", version: "1" },
        }),
      ]);
      expect(bySam.worker).not.toBe(byJun.worker);
      expect([bySam.status, byJun.status].sort()).toEqual([302, 409]);
      const loser = bySam.status === 409 ? bySam : byJun;
      expect(loser.body).toContain("Nothing was overwritten.");
    } finally {
      samAgent.destroy();
      junAgent.destroy();
    }
    const claimId = location.split("/").pop() ?? "";
    const stored = await prisma.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: { version: true, status: true },
    });
    expect(stored.version).toBe(2);
    expect(["INACCURATE", "ACCURATE"]).toContain(stored.status);
    expect(await prisma.auditEvent.count({ where: { action: "claim.verify", entityId: claimId } })).toBe(1);
  });

  it("runs one computation of a period at a time, whichever workers are asked", async () => {
    const admin = await signIn("admin@candor.test");
    const [first, second] = await agentsOnTwoWorkers();
    try {
      const compute = (agent: http.Agent) =>
        send("/comp/2026-Q4", { cookie: admin, agent, form: { intent: "compute" } });
      const answers = await Promise.all([compute(first), compute(second)]);
      expect(answers[0]?.worker).not.toBe(answers[1]?.worker);
      expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body).toContain(COMPUTATION_RUNNING);
      // Once it has finished, the period computes again, through either worker.
      expect((await compute(second)).status).toBe(302);
    } finally {
      first.destroy();
      second.destroy();
    }
  });

  it("throttles failed sign-ins spread over both workers as one process would", async () => {
    // LOGIN_MAX_FAILURES_PER_ADDRESS is 20 by default; every attempt here comes from this machine.
    const workers = new Set<number>();
    for (let attempt = 1; attempt <= 20; attempt++) {
      const answer = await signInAttempt(`guess-${attempt}@candor.test`, "not-the-password");
      expect(answer.code).toBe("credentials");
      workers.add(answer.worker);
      // An attempt opens two connections (CSRF token, then the form); one more shifts the next
      // attempt's form to the other worker.
      if (attempt % 2 === 0) await send("/healthz");
    }
    expect(workers.size).toBe(2);
    const next = await signInAttempt("admin@candor.test", "candor-demo");
    expect(next.code).toMatch(/^throttled_\d+$/);
  });

  it(
    "replaces a worker that was killed",
    async () => {
      const before = await workersAnswering();
      const [victim] = [...before];
      if (victim === undefined) throw new Error("no worker answered");
      process.kill(victim, "SIGKILL");
      const after = await waitFor(
        "a replacement worker",
        async () => {
          // A connection the dying worker had accepted may be reset; ask again.
          const seen = await workersAnswering(6).catch(() => null);
          return seen && seen.size === 2 && !seen.has(victim) ? seen : null;
        },
        REPLACEMENT_MS,
      );
      for (const pid of after) expect(parentOf(pid)).toBe(server?.pid);
      expect(output).toContain(`Worker process ${victim} was killed by SIGKILL; starting another.`);
    },
    REPLACEMENT_MS + 10_000,
  );

  it("stops every worker and exits 0 on SIGTERM", async () => {
    const workers = await workersAnswering();
    const child = server;
    if (!child) throw new Error("no server");
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) await waitFor(`worker ${pid} to stop`, () => (isRunning(pid) ? null : true), 15_000);
    if (!onPostgres) expect(existsSync(`${DATABASE_URL.replace(/^file:/, "")}.lock`)).toBe(false);
  });
});

describe("WEB_CONCURRENCY is checked before anything is written", () => {
  it("refuses a value that is not a whole number of workers, naming the variable", () => {
    const result = startWith({
      WEB_CONCURRENCY: "two",
      DATABASE_URL: `file:${dir}/refused/candor.db`,
      SESSION_SECRET: SECRET,
      CANDOR_ENV_FILE: path.join(dir, "refused.env"),
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'Candor cannot start: WEB_CONCURRENCY must be a whole number of worker processes from 1 to 32 (it is "two")',
    );
    expect(existsSync(path.join(dir, "refused"))).toBe(false);
  });
});
