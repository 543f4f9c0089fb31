import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine from a host this project
// cannot rely on; the stand-in runs Prisma's own Wasm build of that engine
// instead (docs/decisions/001-offline-schema-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine.mjs");

// Not env(): it throws when the variable is unset, as in a fresh clone.
const url = process.env.DATABASE_URL ?? "file:./data/candor.db";
// A `postgres://` or `postgresql://` URL selects PostgreSQL's schema and migrations (ADR 023);
// anything else is SQLite, the embedded default.
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations",
    seed: "tsx seed/cli.ts",
  },
  datasource: { url },
});
