import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP_DIR = path.join(ROOT, "tests/.tmp");
/** Migrated and seeded once per `vitest run`, then copied for every test file. */
export const BASE_DATABASE = path.join(TMP_DIR, "base.db");
/** The reference date of the seeded demo data in integration tests. */
export const SEED_TODAY = "2026-11-26";
