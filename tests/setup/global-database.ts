import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT, SEED_TODAY, TMP_ROOT } from "./paths.ts";
import { createDatabase, dropDatabase } from "./postgres.ts";

function run(args: string[], env: NodeJS.ProcessEnv) {
  const [command, ...rest] = args;
  if (!command) throw new Error("no command");
  const result = spawnSync(command, rest, { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function migrateAndSeed(url: string) {
  const env = { ...process.env, DATABASE_URL: url };
  run([path.join(ROOT, "node_modules/.bin/prisma"), "migrate", "deploy"], env);
  run([path.join(ROOT, "node_modules/.bin/tsx"), "seed/cli.ts", "--today", SEED_TODAY], env);
}

// Built once per run through the real CLI: the same migrations and seed as `npm start`.
// Each run gets its own directory (SQLite) or base database (PostgreSQL, the project
// "integration-postgres"), so runs side by side never share one; every test file then gets its
// own copy (tests/setup/worker-database.ts).
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  if (project.name === "integration-postgres") {
    const base = `candor_test_${runId}`;
    migrateAndSeed(await createDatabase(base));
    project.provide("database", { kind: "postgres", base });
    return () => dropDatabase(base);
  }
  const runDirectory = path.join(TMP_ROOT, `run-${runId}`);
  mkdirSync(runDirectory, { recursive: true });
  const base = path.join(runDirectory, "base.db");
  migrateAndSeed(`file:${base}`);
  project.provide("database", { kind: "sqlite", base });
  return () => {
    rmSync(runDirectory, { recursive: true, force: true });
  };
}
