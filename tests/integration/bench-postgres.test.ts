import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresQuery, postgresSqlFloor } from "../bench/sql-floor.ts";
import { onlyStatement, recordTwoRequests } from "./support/bench-recording.ts";
import { onPostgres } from "./support/database.ts";

// `npm run bench -- --db postgres` (tests/bench/): the query log on PostgreSQL, where an
// interactive transaction runs on a pool connection of its own, and the SQL floor's replay on a
// pg client. bench-report.test.ts holds the same checks on SQLite.

const dir = mkdtempSync(path.join(tmpdir(), "candor-bench-pg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = () => process.env.DATABASE_URL ?? "";

async function onDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const countAudit = () =>
  onDatabase(async (client) => {
    const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "AuditEvent"');
    return Number(rows[0]?.n);
  });

describe.skipIf(!onPostgres)("the query log and its replay on PostgreSQL", () => {
  it("records a transaction's statements as on SQLite, and replaying them leaves the database as it was", async () => {
    const before = await countAudit();
    // The transaction runs on a pool connection of its own; its statements are in the log all the same.
    const recorded = await recordTwoRequests(url(), dir);
    const { claims, first, second } = recorded;
    expect(first[0]?.sql).toContain("$1");
    expect(await countAudit()).toBe(before + 1);

    // Bound as the adapter binds them (the date as UTC text without a zone), the same rows come back.
    const statement = onlyStatement(recorded);
    const replayed = await onDatabase(async (db) => (await db.query<unknown[]>(postgresQuery(statement))).rows);
    expect(replayed.map((row) => row[0])).toEqual(claims.map((claim) => claim.id));

    // A replay rolls its writes back; a statement that fails is counted, not fatal.
    const floor = await postgresSqlFloor(url(), [
      ...first,
      ...second,
      { kind: "query", sql: 'SELECT * FROM "NoSuchTable"', args: [], argTypes: [], ms: 0.1 },
    ]);
    expect(floor.statements).toBe(6);
    expect(floor.failed).toBe(1);
    expect(floor.floorMs).toBeGreaterThan(0);
    expect(await countAudit()).toBe(before + 1);
  });
});
