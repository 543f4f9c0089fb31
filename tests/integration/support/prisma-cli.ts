import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ROOT } from "../../setup/paths.ts";

// The real Prisma CLI with the offline schema engine (ADR 001), run in a scratch project:
// schema-engine.test.ts (SQLite) and schema-engine-postgres.test.ts drive it the same way.

const PRISMA_CLI = path.join(ROOT, "node_modules/prisma/build/index.js");
const ENGINE = path.join(ROOT, "prisma/engine/schema-engine.mjs");
export const STEP_TIMEOUT = 120_000;

/** The scratch project's first schema on `provider`: teams, their users, and an audit table. */
function firstSchema(provider: "sqlite" | "postgresql"): string {
  return `datasource db {
  provider = "${provider}"
}

model Team {
  id    Int    @id @default(autoincrement())
  name  String @unique
  users User[]
}

model User {
  id     Int    @id @default(autoincrement())
  email  String @unique
  teamId Int
  team   Team   @relation(fields: [teamId], references: [id], onDelete: Cascade)
}

model AuditEvent {
  id     Int    @id @default(autoincrement())
  action String
}
`;
}

/** A scratch project in `work` on `provider`, its first schema written, its migrations in its prisma/ folder. */
export function scratchProject(work: string, provider: "sqlite" | "postgresql") {
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
  const schema = firstSchema(provider);
  const schemaFile = path.join(work, "prisma/schema.prisma");
  mkdirSync(path.dirname(schemaFile), { recursive: true });
  writeFileSync(schemaFile, schema);
  const migrationsDir = path.join(work, "prisma/migrations");
  return {
    schemaFile,
    migrationsDir,
    /** The schema change a second migration holds: User gets a nullable nickname. */
    addNickname() {
      writeFileSync(
        schemaFile,
        schema.replace("  email  String @unique\n", "  email  String @unique\n  nickname String?\n"),
      );
    },
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
