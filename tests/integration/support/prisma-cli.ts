import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ROOT } from "../../setup/paths.ts";

// The real Prisma CLI with the offline schema engine (ADR 001), run in a scratch project:
// schema-engine.test.ts (SQLite) and schema-engine-postgres.test.ts drive it the same way.

const PRISMA_CLI = path.join(ROOT, "node_modules/prisma/build/index.js");
const ENGINE = path.join(ROOT, "prisma/engine/schema-engine.mjs");
export const STEP_TIMEOUT = 120_000;

/** A scratch project in `work` whose schema and migrations live in its prisma/ folder. */
export function scratchProject(work: string) {
  // A plain object: `prisma/config` would not resolve from the temp directory.
  writeFileSync(
    path.join(work, "prisma.config.ts"),
    `export default {
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL },
};
`,
  );
  const migrationsDir = path.join(work, "prisma/migrations");
  return {
    schemaFile: path.join(work, "prisma/schema.prisma"),
    migrationsDir,
    /** Runs the CLI with DATABASE_URL set to `databaseUrl`. */
    prisma(args: string[], databaseUrl: string) {
      const result = spawnSync(process.execPath, [PRISMA_CLI, ...args], {
        cwd: work,
        encoding: "utf8",
        timeout: STEP_TIMEOUT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: ENGINE,
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          NO_COLOR: "1",
        },
      });
      return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
    },
    /** The migration folders, oldest first. */
    migrations() {
      return readdirSync(migrationsDir)
        .filter((name) => !name.endsWith(".toml"))
        .sort();
    },
  };
}

/** Asserts a CLI run succeeded, showing its output when it did not. */
export function ok<R extends { status: number | null; output: string }>(run: R): R {
  expect(run.status, run.output).toBe(0);
  return run;
}
