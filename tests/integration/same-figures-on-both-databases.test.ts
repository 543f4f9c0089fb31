import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseClient } from "../../app/lib/db.server.ts";
import { ROOT, SEED_TODAY } from "../setup/paths.ts";
import { onPostgres } from "./support/database.ts";

// PRODUCT.md §10: the same demo data gives the same comp statements on PostgreSQL as on SQLite.
// Runs in the PostgreSQL project, whose database was seeded for SEED_TODAY; the SQLite side is
// migrated and seeded here the same way (tests/setup/global-database.ts).

const dir = mkdtempSync(path.join(tmpdir(), "candor-both-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seededSqlite(): string {
  const url = `file:${path.join(dir, "candor.db")}`;
  const env = { ...process.env, DATABASE_URL: url };
  for (const args of [
    [path.join(ROOT, "node_modules/.bin/prisma"), "migrate", "deploy"],
    [path.join(ROOT, "node_modules/.bin/tsx"), "seed/cli.ts", "--today", SEED_TODAY],
  ]) {
    const [command = "", ...rest] = args;
    const result = spawnSync(command, rest, { cwd: ROOT, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return url;
}

/** Every figure page's loader data on `url` (support/page-figures.ts), for the locked period `period`. */
function pageFigures(url: string, period: string): Record<string, unknown> {
  const result = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["tests/integration/support/page-figures.ts", period],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
    },
  );
  if (result.status !== 0) throw new Error(`page-figures.ts failed on ${url}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/**
 * `value` with each fraction replaced by "close to it, to 6 decimals": SQLite counts days through
 * julianday and PostgreSQL through epoch seconds, and the two part after ten digits, far below
 * anything a page prints.
 */
function approximately(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) return expect.closeTo(value, 6);
  if (Array.isArray(value)) return value.map(approximately);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, approximately(item)]));
  }
  return value;
}

/**
 * Every list of records in one order. Records that tie on a list's sort keep the database's order
 * among themselves, which follows ids made afresh on each database; this test compares figures,
 * and each list's order is tested on both databases by its own tests (deals-list.test.ts,
 * claims-table.test.ts, home.test.ts, dashboard.test.ts).
 */
function inOneOrder(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(inOneOrder);
    const records = items.length > 0 && items.every((item) => item !== null && typeof item === "object");
    return records
      ? items
          .map((item) => JSON.stringify(item))
          .sort()
          .map((item) => JSON.parse(item) as unknown)
      : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inOneOrder(item)]));
  }
  return value;
}

type Client = ReturnType<typeof createBaseClient>;

/** Every statement's figures, by period name and salesperson email, in one order. */
async function statements(client: Client) {
  const rows = await client.compStatement.findMany({
    select: {
      period: { select: { name: true } },
      user: { select: { email: true } },
      detailJson: true,
      accuracy: true,
      quiz: true,
      satisfaction: true,
      composite: true,
      multiplier: true,
      targetBonusCents: true,
      periodPayoutCents: true,
      adjustmentCents: true,
      totalPayoutCents: true,
    },
  });
  return rows
    .map(({ period, user, detailJson, ...figures }) => ({
      key: `${period.name} ${user.email}`,
      ...figures,
      detail: JSON.parse(detailJson) as unknown,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe.skipIf(!onPostgres)("the demo data on PostgreSQL and on SQLite", () => {
  let sqliteUrl = "";
  beforeAll(() => {
    sqliteUrl = seededSqlite();
  }, 180_000);

  it("gives the same comp statements, figure for figure", { timeout: 180_000 }, async () => {
    const sqlite = createBaseClient(sqliteUrl);
    const postgres = createBaseClient(process.env.DATABASE_URL ?? "");
    try {
      const onSqlite = await statements(sqlite);
      const onPostgresDatabase = await statements(postgres);
      // Every period of the demo (locked and open) has statements for its salespeople.
      expect(new Set(onSqlite.map((row) => row.key.split(" ")[0])).size).toBeGreaterThan(4);
      expect(onPostgresDatabase).toEqual(onSqlite);
    } finally {
      await Promise.all([sqlite.$disconnect(), postgres.$disconnect()]);
    }
  });

  it("shows the same figures on every figure page and in the payroll and scorecard CSVs", { timeout: 180_000 }, () => {
    const onSqlite = pageFigures(sqliteUrl, "2026-Q3");
    const onPostgresDatabase = pageFigures(process.env.DATABASE_URL ?? "", "2026-Q3");
    expect(Object.keys(onSqlite)).toHaveLength(13);
    for (const [page, figures] of Object.entries(onSqlite)) {
      expect(inOneOrder(onPostgresDatabase[page]), page).toEqual(approximately(inOneOrder(figures)));
    }
  });
});
