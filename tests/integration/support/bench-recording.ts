import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { createPrismaClient } from "../../../app/lib/db.server.ts";
import { recordingQueries } from "../../../app/lib/query-log.server.ts";
import { statementsOf, type RecordedStatement } from "../../bench/report.ts";

// The query log as `npm run bench` records it (tests/bench/), the same on both databases:
// bench-report.test.ts replays it on SQLite, bench-postgres.test.ts on PostgreSQL.

export interface RecordedRequests {
  /** The claims request-1 read. */
  claims: Array<{ id: string }>;
  /** request-1's statements: the one SELECT of those claims. */
  first: RecordedStatement[];
  /** request-2's statements: a transaction that counts the users and writes one audit event. */
  second: RecordedStatement[];
}

/**
 * Records two requests through a Prisma client on `url` whose query log is a file in `dir`: a
 * read of five inaccurate claims (request-1) and a transaction (request-2), with a statement in
 * between that belongs to no request and so is not logged. Checks what the log holds on every
 * database; the replay of it is each database's own.
 */
export async function recordTwoRequests(url: string, dir: string): Promise<RecordedRequests> {
  const log = path.join(dir, "queries.jsonl");
  process.env.CANDOR_QUERY_LOG = log;
  const client = createPrismaClient(url);
  delete process.env.CANDOR_QUERY_LOG;
  try {
    const since = new Date("2026-06-01T00:00:00Z");
    // Prisma's queries run when awaited, so the awaiting happens inside the recorded context.
    const claims = await recordingQueries(
      "request-1",
      async () =>
        await client.claim.findMany({
          where: { madeAt: { gte: since }, status: "INACCURATE" },
          orderBy: { id: "asc" },
          take: 5,
          select: { id: true },
        }),
    );
    // A statement outside a recorded request is not logged.
    await client.user.count();
    await recordingQueries(
      "request-2",
      async () =>
        await client.$transaction(async (tx) => {
          await tx.user.count();
          await tx.auditEvent.create({ data: { action: "test.bench", entityType: "Test", entityId: "1" } });
        }),
    );

    const text = readFileSync(log, "utf8");
    const first = statementsOf(text, "request-1");
    const second = statementsOf(text, "request-2");
    expect(claims.length).toBeGreaterThan(0);
    expect(first).toHaveLength(1);
    // A transaction's statements are recorded with it, whichever connection it ran on.
    expect(second.map((statement) => statement.sql.split(" ")[0])).toEqual(["BEGIN", "SELECT", "INSERT", "COMMIT"]);
    return { claims, first, second };
  } finally {
    await client.$disconnect();
  }
}

/** The one statement of request-1, to replay. */
export function onlyStatement({ first }: RecordedRequests): RecordedStatement {
  const statement = first[0];
  if (!statement) throw new Error("nothing recorded");
  return statement;
}
