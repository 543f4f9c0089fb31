import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { loader as dealsLoader } from "../../app/routes/_app.deals._index.tsx";
import { load } from "./support/requests.ts";

// /deals sorts on the server by the column named in the URL (sort=<column>&dir=asc|desc), like
// /claims and the team scorecard, across pages, within the reader's audience; an unreadable
// value is ignored with a note.

async function deals(search: string, email = "manager@candor.test") {
  return load(dealsLoader, email, `/deals?${search}`);
}

function expectOrdered<T>(values: readonly T[], dir: "asc" | "desc") {
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1], values[i]] as [T, T];
    if (dir === "asc") expect(a <= b, `${String(a)} then ${String(b)}`).toBe(true);
    else expect(a >= b, `${String(a)} then ${String(b)}`).toBe(true);
  }
}

type DealRow = Awaited<ReturnType<typeof deals>>["rows"][number];

/** Checks the rows list their `column` in `dir` order, a missing team or product counting as "". */
function expectSortedBy(
  rows: readonly DealRow[],
  column: "amountCents" | "owner" | "account" | "team" | "product" | "status" | "externalId",
  dir: "asc" | "desc",
) {
  expectOrdered(
    rows.map((row) => row[column] ?? ""),
    dir,
  );
}

describe("sorting the deals list", () => {
  it("sorts by amount across the whole audience, biggest first by default, and smallest first on request", async () => {
    const manager = await prisma.user.findUniqueOrThrow({
      where: { email: "manager@candor.test" },
      include: { managedTeams: true },
    });
    const where = { owner: { teamId: { in: manager.managedTeams.map((team) => team.teamId) } } };
    const [biggest, smallest] = await Promise.all([
      prisma.deal.findFirstOrThrow({ where, orderBy: { amountCents: "desc" } }),
      prisma.deal.findFirstOrThrow({ where, orderBy: { amountCents: "asc" } }),
    ]);

    const down = await deals("sort=amount&pageSize=100");
    expect(down.sort).toEqual({ key: "amount", dir: "desc" });
    expect(down.rows[0]?.amountCents).toBe(biggest.amountCents);
    expectSortedBy(down.rows, "amountCents", "desc");

    const up = await deals("sort=amount&dir=asc&pageSize=100");
    expect(up.rows[0]?.amountCents).toBe(smallest.amountCents);
    expectSortedBy(up.rows, "amountCents", "asc");
    expect(up.total).toBe(down.total);
  });

  it("pages through a sort without repeating or skipping a deal", async () => {
    const all = await deals("sort=owner&pageSize=100");
    const first = await deals("sort=owner&pageSize=25&page=1");
    const second = await deals("sort=owner&pageSize=25&page=2");
    expectSortedBy(all.rows, "owner", "asc");
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(all.rows.slice(0, 50).map((row) => row.id));
  });

  it("sorts by account, team, product, status and external ID, both ways", async () => {
    const byAccount = await deals("sort=account&dir=desc&pageSize=100", "admin@candor.test");
    expectSortedBy(byAccount.rows, "account", "desc");
    const byTeam = await deals("sort=team&pageSize=100", "admin@candor.test");
    expectSortedBy(byTeam.rows, "team", "asc");
    expect(byTeam.rows[0]?.team).toBe("Enterprise East");
    expect((await deals("sort=team&dir=desc&pageSize=25", "admin@candor.test")).rows[0]?.team).toBe("Mid-Market");
    const byProduct = await deals("sort=product&dir=desc&pageSize=100&status=WON", "admin@candor.test");
    expectSortedBy(byProduct.rows, "product", "desc");
    const byStatus = await deals("sort=status&pageSize=100", "admin@candor.test");
    expectSortedBy(byStatus.rows, "status", "asc");
    // Alphabetically on both databases (Lost, Open, Won), not in PostgreSQL's declaration order.
    expect(byStatus.rows[0]?.status).toBe("LOST");
    const byId = await deals("sort=externalId&dir=desc&pageSize=50");
    expectSortedBy(byId.rows, "externalId", "desc");
  });

  it("puts deals not closed yet first when newest first (the default), and last when oldest first", async () => {
    const newest = await deals("pageSize=100");
    expect(newest.sort).toEqual({ key: "closedAt", dir: "desc" });
    const openCount = await deals("status=OPEN&pageSize=100");
    expect(openCount.total).toBeGreaterThan(0);
    expect(newest.rows[0]?.closedAt).toBeNull();
    const closedNewest = newest.rows.filter((row) => row.closedAt !== null).map((row) => row.closedAt?.getTime() ?? 0);
    expectOrdered(closedNewest, "desc");

    const oldest = await deals("sort=closedAt&dir=asc&pageSize=100");
    expect(oldest.rows[0]?.closedAt).not.toBeNull();
    expectOrdered(
      oldest.rows.map((row) => row.closedAt?.getTime() ?? Number.MAX_SAFE_INTEGER),
      "asc",
    );
  });

  it("keeps the status filter and search while sorting, within the manager's teams only", async () => {
    const won = await deals("status=WON&sort=amount&dir=asc&pageSize=100");
    expect(won.rows.length).toBeGreaterThan(0);
    expect(won.rows.every((row) => row.status === "WON")).toBe(true);
    expect(won.rows.some((row) => row.team === "Enterprise West")).toBe(false);
    expectSortedBy(won.rows, "amountCents", "asc");
  });

  it("ignores a column it cannot sort by, or a bad direction, with a plain note", async () => {
    const page = await deals("sort=contactEmail&dir=sideways");
    expect(page.sort).toEqual({ key: "closedAt", dir: "desc" });
    expect(page.notes).toEqual([
      "Cannot sort by “contactEmail”; sorted by the close date instead.",
      "Ignored the sort direction “sideways”: use “asc” or “desc”.",
    ]);
    expect(page.rows.length).toBeGreaterThan(0);
  });
});
