import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  growthRows,
  isTransactionControl,
  pageRatio,
  parseSize,
  percentile,
  sizeLabel,
  sqliteArgs,
  statementsOf,
  textTable,
} from "../bench/report.ts";
import { sqlFloor } from "../bench/sql-floor.ts";
import { importChainTo, routeWeights, type RemixManifest } from "../bench/weight.ts";
import { onlyStatement, recordTwoRequests } from "./support/bench-recording.ts";
import { onPostgres } from "./support/database.ts";

// The benchmark's own parts (tests/bench/): the query log the server writes in bench mode, its
// replay on better-sqlite3, the ratio and growth arithmetic, and the JavaScript weights. They
// live here because the unit project does not collect tests/bench/.

const dir = mkdtempSync(path.join(tmpdir(), "candor-bench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const databaseFile = () => (process.env.DATABASE_URL ?? "").replace(/^file:/, "");

describe("the query log and its replay", () => {
  // The bench replays on better-sqlite3 (its SQL floor is SQLite's), so these two need the SQLite file.
  it.skipIf(onPostgres)(
    "records a request's statements through Prisma, and replaying them returns the same rows",
    async () => {
      const recorded = await recordTwoRequests(process.env.DATABASE_URL ?? "", dir);
      const { claims, first, second } = recorded;
      expect(first[0]?.sql).toMatch(/FROM `main`\.`Claim`/);
      // SQLite's transaction starts with BEGIN IMMEDIATE.
      expect(second[0]?.sql).toBe("BEGIN IMMEDIATE");

      // Bound as the adapter binds them (the date as "…+00:00" text), the same rows come back.
      const db = new Database(databaseFile(), { readonly: true });
      try {
        const statement = onlyStatement(recorded);
        const rows = db
          .prepare(statement.sql)
          .raw()
          .all(...sqliteArgs(statement)) as unknown[][];
        expect(rows.map((row) => row[0])).toEqual(claims.map((claim) => claim.id));
      } finally {
        db.close();
      }
    },
  );

  it("skips lines of other requests and torn lines", () => {
    const line = (requestId: string, sql: string) =>
      JSON.stringify({ requestId, kind: "query", sql, args: [], argTypes: [], ms: 1.5 });
    const text = [
      line("a", "SELECT 1"),
      line("b", "SELECT 2"),
      '{"requestId":"a","kind":"que',
      line("a", "SELECT 3"),
      "",
    ].join("\n");
    expect(statementsOf(text, "a").map((statement) => statement.sql)).toEqual(["SELECT 1", "SELECT 3"]);
    expect(statementsOf(text, "c")).toEqual([]);
  });

  it("binds arguments as the better-sqlite3 adapter does", () => {
    const args = sqliteArgs({
      args: ["42", "1.5", "9007199254740993", "2026-11-26T10:00:00.000Z", true, false, null, "text", 7],
      argTypes: [
        { scalarType: "int" },
        { scalarType: "decimal" },
        { scalarType: "bigint" },
        { scalarType: "datetime" },
        { scalarType: "boolean" },
        { scalarType: "boolean" },
        { scalarType: "string" },
        { scalarType: "string" },
        { scalarType: "int" },
      ],
    });
    expect(args).toEqual([42, 1.5, 9007199254740993n, "2026-11-26T10:00:00.000+00:00", 1, 0, null, "text", 7]);
  });

  it("leaves transaction control out of a replay, savepoints in", () => {
    expect(["BEGIN IMMEDIATE", "COMMIT", "ROLLBACK", "begin"].every(isTransactionControl)).toBe(true);
    expect(
      ["SELECT 1", "ROLLBACK TO prisma_sp_0", "SAVEPOINT prisma_sp_0", "RELEASE SAVEPOINT prisma_sp_0"].some(
        isTransactionControl,
      ),
    ).toBe(false);
  });

  it.skipIf(onPostgres)("replays reads and writes and leaves the database as it was", () => {
    const db = new Database(databaseFile());
    const countAudit = () => (db.prepare("SELECT COUNT(*) AS n FROM AuditEvent").get() as { n: number }).n;
    const before = countAudit();
    db.close();
    const floor = sqlFloor(databaseFile(), [
      { kind: "execute", sql: "BEGIN IMMEDIATE", args: [], argTypes: [], ms: 0.1 },
      {
        kind: "query",
        sql: "SELECT COUNT(*) FROM Claim WHERE status = ?",
        args: ["PENDING"],
        argTypes: [{ scalarType: "string" }],
        ms: 2,
      },
      {
        kind: "execute",
        sql: "INSERT INTO AuditEvent (action, entityType, entityId) VALUES (?, ?, ?)",
        args: ["test.replay", "Test", "1"],
        argTypes: [],
        ms: 0.5,
      },
      { kind: "query", sql: "SELECT * FROM NoSuchTable", args: [], argTypes: [], ms: 0.1 },
      { kind: "execute", sql: "COMMIT", args: [], argTypes: [], ms: 0.1 },
    ]);
    expect(floor.statements).toBe(5);
    expect(floor.failed).toBe(1);
    expect(floor.floorMs).toBeGreaterThan(0);
    expect(floor.serverMs).toBeCloseTo(2.8, 5);
    const after = new Database(databaseFile(), { readonly: true });
    try {
      expect((after.prepare("SELECT COUNT(*) AS n FROM AuditEvent").get() as { n: number }).n).toBe(before);
    } finally {
      after.close();
    }
  });
});

describe("the bench's arithmetic", () => {
  it("divides a page's median by healthz plus its SQL floor", () => {
    expect(pageRatio(120, 20, 40)).toBe(2);
    expect(pageRatio(30, 10, 0)).toBe(3);
    expect(pageRatio(30, 0, 0)).toBeNull();
    expect(pageRatio(Number.NaN, 10, 5)).toBeNull();
  });

  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile([], 50)).toBeNaN();
  });

  it("reads sizes like 200k and 2m, and names them back", () => {
    expect(parseSize("200k")).toBe(200_000);
    expect(parseSize("2m")).toBe(2_000_000);
    expect(parseSize("1.5M")).toBe(1_500_000);
    expect(parseSize("350000")).toBe(350_000);
    expect(parseSize("lots")).toBeNull();
    expect(parseSize("0")).toBeNull();
    expect(sizeLabel(200_000)).toBe("200k");
    expect(sizeLabel(2_000_000)).toBe("2M");
    expect(sizeLabel(1_234)).toBe("1234");
  });

  it("gives each case's growth between two sizes, for the cases both sizes have", () => {
    const rows = growthRows(
      [
        { name: "dashboard", medianMs: 100, sqlFloorMs: 40 },
        { name: "claims", medianMs: 50, sqlFloorMs: null },
        { name: "only small", medianMs: 10, sqlFloorMs: 1 },
      ],
      [
        { name: "claims", medianMs: 75, sqlFloorMs: null },
        { name: "dashboard", medianMs: 900, sqlFloorMs: 400 },
      ],
    );
    expect(rows).toEqual([
      { name: "dashboard", small: 100, large: 900, growth: 9, floorSmall: 40, floorLarge: 400, floorGrowth: 10 },
      { name: "claims", small: 50, large: 75, growth: 1.5, floorSmall: null, floorLarge: null, floorGrowth: null },
    ]);
  });

  it("lays out a table with the first column left and the figures right", () => {
    expect(
      textTable(
        ["case", "ms"],
        [
          ["a page", "5.0"],
          ["b", "120.5"],
        ],
      ).split("\n"),
    ).toEqual(["case       ms", "------  -----", "a page    5.0", "b       120.5"]);
  });
});

describe("JavaScript weight per page", () => {
  const manifest: RemixManifest = {
    entry: { module: "/assets/entry.js", imports: ["/assets/react.js"] },
    routes: {
      root: { id: "root", path: "", module: "/assets/root.js", imports: ["/assets/react.js"] },
      "routes/_app": { id: "routes/_app", parentId: "root", module: "/assets/app.js", imports: ["/assets/nav.js"] },
      "routes/_app.claims._index": {
        id: "routes/_app.claims._index",
        parentId: "routes/_app",
        path: "claims",
        index: true,
        module: "/assets/claims.js",
        imports: ["/assets/nav.js", "/assets/zod.js"],
      },
      "routes/_app.dashboard": {
        id: "routes/_app.dashboard",
        parentId: "routes/_app",
        path: "dashboard",
        module: "/assets/dashboard.js",
        imports: ["/assets/charts.js"],
      },
      "routes/claims[.]csv": {
        id: "routes/claims[.]csv",
        parentId: "root",
        path: "claims.csv",
        module: "/assets/empty.js",
        imports: [],
      },
    },
  };
  const sizes: Record<string, number> = {
    "/assets/entry.js": 1000,
    "/assets/react.js": 50_000,
    "/assets/root.js": 2000,
    "/assets/app.js": 1000,
    "/assets/nav.js": 3000,
    "/assets/claims.js": 4000,
    "/assets/zod.js": 25_000,
    "/assets/dashboard.js": 5000,
    "/assets/charts.js": 100_000,
    "/assets/empty.js": 1,
  };

  it("counts every chunk of a page's document load once, and its own chunks apart", () => {
    const weights = routeWeights(
      manifest,
      (asset) => sizes[asset] ?? 0,
      (asset) => asset === "/assets/charts.js",
      (asset) => asset === "/assets/empty.js",
    );
    expect(weights.map(({ chunks: _chunks, ...weight }) => weight)).toEqual([
      {
        routeId: "routes/_app.claims._index",
        url: "/claims",
        totalGzip: 1000 + 50_000 + 2000 + 1000 + 3000 + 4000 + 25_000,
        ownGzip: 4000 + 25_000,
        rechartsChunks: [],
      },
      {
        routeId: "routes/_app.dashboard",
        url: "/dashboard",
        totalGzip: 1000 + 50_000 + 2000 + 1000 + 3000 + 5000 + 100_000,
        ownGzip: 105_000,
        rechartsChunks: ["/assets/charts.js"],
      },
    ]);
  });

  it("names the chain of imports that brings a package into a page, ignoring type-only and server modules", () => {
    const app = path.join(dir, "app");
    mkdirSync(path.join(app, "routes"), { recursive: true });
    mkdirSync(path.join(app, "components/charts"), { recursive: true });
    writeFileSync(
      path.join(app, "routes/page.tsx"),
      'import { Panel } from "../components/panel.tsx";\nimport type { Row } from "../components/types.ts";\nimport { load } from "../models/data.server.ts";\n',
    );
    writeFileSync(path.join(app, "components/panel.tsx"), 'export { Trend } from "~/components/charts/trend";\n');
    writeFileSync(path.join(app, "components/charts/trend.tsx"), 'import { LineChart } from "recharts";\n');
    writeFileSync(path.join(app, "components/types.ts"), 'import type { TooltipProps } from "recharts";\n');
    writeFileSync(
      path.join(app, "routes/plain.tsx"),
      'import type { Row } from "../components/types.ts";\nimport { load } from "../models/data.server.ts";\n',
    );
    mkdirSync(path.join(app, "models"), { recursive: true });
    writeFileSync(path.join(app, "models/data.server.ts"), 'import { LineChart } from "recharts";\n');

    const chain = importChainTo(path.join(app, "routes/page.tsx"), "recharts", app);
    expect(chain?.map((file) => path.relative(app, file))).toEqual([
      "routes/page.tsx",
      "components/panel.tsx",
      "components/charts/trend.tsx",
    ]);
    expect(importChainTo(path.join(app, "routes/plain.tsx"), "recharts", app)).toBeNull();
  });
});
