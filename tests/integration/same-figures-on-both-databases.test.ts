import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
  it("gives the same comp statements, figure for figure", { timeout: 180_000 }, async () => {
    const sqlite = createBaseClient(seededSqlite());
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
});
