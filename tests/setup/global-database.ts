import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { BASE_DATABASE, ROOT, SEED_TODAY, TMP_DIR } from "./paths.ts";

function run(args: string[], env: NodeJS.ProcessEnv) {
  const [command, ...rest] = args;
  if (!command) throw new Error("no command");
  const result = spawnSync(command, rest, { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

// Built once per run through the real CLI: the same migrations and seed as `npm start`.
export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(BASE_DATABASE + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${BASE_DATABASE}` };
  run([path.join(ROOT, "node_modules/.bin/prisma"), "migrate", "deploy"], env);
  run([path.join(ROOT, "node_modules/.bin/tsx"), "seed/cli.ts", "--today", SEED_TODAY], env);
  return () => {
    rmSync(TMP_DIR, { recursive: true, force: true });
  };
}
