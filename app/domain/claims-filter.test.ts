import { describe, expect, it } from "vitest";
import { hasClaimsFilter, madeAtBounds, parseClaimsQuery } from "./claims-filter.ts";
import { tableQueryOf } from "./test-support.ts";

const parse = (query: string) => parseClaimsQuery(new URLSearchParams(query));

describe("parseClaimsQuery", () => {
  it("defaults to every claim, newest first, 25 a page", () => {
    expect(parse("")).toEqual({ filter: {}, ...tableQueryOf("madeAt", "desc") });
  });

  it("reads every filter, the sort, the page and the page size", () => {
    const query = parse(
      "status=INACCURATE&salesperson=u1&team=t1&product=relay&capability=sso&channel=EMAIL&matrixCheck=OVERSTATES&source=CUSTOMER&from=2026-03-01&to=2026-03-31&sort=salesperson&dir=desc&page=3&pageSize=100",
    );
    expect(query).toEqual({
      filter: {
        status: "INACCURATE",
        salesperson: "u1",
        team: "t1",
        product: "relay",
        capability: "sso",
        channel: "EMAIL",
        matrixCheck: "OVERSTATES",
        source: "CUSTOMER",
        from: "2026-03-01",
        to: "2026-03-31",
      },
      ...tableQueryOf("salesperson", "desc", { page: 3, pageSize: 100 }),
    });
  });

  it("treats empty values as no filter, as a GET form with “Any” chosen sends them", () => {
    expect(parse("status=&product=&from=&sort=&page=")).toEqual(parse(""));
  });

  it("sorts other columns A to Z unless told otherwise", () => {
    expect(parse("sort=product").sort).toEqual({ key: "product", dir: "asc" });
    expect(parse("sort=madeAt&dir=asc").sort).toEqual({ key: "madeAt", dir: "asc" });
  });

  it("ignores unknown enum values and bad dates with a note each, keeping the rest", () => {
    const query = parse(
      "status=MAYBE&matrixCheck=overstates&channel=FAX&source=RUMOUR&from=2026-02-30&to=yesterday&product=relay",
    );
    expect(query.filter).toEqual({ product: "relay" });
    expect(query.notes).toEqual([
      "Ignored the verdict status filter: “MAYBE” is not a value Candor knows.",
      "Ignored the channel filter: “FAX” is not a value Candor knows.",
      "Ignored the matrix check filter: “overstates” is not a value Candor knows.",
      "Ignored the source filter: “RUMOUR” is not a value Candor knows.",
      "Ignored the “made from” date filter: “2026-02-30” is not a date (YYYY-MM-DD).",
      "Ignored the “made to” date filter: “yesterday” is not a date (YYYY-MM-DD).",
    ]);
  });

  it("reads the dispute filter: an open dispute or any dispute, nothing else", () => {
    expect(parse("disputed=open").filter).toEqual({ disputed: "open" });
    expect(parse("disputed=any").filter).toEqual({ disputed: "any" });
    expect(hasClaimsFilter(parse("disputed=open").filter)).toBe(true);
    expect(parse("disputed=yes").notes).toEqual(["Ignored the dispute filter: “yes” is not a value Candor knows."]);
  });

  it("ignores a date range whose start is after its end", () => {
    const query = parse("from=2026-05-01&to=2026-04-01");
    expect(query.filter).toEqual({});
    expect(query.notes).toEqual(["Ignored the date range: “made from” (2026-05-01) is after “made to” (2026-04-01)."]);
  });

  it("falls back on a bad sort, direction, page or page size, saying so", () => {
    const query = parse("sort=statement&dir=up&page=-2&pageSize=30");
    expect(query.sort).toEqual({ key: "madeAt", dir: "desc" });
    expect(query.page).toBe(1);
    expect(query.pageSize).toBe(25);
    expect(query.notes).toHaveLength(4);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=999999999").page).toBe(1);
  });

  it("shortens a very long bad value in its note", () => {
    const [note] = parse(`status=${"X".repeat(500)}`).notes;
    expect(note?.length).toBeLessThan(120);
  });

  it("ignores parameters that are not its own, such as the hidden columns", () => {
    expect(parse("hide=team,channel&utm=1")).toEqual(parse(""));
  });
});

describe("madeAtBounds", () => {
  it("covers whole UTC days, the last one included", () => {
    expect(madeAtBounds({ from: "2026-03-01", to: "2026-03-31" })).toEqual({
      from: new Date("2026-03-01T00:00:00.000Z"),
      before: new Date("2026-04-01T00:00:00.000Z"),
    });
    expect(madeAtBounds({})).toEqual({ from: undefined, before: undefined });
  });
});

describe("hasClaimsFilter", () => {
  it("is false for the unfiltered table only", () => {
    expect(hasClaimsFilter({})).toBe(false);
    expect(hasClaimsFilter({ to: "2026-01-01" })).toBe(true);
  });
});
