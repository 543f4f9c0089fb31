import { describe, expect, it } from "vitest";
import { parseScorecardQuery } from "./scorecard-query.ts";
import { tableQueryOf } from "./test-support.ts";

const parse = (query: string) => parseScorecardQuery(new URLSearchParams(query));

describe("parseScorecardQuery", () => {
  it("defaults to accuracy, lowest first, first page of 25", () => {
    expect(parse("")).toEqual({ period: null, team: null, q: null, ...tableQueryOf("accuracy", "asc") });
  });
  it("reads every filter and the sort", () => {
    const query = parse("period=2026-Q3&team=t1&q=%20ann%20&sort=claims&page=2&pageSize=50");
    expect(query).toMatchObject({
      period: "2026-Q3",
      team: "t1",
      q: "ann",
      ...tableQueryOf("claims", "desc", { page: 2, pageSize: 50 }),
    });
  });
  it.each([
    ["sort=coverage", "asc"],
    ["sort=coverage&dir=desc", "desc"],
  ])("sorts by coverage, lowest first, like the other figures: %s", (query, dir) => {
    expect(parse(query).sort).toEqual({ key: "coverage", dir });
  });
  it("drops unreadable values with a note each, never throwing", () => {
    const query = parse(`sort=salary&dir=up&page=-1&pageSize=7&q=${"x".repeat(200)}`);
    expect(query.sort).toEqual({ key: "accuracy", dir: "asc" });
    expect(query.page).toBe(1);
    expect(query.pageSize).toBe(25);
    expect(query.q).toBeNull();
    expect(query.notes).toEqual([
      "Cannot sort by “salary”; sorted by accuracy instead.",
      "Ignored the sort direction “up”: use “asc” or “desc”.",
      "Showing the first page: “-1” is not a page number.",
      "Showing 25 a page: “7” is not one of 25, 50, 100.",
      "Ignored the name search: it is longer than 120 characters.",
    ]);
  });
});
