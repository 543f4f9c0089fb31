import { describe, expect, it } from "vitest";
import { sqlFor } from "./sql-dialect.server.ts";

const sqlite = sqlFor("sqlite");
const postgres = sqlFor("postgres");

describe("the SQL dialect fragments", () => {
  it("binds an enum value as text on SQLite and cast to the enum type on PostgreSQL", () => {
    expect(sqlite.enumValue("ClaimStatus", "PENDING").sql).toBe("?");
    expect(postgres.enumValue("ClaimStatus", "PENDING").sql).toBe('CAST(? AS "ClaimStatus")');
    expect(postgres.enumValue("ClaimStatus", "PENDING").values).toEqual(["PENDING"]);
  });

  it("writes the scalar larger, smaller and truncation in each database's words", () => {
    expect(sqlite.least("9", sqlite.greatest("0", sqlite.truncate("x * 10")))).toBe(
      "MIN(9, MAX(0, CAST(x * 10 AS INTEGER)))",
    );
    expect(postgres.least("9", postgres.greatest("0", postgres.truncate("x * 10")))).toBe(
      "LEAST(9, GREATEST(0, CAST(TRUNC(x * 10) AS INTEGER)))",
    );
  });

  it("names a row key, a join the planner keeps in order, and an empty earliest date", () => {
    expect(sqlite.rowKey("c")).toBe("c.rowid");
    expect(postgres.rowKey("c")).toBe('c."id"');
    expect(sqlite.orderedJoin).toBe("CROSS JOIN");
    expect(postgres.orderedJoin).toBe("JOIN");
    expect(sqlite.beforeAnyDate).toBe("''");
    expect(postgres.beforeAnyDate).toContain("-infinity");
  });

  it("takes the write lock with a no-op write on SQLite and one advisory lock on PostgreSQL", () => {
    expect(sqlite.writeLock.sql).toMatch(/^UPDATE "Deal" .* WHERE FALSE$/);
    expect(postgres.writeLock.sql).toMatch(/^SELECT 1 FROM pg_advisory_xact_lock\(\d+\)$/);
  });

  it("asks PostgreSQL for case-insensitive contains and startsWith, and leaves SQLite's LIKE as it is", () => {
    expect(sqlite.contains("Maya")).toEqual({ contains: "Maya" });
    expect(postgres.contains("Maya")).toEqual({ contains: "Maya", mode: "insensitive" });
    expect(sqlite.startsWith("claim.")).toEqual({ startsWith: "claim." });
    expect(postgres.startsWith("claim.")).toEqual({ startsWith: "claim.", mode: "insensitive" });
    expect(sqlite.likeInsensitive).toBe("LIKE");
    expect(postgres.likeInsensitive).toBe("ILIKE");
  });
});
