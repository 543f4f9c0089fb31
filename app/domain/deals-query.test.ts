import { describe, expect, it } from "vitest";
import { parseDealsQuery } from "./deals-query.ts";
import { tableQueryOf } from "./test-support.ts";

const parse = (query: string) => parseDealsQuery(new URLSearchParams(query));

describe("parseDealsQuery", () => {
  it("defaults to the newest close first, every status, the first page of 25", () => {
    expect(parse("")).toEqual({ q: "", status: null, ...tableQueryOf("closedAt", "desc") });
  });

  it("reads the search, the status, the sort and the page", () => {
    expect(parse("q=%20acme%20&status=WON&sort=account&page=3&pageSize=50")).toEqual({
      q: "acme",
      status: "WON",
      ...tableQueryOf("account", "asc", { page: 3, pageSize: 50 }),
    });
  });

  it.each([
    ["sort=amount", "amount", "desc"],
    ["sort=amount&dir=asc", "amount", "asc"],
    ["sort=owner", "owner", "asc"],
    ["sort=closedAt&dir=asc", "closedAt", "asc"],
  ])("sorts amounts biggest first and names A to Z unless the direction is given: %s", (query, key, dir) => {
    expect(parse(query).sort).toEqual({ key, dir });
  });

  it("drops each unreadable value with a plain note, never throwing", () => {
    const query = parse(`status=PAID&sort=salary&dir=up&page=0&pageSize=7&q=${"x".repeat(300)}`);
    expect(query).toMatchObject({ status: null, sort: { key: "closedAt", dir: "desc" }, page: 1, pageSize: 25 });
    expect(query.q).toHaveLength(200);
    expect(query.notes).toHaveLength(6);
    expect(query.notes.join(" ")).not.toMatch(/undefined|NaN/);
    expect(query.notes).toEqual([
      "Searched for the first 200 characters only.",
      "Showing every status: “PAID” is not open, won or lost.",
      "Cannot sort by “salary”; sorted by the close date instead.",
      "Ignored the sort direction “up”: use “asc” or “desc”.",
      "Showing the first page: “0” is not a page number.",
      "Showing 25 a page: “7” is not one of 25, 50, 100.",
    ]);
  });

  it("treats blank values as absent and reads the last of a repeated parameter", () => {
    expect(parse("q=%20&status=&sort=&dir=&page=&pageSize=")).toEqual(parse(""));
    expect(parse("status=LOST&status=WON").status).toBe("WON");
  });
});
