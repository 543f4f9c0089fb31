// The PostgreSQL server `npm test` runs the integration tests on (ADR 023). With
// CANDOR_TEST_POSTGRES_URL set, that server is used as it is. Otherwise the machine's own
// PostgreSQL (Debian's cluster, installed but not running on a fresh machine) is started when it
// is not answering, and a `candor` role with CREATEDB is made when missing: as root directly,
// otherwise through password-less sudo.
import { spawnSync } from "node:child_process";
import { postgresConnectionError } from "./lib.ts";

const LOCAL_URL = "postgresql://candor:candor@127.0.0.1:5432/postgres";

async function answers(url: string): Promise<string | null> {
  return (await postgresConnectionError(url))?.message ?? null;
}

function asRoot(command: string[], user?: string): { ok: boolean; output: string } {
  const isRoot = process.getuid?.() === 0;
  const [program, ...args] = isRoot
    ? user
      ? ["runuser", "-u", user, "--", ...command]
      : command
    : ["sudo", "-n", ...(user ? ["-u", user] : []), ...command];
  const result = spawnSync(program ?? "", args, { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
}

/** Starts the machine's PostgreSQL clusters that are down (pg_lsclusters: "15 main 5432 down …"). */
function startLocalClusters(): string[] {
  const list = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  if (list.status !== 0) return ["pg_lsclusters is not available: PostgreSQL does not seem to be installed."];
  const problems: string[] = [];
  for (const line of list.stdout.split("\n")) {
    const [version, cluster, , status] = line.trim().split(/\s+/);
    if (!version || !cluster || status !== "down") continue;
    const started = asRoot(["pg_ctlcluster", version, cluster, "start"]);
    if (!started.ok) problems.push(`pg_ctlcluster ${version} ${cluster} start failed: ${started.output}`);
  }
  return problems;
}

function ensureRole(): string[] {
  const sql =
    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'candor') THEN CREATE ROLE candor LOGIN PASSWORD 'candor' CREATEDB; END IF; END $$;";
  const made = asRoot(["psql", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], "postgres");
  return made.ok ? [] : [`creating the candor role failed: ${made.output}`];
}

/** The server URL for the tests, with the server running; throws a sentence when it cannot be had. */
export async function ensureTestPostgres(): Promise<string> {
  const configured = process.env.CANDOR_TEST_POSTGRES_URL;
  if (configured) {
    const problem = await answers(configured);
    if (problem) throw new Error(`CANDOR_TEST_POSTGRES_URL does not answer: ${problem}`);
    return configured;
  }
  if ((await answers(LOCAL_URL)) === null) return LOCAL_URL;
  const problems = [...startLocalClusters(), ...ensureRole()];
  for (let attempt = 0; attempt < 20; attempt++) {
    const problem = await answers(LOCAL_URL);
    if (problem === null) return LOCAL_URL;
    if (attempt === 19) problems.push(problem);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The tests need PostgreSQL at ${LOCAL_URL.replace(":candor@", ":…@")}: ${problems.join("; ")}`);
}
