// The deals list's address: /deals?q=…&status=…&sort=…&dir=…&page=…&pageSize=… (the data
// table's parameters, app/components/data-table/table-url.ts). A value the server cannot read is
// dropped with a plain note rather than failing the page (PRODUCT.md §6), as on /claims and the
// team scorecard. Pure.
import { z } from "zod";

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
export type SortDir = "asc" | "desc";

export const DEAL_PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE = 100_000;
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

const quoted = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

export function parseDealsQuery(params: URLSearchParams): DealsQuery {
  const notes: string[] = [];
  const read = (key: string) => {
    const value = params.get(key);
    return value === null || value.trim() === "" ? null : value;
  };
  const q = (params.get("q") ?? "").trim();
  if (q.length > MAX_SEARCH) notes.push(`Searched for the first ${MAX_SEARCH} characters only.`);

  const statusRaw = read("status");
  const status = z.enum(DEAL_STATUSES).safeParse(statusRaw);
  if (statusRaw !== null && !status.success)
    notes.push(`Showing every status: ${quoted(statusRaw)} is not open, won or lost.`);

  const sortRaw = read("sort");
  const sort = z.enum(DEAL_SORT_KEYS).safeParse(sortRaw);
  if (sortRaw !== null && !sort.success)
    notes.push(`Cannot sort by ${quoted(sortRaw)}; sorted by the close date instead.`);
  const key: DealSortKey = sort.success ? sort.data : "closedAt";
  const dirRaw = read("dir");
  const dir = z.enum(["asc", "desc"]).safeParse(dirRaw);
  if (dirRaw !== null && !dir.success) notes.push(`Ignored the sort direction ${quoted(dirRaw)}: use “asc” or “desc”.`);

  const pageRaw = read("page");
  const page = z.coerce.number().int().min(1).max(MAX_PAGE).safeParse(pageRaw);
  if (pageRaw !== null && !page.success) notes.push(`Showing the first page: ${quoted(pageRaw)} is not a page number.`);
  const sizeRaw = read("pageSize");
  const size = z.coerce
    .number()
    .refine((value) => (DEAL_PAGE_SIZES as readonly number[]).includes(value))
    .safeParse(sizeRaw);
  if (sizeRaw !== null && !size.success)
    notes.push(`Showing ${DEFAULT_PAGE_SIZE} a page: ${quoted(sizeRaw)} is not one of ${DEAL_PAGE_SIZES.join(", ")}.`);

  return {
    q: q.slice(0, MAX_SEARCH),
    status: status.success ? status.data : null,
    sort: { key, dir: dir.success ? dir.data : defaultDealSortDir(key) },
    page: page.success ? page.data : 1,
    pageSize: size.success ? size.data : DEFAULT_PAGE_SIZE,
    notes,
  };
}
