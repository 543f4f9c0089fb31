import pg from "pg";

// The PostgreSQL server integration tests run against (ADR 023): a URL of its `postgres`
// database for a role with CREATEDB. `npm test` starts the machine's PostgreSQL and creates that
// role when needed (scripts/postgres.ts); CANDOR_TEST_POSTGRES_URL points elsewhere.
export const POSTGRES_SERVER_URL =
  process.env.CANDOR_TEST_POSTGRES_URL ?? "postgresql://candor:candor@127.0.0.1:5432/postgres";

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates database `name`, as a copy of `template` when given (it must have no connections). */
export async function createDatabase(name: string, template?: string): Promise<string> {
  await onServer(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
