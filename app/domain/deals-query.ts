// The deals list's address: /deals?q=…&status=…&sort=…&dir=…&page=…&pageSize=… (the data
// table's parameters, app/components/data-table/table-url.ts). A value the server cannot read is
// dropped with a plain note rather than failing the page (PRODUCT.md §6), as on /claims and the
// team scorecard. Pure.
import { z } from "zod";
import {
  enumParam,
  listQuerySchema,
  parseListQuery,
  quoted,
  tableQueryNotes,
  tableQueryParams,
  tableSort,
  type SortDir,
} from "./list-query.ts";

export const DEAL_STATUSES = ["OPEN", "WON", "LOST"] as const;
export type DealStatusCode = (typeof DEAL_STATUSES)[number];

/** The sortable columns, by their id in the URL (the deals table's column ids). */
export const DEAL_SORT_KEYS = [
  "externalId",
  "account",
  "owner",
  "team",
  "product",
  "amount",
  "status",
  "closedAt",
] as const;
export type DealSortKey = (typeof DEAL_SORT_KEYS)[number];

export const DEAL_PAGE_SIZES = [25, 50, 100] as const;
const DEALS_VIEW = {
  sortKeys: DEAL_SORT_KEYS,
  defaultSort: "closedAt",
  pageSizes: DEAL_PAGE_SIZES,
  defaultPageSize: 25,
} as const;
const MAX_SEARCH = 200;

export interface DealsQuery {
  /** Part of the external ID, account, contact or owner; "" for none. */
  q: string;
  status: DealStatusCode | null;
  sort: { key: DealSortKey; dir: SortDir };
  page: number;
  pageSize: number;
  /** Plain sentences about the parts of the URL that were ignored. */
  notes: string[];
}

/** The newest close first (open deals, not closed yet, before them); the biggest amount first; A to Z otherwise. */
export function defaultDealSortDir(key: DealSortKey): SortDir {
  return key === "closedAt" || key === "amount" ? "desc" : "asc";
}

const dealsQuerySchema = listQuerySchema({
  // A long search is cut to its first characters rather than ignored.
  q: z.string().trim().default(""),
  status: enumParam(DEAL_STATUSES),
  ...tableQueryParams(DEALS_VIEW),
});

export function parseDealsQuery(params: URLSearchParams): DealsQuery {
  const { value, rejected } = parseListQuery(dealsQuerySchema, params);
  const notes: string[] = [];
  if (value.q.length > MAX_SEARCH) notes.push(`Searched for the first ${MAX_SEARCH} characters only.`);
  const status = rejected.find(({ name }) => name === "status");
  if (status) notes.push(`Showing every status: ${quoted(status.value)} is not open, won or lost.`);
  notes.push(...tableQueryNotes(rejected, { ...DEALS_VIEW, sortedBy: "the close date" }));
  return {
    q: value.q.slice(0, MAX_SEARCH),
    status: value.status ?? null,
    sort: tableSort(value, defaultDealSortDir),
    page: value.page,
    pageSize: value.pageSize,
    notes,
  };
}
