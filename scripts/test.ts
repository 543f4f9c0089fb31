// `npm test`: the one command that proves Candor — typecheck, lint, unit and
// integration tests (real SQLite through the real Prisma client), then the
// production build driven end to end in Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib.ts";
import { ensureTestPostgres } from "./postgres.ts";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

// `postgres`: the step needs the PostgreSQL server (ADR 023), started first when it is not running.
const steps: Array<{
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  postgres?: true;
}> = [
  { name: "typecheck", command: bin("tsc"), args: ["-p", "."] },
  { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
  // One format (ADR 021): `npx prettier --write .` fixes what this step reports.
  { name: "format", command: bin("prettier"), args: ["--check", ".", "--log-level", "warn"] },
  // Files, exports and dependencies nothing uses (ADR 022; knip.jsonc lists the entry points).
  { name: "unused code", command: bin("knip"), args: ["--no-progress", "--no-config-hints"] },
  { name: "unit and integration tests", command: bin("vitest"), args: ["run"], postgres: true },
  { name: "production build", command: bin("remix"), args: ["vite:build"], env: { NODE_ENV: "production" } },
  { name: "end-to-end tests", command: bin("playwright"), args: ["test", "--project=flows"] },
  // One flow on PostgreSQL through two Candor processes on one database (ADR 023).
  {
    name: "end-to-end on PostgreSQL, two processes",
    command: bin("playwright"),
    args: ["test", "--config", "playwright.postgres.config.ts"],
    postgres: true,
  },
  // Its checks are independent and read-only, so two workers share the machine's two cores.
  {
    name: "end-to-end accessibility sweep",
    command: bin("playwright"),
    args: ["test", "--project=accessibility", "--workers=2"],
    env: { E2E_REPORT_SUFFIX: "-accessibility" },
  },
];

const only = process.argv.slice(2);
for (const step of steps) {
  if (only.length > 0 && !only.some((name) => step.name.startsWith(name))) continue;
  if (step.postgres) {
    // The integration tests run on SQLite and on PostgreSQL, and one end-to-end flow on
    // PostgreSQL (ADR 023): start the machine's PostgreSQL if it is not running (scripts/postgres.ts).
    try {
      process.env.CANDOR_TEST_POSTGRES_URL = await ensureTestPostgres();
    } catch (error) {
      console.error(`\n✖ ${(error as Error).message}`);
      process.exit(1);
    }
  }
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds}s)`);
}
console.log("\nAll checks passed.");
