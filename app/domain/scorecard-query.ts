// The team scorecard's address: /dashboard/scorecard?period=…&team=…&q=…&sort=…&dir=…&page=…
// (and /dashboard/scorecard.csv with the same filters and sort). A value the server cannot read
// is dropped with a plain note rather than failing the page (PRODUCT.md §6). Pure.
import {
  listQuerySchema,
  parseListQuery,
  tableQueryNotes,
  tableQueryParams,
  tableSort,
  textParam,
  type SortDir,
} from "./list-query.ts";

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

export const SCORECARD_PAGE_SIZES = [25, 50, 100] as const;
const SCORECARD_VIEW = {
  sortKeys: SCORECARD_SORT_KEYS,
  defaultSort: "accuracy",
  pageSizes: SCORECARD_PAGE_SIZES,
  defaultPageSize: 25,
} as const;

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

const scorecardQuerySchema = listQuerySchema({
  period: textParam(120),
  team: textParam(120),
  q: textParam(120),
  ...tableQueryParams(SCORECARD_VIEW),
});

const TEXT_LABELS: Record<string, string> = { period: "period", team: "team", q: "name search" };

export function parseScorecardQuery(params: URLSearchParams): ScorecardQuery {
  const { value, rejected } = parseListQuery(scorecardQuerySchema, params);
  const notes = tableQueryNotes(rejected, { ...SCORECARD_VIEW, sortedBy: "accuracy" });
  for (const { name } of rejected) {
    const label = TEXT_LABELS[name];
    if (label) notes.push(`Ignored the ${label}: it is longer than 120 characters.`);
  }
  return {
    period: value.period ?? null,
    team: value.team ?? null,
    q: value.q ?? null,
    sort: tableSort(value, defaultScorecardDir),
    page: value.page,
    pageSize: value.pageSize,
    notes,
  };
}
