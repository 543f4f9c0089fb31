import { describe, expect, it } from "vitest";
import {
  columnFormRedirect,
  exportHref,
  hiddenColumnIds,
  hideParam,
  onlyHiddenColumnsChanged,
  searchWith,
  TABLE_PARAMS,
  tableViewParams,
} from "./table-url.ts";
import { tableQueryParams } from "../../domain/list-query.ts";

const params = (text: string) => new URLSearchParams(text);
const url = (path: string) => new URL(path, "http://candor.test");

describe("searchWith", () => {
  it("sets, replaces and removes parameters, keeping the rest", () => {
    expect(searchWith(params("status=PENDING&page=3"), { sort: "madeAt", page: null })).toBe(
      "?status=PENDING&sort=madeAt",
    );
    expect(searchWith(params("page=3"), { page: null })).toBe("");
    expect(searchWith(params("pageSize=25"), { pageSize: 50 })).toBe("?pageSize=50");
  });
});

describe("TABLE_PARAMS", () => {
  it("names the parameters the loaders read with tableQueryParams", () => {
    const fields = tableQueryParams({ sortKeys: ["a"], defaultSort: "a", pageSizes: [25], defaultPageSize: 25 });
    const { hide: _hide, ...read } = TABLE_PARAMS;
    expect(Object.values(read).sort()).toEqual(Object.keys(fields).sort());
  });
});

describe("tableViewParams", () => {
  it("keeps the sort, page size and hidden columns, not the filters or the page", () => {
    expect(
      tableViewParams(params("status=PENDING&sort=product&dir=desc&page=4&pageSize=50&hide=team")).toString(),
    ).toBe("sort=product&dir=desc&pageSize=50&hide=team");
  });
});

describe("hidden columns", () => {
  it("reads and writes hide=a,b", () => {
    expect(hiddenColumnIds(params("hide=team,%20channel,,"))).toEqual(["team", "channel"]);
    expect(hiddenColumnIds(params(""))).toEqual([]);
    expect(hideParam(["team", "team", "channel"])).toBe("team,channel");
    expect(hideParam([])).toBeNull();
  });
});

describe("columnFormRedirect", () => {
  it("turns the no-JavaScript Columns form into hide=…, keeping the view", () => {
    expect(
      columnFormRedirect(url("/claims?status=INACCURATE&hide=old&columns=team,channel,severity&show=channel")),
    ).toBe("/claims?status=INACCURATE&hide=team%2Cseverity");
    expect(columnFormRedirect(url("/claims?columns=team,channel&show=team&show=channel"))).toBe("/claims");
  });

  it("leaves every other request alone", () => {
    expect(columnFormRedirect(url("/claims?hide=team"))).toBeNull();
  });
});

describe("onlyHiddenColumnsChanged", () => {
  it("is true only when nothing but hide differs", () => {
    expect(onlyHiddenColumnsChanged(url("/claims?status=X"), url("/claims?status=X&hide=team"))).toBe(true);
    expect(onlyHiddenColumnsChanged(url("/claims?hide=team&status=X"), url("/claims?status=X&hide=team,channel"))).toBe(
      true,
    );
    expect(onlyHiddenColumnsChanged(url("/claims?status=X"), url("/claims?status=Y&hide=team"))).toBe(false);
    expect(onlyHiddenColumnsChanged(url("/claims?hide=team"), url("/claims?hide=team"))).toBe(false);
    expect(onlyHiddenColumnsChanged(url("/claims?hide=team"), url("/verify?hide=team,x"))).toBe(false);
  });
});

describe("exportHref", () => {
  it("keeps the filters and the sort, and drops the page, the page size and the hidden columns", () => {
    const search = new URLSearchParams("status=INACCURATE&sort=madeAt&dir=desc&page=3&pageSize=50&hide=channel");
    expect(exportHref("/claims.csv", search)).toBe("/claims.csv?status=INACCURATE&sort=madeAt&dir=desc");
  });

  it("is the bare path when nothing is left", () => {
    expect(exportHref("/dashboard/scorecard.csv", new URLSearchParams("page=2"))).toBe("/dashboard/scorecard.csv");
  });
});
