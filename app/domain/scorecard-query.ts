// The team scorecard's address: /dashboard/scorecard?period=…&team=…&q=…&sort=…&dir=…&page=…
// (and /dashboard/scorecard.csv with the same filters and sort). A value the server cannot read
// is dropped with a plain note rather than failing the page (PRODUCT.md §6). Pure.
import { dataTableQuery, listQuerySchema, parseListQuery, textParam, type TableQuery } from "./list-query.ts";

const SCORECARD_TABLE = dataTableQuery({
  sortKeys: [
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
  ],
  defaultSort: "accuracy",
  // Names A to Z; figures lowest first, so the people who need attention come first.
  descending: ["claims"],
  sortedBy: "accuracy",
});
export const SCORECARD_SORT_KEYS = SCORECARD_TABLE.sortKeys;
export type ScorecardSortKey = (typeof SCORECARD_SORT_KEYS)[number];
export const SCORECARD_PAGE_SIZES = SCORECARD_TABLE.pageSizes;

export interface ScorecardQuery extends TableQuery<ScorecardSortKey> {
  period: string | null;
  team: string | null;
  /** A part of the salesperson's name. */
  q: string | null;
}

const scorecardQuerySchema = listQuerySchema({
  period: textParam(120),
  team: textParam(120),
  q: textParam(120),
  ...SCORECARD_TABLE.fields,
});

const TEXT_LABELS: Record<string, string> = { period: "period", team: "team", q: "name search" };

export function parseScorecardQuery(params: URLSearchParams): ScorecardQuery {
  const query = parseListQuery(scorecardQuerySchema, params);
  const { value, rejected } = query;
  const table = SCORECARD_TABLE.read(query);
  const notes = rejected.flatMap(({ name }) => {
    const label = TEXT_LABELS[name];
    return label ? [`Ignored the ${label}: it is longer than 120 characters.`] : [];
  });
  return {
    period: value.period ?? null,
    team: value.team ?? null,
    q: value.q ?? null,
    ...table,
    notes: [...table.notes, ...notes],
  };
}
