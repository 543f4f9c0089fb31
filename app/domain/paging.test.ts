import { describe, expect, it } from "vitest";
import { pageWindow } from "./paging.ts";

describe("pageWindow", () => {
  it("skips the rows of the pages before the one asked for", () => {
    expect(pageWindow(120, 3, 50)).toEqual({ page: 3, pageCount: 3, skip: 100, take: 50 });
    expect(pageWindow(120, 1, 50)).toEqual({ page: 1, pageCount: 3, skip: 0, take: 50 });
  });

  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageWindow(120, 9, 50)).toEqual({ page: 3, pageCount: 3, skip: 100, take: 50 });
    expect(pageWindow(0, 4, 25)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 25 });
  });

  it("reads a missing, fractional, negative or unreadable page as a whole page from 1", () => {
    expect(pageWindow(100, undefined, 25).page).toBe(1);
    expect(pageWindow(100, 2.7, 25).page).toBe(2);
    expect(pageWindow(100, -3, 25).page).toBe(1);
    expect(pageWindow(100, Number.NaN, 25).page).toBe(1);
  });
});
