import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT, SEED_TODAY, TMP_ROOT } from "./paths.ts";

function run(args: string[], env: NodeJS.ProcessEnv) {
  const [command, ...rest] = args;
  if (!command) throw new Error("no command");
  const result = spawnSync(command, rest, { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

// Built once per run through the real CLI: the same migrations and seed as `npm start`.
// Each run gets its own directory, so runs side by side never share a file.
export default function setup(project: TestProject) {
  const runDirectory = path.join(TMP_ROOT, `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDirectory, { recursive: true });
  const base = path.join(runDirectory, "base.db");
  const env = { ...process.env, DATABASE_URL: `file:${base}` };
  run([path.join(ROOT, "node_modules/.bin/prisma"), "migrate", "deploy"], env);
  run([path.join(ROOT, "node_modules/.bin/tsx"), "seed/cli.ts", "--today", SEED_TODAY], env);
  project.provide("runDirectory", runDirectory);
  return () => {
    rmSync(runDirectory, { recursive: true, force: true });
  };
}
