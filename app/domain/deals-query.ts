// The deals list's address: /deals?q=…&status=…&sort=…&dir=…&page=…&pageSize=… (the data
// table's parameters, app/components/data-table/table-url.ts). A value the server cannot read is
// dropped with a plain note rather than failing the page (PRODUCT.md §6), as on /claims and the
// team scorecard. Pure.
import { z } from "zod";
import { dataTableQuery, enumParam, listQuerySchema, parseListQuery, quoted, type TableQuery } from "./list-query.ts";

export const DEAL_STATUSES = ["OPEN", "WON", "LOST"] as const;
export type DealStatusCode = (typeof DEAL_STATUSES)[number];

const DEALS_TABLE = dataTableQuery({
  sortKeys: ["externalId", "account", "owner", "team", "product", "amount", "status", "closedAt"],
  defaultSort: "closedAt",
  // The newest close first (open deals, not closed yet, before them); the biggest amount first; A to Z otherwise.
  descending: ["closedAt", "amount"],
  sortedBy: "the close date",
});
export const DEAL_SORT_KEYS = DEALS_TABLE.sortKeys;
export type DealSortKey = (typeof DEAL_SORT_KEYS)[number];
export const DEAL_PAGE_SIZES = DEALS_TABLE.pageSizes;
const MAX_SEARCH = 200;

export interface DealsQuery extends TableQuery<DealSortKey> {
  /** Part of the external ID, account, contact or owner; "" for none. */
  q: string;
  status: DealStatusCode | null;
}

const dealsQuerySchema = listQuerySchema({
  // A long search is cut to its first characters rather than ignored.
  q: z.string().trim().default(""),
  status: enumParam(DEAL_STATUSES),
  ...DEALS_TABLE.fields,
});

export function parseDealsQuery(params: URLSearchParams): DealsQuery {
  const query = parseListQuery(dealsQuerySchema, params);
  const { value, rejected } = query;
  const notes: string[] = [];
  if (value.q.length > MAX_SEARCH) notes.push(`Searched for the first ${MAX_SEARCH} characters only.`);
  const status = rejected.find(({ name }) => name === "status");
  if (status) notes.push(`Showing every status: ${quoted(status.value)} is not open, won or lost.`);
  const table = DEALS_TABLE.read(query);
  return { q: value.q.slice(0, MAX_SEARCH), status: value.status ?? null, ...table, notes: [...notes, ...table.notes] };
}
