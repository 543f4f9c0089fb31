import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP_ROOT = path.join(ROOT, "tests/.tmp");
/** The reference date of the seeded demo data in integration tests. */
export const SEED_TODAY = "2026-11-26";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded base database every test file copies: a SQLite file, or a PostgreSQL database's name. */
    database: { kind: "sqlite" | "postgres"; base: string };
  }
}
