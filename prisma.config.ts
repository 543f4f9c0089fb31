import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine from a host this project
// cannot rely on; the stand-in runs Prisma's own Wasm build of that engine
// instead (docs/decisions/001-offline-schema-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx seed/cli.ts",
  },
  datasource: {
    // Not env(): it throws when the variable is unset, as in a fresh clone.
    url: process.env.DATABASE_URL ?? "file:./data/candor.db",
  },
});
