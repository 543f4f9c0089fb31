// The team scorecard's address: /dashboard/scorecard?period=…&team=…&q=…&sort=…&dir=…&page=…
// (and /dashboard/scorecard.csv with the same filters and sort). A value the server cannot read
// is dropped with a plain note rather than failing the page (PRODUCT.md §6). Pure.
import { z } from "zod";

export const SCORECARD_SORT_KEYS = [
  "name",
  "team",
  "claims",
  "accuracy",
  "overstated",
  "coverage",
  "quizBest",
  "csat",
  "delivered",
  "multiplier",
] as const;
export type ScorecardSortKey = (typeof SCORECARD_SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const SCORECARD_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_SCORECARD_PAGE_SIZE = 25;

export interface ScorecardQuery {
  period: string | null;
  team: string | null;
  /** A part of the salesperson's name. */
  q: string | null;
  sort: { key: ScorecardSortKey; dir: SortDir };
  page: number;
  pageSize: number;
  notes: string[];
}

/** Names A to Z; figures lowest first, so the people who need attention come first. */
export function defaultScorecardDir(key: ScorecardSortKey): SortDir {
  return key === "claims" ? "desc" : "asc";
}

const text = z.string().trim().min(1).max(120);

export function parseScorecardQuery(params: URLSearchParams): ScorecardQuery {
  const notes: string[] = [];
  const read = (key: string) => {
    const value = params.get(key);
    return value === null || value.trim() === "" ? null : value;
  };
  const optional = (key: string, label: string) => {
    const value = read(key);
    if (value === null) return null;
    const parsed = text.safeParse(value);
    if (parsed.success) return parsed.data;
    notes.push(`Ignored the ${label}: it is longer than 120 characters.`);
    return null;
  };
  const sortRaw = read("sort");
  const sort = z.enum(SCORECARD_SORT_KEYS).safeParse(sortRaw);
  if (sortRaw !== null && !sort.success)
    notes.push(`Cannot sort by “${sortRaw.slice(0, 40)}”; sorted by accuracy instead.`);
  const key: ScorecardSortKey = sort.success ? sort.data : "accuracy";
  const dirRaw = read("dir");
  const dir = z.enum(["asc", "desc"]).safeParse(dirRaw);
  if (dirRaw !== null && !dir.success)
    notes.push(`Ignored the sort direction “${dirRaw.slice(0, 40)}”: use “asc” or “desc”.`);
  const pageRaw = read("page");
  const page = z.coerce.number().int().min(1).max(100_000).safeParse(pageRaw);
  if (pageRaw !== null && !page.success)
    notes.push(`Showing the first page: “${pageRaw.slice(0, 40)}” is not a page number.`);
  const sizeRaw = read("pageSize");
  const size = z.coerce
    .number()
    .refine((value) => (SCORECARD_PAGE_SIZES as readonly number[]).includes(value))
    .safeParse(sizeRaw);
  if (sizeRaw !== null && !size.success)
    notes.push(
      `Showing ${DEFAULT_SCORECARD_PAGE_SIZE} a page: “${sizeRaw.slice(0, 40)}” is not one of ${SCORECARD_PAGE_SIZES.join(", ")}.`,
    );
  return {
    period: optional("period", "period"),
    team: optional("team", "team"),
    q: optional("q", "name search"),
    sort: { key, dir: dir.success ? dir.data : defaultScorecardDir(key) },
    page: page.success ? page.data : 1,
    pageSize: size.success ? size.data : DEFAULT_SCORECARD_PAGE_SIZE,
    notes,
  };
}
