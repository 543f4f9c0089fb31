import { dialectOf } from "../../../app/lib/database-url.ts";

/** Whether this test file runs on PostgreSQL (project integration-postgres, ADR 023). */
export const onPostgres = dialectOf(process.env.DATABASE_URL ?? "") === "postgres";
