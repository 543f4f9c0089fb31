import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  dataTableQuery,
  dayParam,
  enumParam,
  listQuerySchema,
  pageParam,
  pageSizeParam,
  parseListQuery,
  quoted,
  repeatedParam,
  sortParam,
  tableQueryNotes,
  tableQueryParams,
  tableSort,
  textParam,
} from "./list-query.ts";

const schema = listQuerySchema({
  q: textParam(10),
  status: enumParam(["OPEN", "CLOSED"]),
  from: dayParam(),
  tag: repeatedParam(z.enum(["red", "blue"])),
  ...tableQueryParams({
    sortKeys: ["name", "size"],
    defaultSort: "name",
    pageSizes: [25, 50, 100],
    defaultPageSize: 25,
  }),
});
const parse = (query: string) => parseListQuery(schema, new URLSearchParams(query));

describe("parseListQuery", () => {
  it("gives every field its default when the query string is empty", () => {
    expect(parse("")).toEqual({
      value: { tag: [], sort: "name", page: 1, pageSize: 25 },
      rejected: [],
    });
  });

  it("reads every kind of field", () => {
    expect(
      parse("q=%20lamp%20&status=OPEN&from=2026-02-28&tag=red&tag=blue&sort=size&dir=desc&page=3&pageSize=50"),
    ).toEqual({
      value: {
        q: "lamp",
        status: "OPEN",
        from: "2026-02-28",
        tag: ["red", "blue"],
        sort: "size",
        dir: "desc",
        page: 3,
        pageSize: 50,
      },
      rejected: [],
    });
  });

  it("treats blank values as absent, as a GET form with “Any” chosen sends them", () => {
    expect(parse("q=%20%20&status=&from=&tag=&sort=&dir=&page=&pageSize=")).toEqual(parse(""));
  });

  it("falls back to the default for each value it cannot use, and names each one, never throwing", () => {
    const query = parse(
      `q=${"x".repeat(11)}&status=open&from=2026-02-30&sort=colour&dir=up&page=0&pageSize=30&tag=red&tag=green`,
    );
    expect(query.value).toEqual({ tag: ["red"], sort: "name", page: 1, pageSize: 25 });
    const rejected = [
      ["q", "x".repeat(11)],
      ["status", "open"],
      ["from", "2026-02-30"],
      ["tag", "green"],
      ["sort", "colour"],
      ["dir", "up"],
      ["page", "0"],
      ["pageSize", "30"],
    ];
    expect(query.rejected).toEqual(rejected.map(([name, value]) => ({ name, value })));
  });

  it("accepts only whole page numbers from 1 to 100,000", () => {
    const page = (text: string) => parse(`page=${text}`).value.page;
    expect(page("2")).toBe(2);
    expect(page(" 4 ")).toBe(4);
    expect(page("100000")).toBe(100_000);
    for (const bad of ["2.5", "-1", "abc", "100001", "Infinity", "1e20"]) expect(page(bad), bad).toBe(1);
  });

  it("accepts only real calendar days", () => {
    expect(parse("from=2028-02-29").value.from).toBe("2028-02-29");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-1", "yesterday"]) {
      expect(parse(`from=${bad}`).value.from, bad).toBeUndefined();
    }
  });

  it("takes the last value of a parameter given twice, and ignores parameters it does not name", () => {
    expect(parse("status=CLOSED&status=OPEN&utm=1&hide=size").value).toEqual({
      status: "OPEN",
      tag: [],
      sort: "name",
      page: 1,
      pageSize: 25,
    });
  });
});

describe("tableSort", () => {
  const newestFirst = (key: "name" | "date") => (key === "date" ? "desc" : "asc");
  it("uses the direction given, or the column's own", () => {
    expect(tableSort({ sort: "date" }, newestFirst)).toEqual({ key: "date", dir: "desc" });
    expect(tableSort({ sort: "name" }, newestFirst)).toEqual({ key: "name", dir: "asc" });
    expect(tableSort({ sort: "date", dir: "asc" }, newestFirst)).toEqual({ key: "date", dir: "asc" });
  });
});

describe("tableQueryNotes", () => {
  const options = { pageSizes: [25, 50, 100], defaultPageSize: 25, sortedBy: "the name" };
  it("says what it did instead of each sort and paging value it ignored, and nothing about the rest", () => {
    const { rejected } = parse("sort=colour&dir=up&page=0&pageSize=30&status=open");
    expect(tableQueryNotes(rejected, options)).toEqual([
      "Cannot sort by “colour”; sorted by the name instead.",
      "Ignored the sort direction “up”: use “asc” or “desc”.",
      "Showing the first page: “0” is not a page number.",
      "Showing 25 a page: “30” is not one of 25, 50, 100.",
    ]);
    expect(tableQueryNotes(parse("pageSize=7").rejected, { ...options, rows: "lamps" })).toEqual([
      "Showing 25 lamps a page: “7” is not one of 25, 50, 100.",
    ]);
  });

  it("shortens a long value", () => {
    expect(quoted("short")).toBe("“short”");
    expect(quoted("y".repeat(500))).toBe(`“${"y".repeat(40)}…”`);
  });
});

describe("dataTableQuery", () => {
  const table = dataTableQuery({
    sortKeys: ["name", "size"],
    defaultSort: "name",
    descending: ["size"],
    sortedBy: "the name",
    rows: "lamps",
  });
  const tableSchema = listQuerySchema({ status: enumParam(["OPEN", "CLOSED"]), ...table.fields });
  const read = (query: string) => table.read(parseListQuery(tableSchema, new URLSearchParams(query)));

  it("reads the sort, each column in its own direction unless told, and the page of 25, 50 or 100 rows", () => {
    expect(table.pageSizes).toEqual([25, 50, 100]);
    expect(read("")).toEqual({ sort: { key: "name", dir: "asc" }, page: 1, pageSize: 25, notes: [] });
    expect(read("sort=size&page=2&pageSize=100")).toEqual({
      sort: { key: "size", dir: "desc" },
      page: 2,
      pageSize: 100,
      notes: [],
    });
    expect(read("sort=size&dir=asc").sort).toEqual({ key: "size", dir: "asc" });
  });

  it("notes the sort and paging values it ignored, not the page's other parameters", () => {
    expect(read("sort=colour&pageSize=7&status=open").notes).toEqual([
      "Cannot sort by “colour”; sorted by the name instead.",
      "Showing 25 lamps a page: “7” is not one of 25, 50, 100.",
    ]);
  });
});

describe("the building blocks on their own", () => {
  it("default when absent", () => {
    expect(pageParam().parse(undefined)).toBe(1);
    expect(pageSizeParam([10, 20], 20).parse(undefined)).toBe(20);
    expect(sortParam(["a", "b"], "b").parse(undefined)).toBe("b");
  });
});
