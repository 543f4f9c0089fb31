import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DEFAULT_DATABASE_URL = "file:./data/candor.db";
/** Where `remix vite:build` writes; CANDOR_BUILD_DIR lets parallel test runs keep separate builds. */
export const BUILD_DIR = path.resolve(ROOT, process.env.CANDOR_BUILD_DIR ?? "build");

/** Loads .env (if present) without overriding variables already set. */
export function loadDotEnv() {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Generates a session secret into .env the first time Candor starts. */
export function ensureSessionSecret() {
  if (process.env.SESSION_SECRET) return;
  const secret = randomBytes(32).toString("hex");
  const file = path.join(ROOT, ".env");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  appendFileSync(file, `${existing && !existing.endsWith("\n") ? "\n" : ""}SESSION_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.SESSION_SECRET = secret;
  console.log("Generated a session secret and stored it in .env");
}

/** The SQLite file behind a file: URL, resolved against the project root. */
export function databaseFile(url: string): string {
  return path.resolve(ROOT, url.replace(/^file:/, ""));
}

export function ensureDatabaseDirectory(url: string) {
  mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

const BIN = (name: string) => path.join(ROOT, "node_modules/.bin", name);

export function prismaCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  run(BIN("prisma"), args, { env });
}

export function tsx(args: string[], env: NodeJS.ProcessEnv = process.env) {
  run(BIN("tsx"), args, { env });
}

export function remixBuild() {
  run(BIN("remix"), ["vite:build"], { env: { ...process.env, NODE_ENV: "production" } });
}
