import { spawnSync } from "node:child_process";
import { ROOT } from "../../setup/paths.ts";

/**
 * `npm start` (scripts/start.ts) in production mode with only `settings` in its environment besides
 * PATH and HOME, run until it exits: its exit status and everything it printed.
 */
export function startWith(settings: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...settings },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
