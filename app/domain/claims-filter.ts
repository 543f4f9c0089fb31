// The claims table's address (PRODUCT.md §3: /claims and /claims.csv take the same filters).
// A filtered view is bookmarked and shared as a URL, so every part of it lives in the query
// string, and a value the server cannot read is dropped with a plain note rather than failing
// the page (PRODUCT.md §6). Pure: shared by the page, the CSV export and the browser.
import { addDays } from "./dates.ts";
import {
  CHANNELS,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  MATRIX_CHECKS,
  type Channel,
  type ClaimSource,
  type ClaimStatus,
  type MatrixCheckResult,
} from "./levels.ts";
import {
  dataTableQuery,
  dayParam,
  enumParam,
  listQuerySchema,
  parseListQuery,
  quoted,
  textParam,
  type TableQuery,
} from "./list-query.ts";

const CLAIMS_TABLE = dataTableQuery({
  sortKeys: ["madeAt", "salesperson", "product", "status", "matrixCheck", "severity"],
  defaultSort: "madeAt",
  // Newest first for dates; A to Z (or lowest first) for everything else.
  descending: ["madeAt"],
  sortedBy: "the date made",
  rows: "claims",
});
export const CLAIM_SORT_KEYS = CLAIMS_TABLE.sortKeys;
export type ClaimSortKey = (typeof CLAIM_SORT_KEYS)[number];
export const CLAIM_PAGE_SIZES = CLAIMS_TABLE.pageSizes;

/** The "disputed" filter: claims whose verdict is disputed and awaits a decision, or that were ever disputed. */
export const DISPUTE_FILTERS = ["open", "any"] as const;
export type DisputeFilter = (typeof DISPUTE_FILTERS)[number];

export function disputeFilterLabel(value: DisputeFilter): string {
  return value === "open" ? "Open dispute" : "Any dispute";
}

/** The filters as written in the URL: people and teams by id, products by slug, capabilities by key. */
export interface ClaimsFilter {
  status?: ClaimStatus;
  salesperson?: string;
  team?: string;
  product?: string;
  capability?: string;
  channel?: Channel;
  matrixCheck?: MatrixCheckResult;
  /** Where the claim came from (PRODUCT.md §7): the salesperson's log, a witness, the customer, a conversation. */
  source?: ClaimSource;
  /** Only claims with a dispute awaiting a decision ("open") or with any dispute at all ("any"). */
  disputed?: DisputeFilter;
  /** YYYY-MM-DD, the first UTC day included. */
  from?: string;
  /** YYYY-MM-DD, the last UTC day included. */
  to?: string;
}

export const CLAIM_FILTER_KEYS = [
  "status",
  "salesperson",
  "team",
  "product",
  "capability",
  "channel",
  "matrixCheck",
  "source",
  "disputed",
  "from",
  "to",
] as const satisfies ReadonlyArray<keyof ClaimsFilter>;

export interface ClaimsQuery extends TableQuery<ClaimSortKey> {
  filter: ClaimsFilter;
}

export const claimsQuerySchema = listQuerySchema({
  status: enumParam(CLAIM_STATUSES),
  salesperson: textParam(120),
  team: textParam(120),
  product: textParam(120),
  capability: textParam(120),
  channel: enumParam(CHANNELS),
  matrixCheck: enumParam(MATRIX_CHECKS),
  source: enumParam(CLAIM_SOURCES),
  disputed: enumParam(DISPUTE_FILTERS),
  from: dayParam(),
  to: dayParam(),
  ...CLAIMS_TABLE.fields,
});

const FIELD_NAMES: Record<keyof ClaimsFilter, string> = {
  status: "verdict status",
  salesperson: "salesperson",
  team: "team",
  product: "product",
  capability: "capability",
  channel: "channel",
  matrixCheck: "matrix check",
  source: "source",
  disputed: "dispute",
  from: "“made from” date",
  to: "“made to” date",
};

const isFilterKey = (name: string): name is keyof ClaimsFilter =>
  (CLAIM_FILTER_KEYS as readonly string[]).includes(name);

/** Reads /claims?… (and /claims.csv?…): empty values mean "any"; unreadable values are dropped with a note. */
export function parseClaimsQuery(params: URLSearchParams): ClaimsQuery {
  const query = parseListQuery(claimsQuerySchema, params);
  const { value, rejected } = query;
  const notes = rejected.flatMap(({ name, value: written }) => {
    if (!isFilterKey(name)) return [];
    const expectation = name === "from" || name === "to" ? "a date (YYYY-MM-DD)" : "a value Candor knows";
    return [`Ignored the ${FIELD_NAMES[name]} filter: ${quoted(written)} is not ${expectation}.`];
  });
  const filter: ClaimsFilter = {};
  for (const key of CLAIM_FILTER_KEYS) if (value[key] !== undefined) Object.assign(filter, { [key]: value[key] });
  if (filter.from && filter.to && filter.from > filter.to) {
    notes.push(`Ignored the date range: “made from” (${filter.from}) is after “made to” (${filter.to}).`);
    delete filter.from;
    delete filter.to;
  }
  const table = CLAIMS_TABLE.read(query);
  return { filter, ...table, notes: [...notes, ...table.notes] };
}

/** The madeAt bounds of a filter: whole UTC days, `from` inclusive and `to` inclusive of its whole day. */
export function madeAtBounds(filter: Pick<ClaimsFilter, "from" | "to">): { from?: Date; before?: Date } {
  return {
    from: filter.from ? new Date(`${filter.from}T00:00:00.000Z`) : undefined,
    before: filter.to ? addDays(new Date(`${filter.to}T00:00:00.000Z`), 1) : undefined,
  };
}

/** True when a filter narrows the claims at all (the page says "no claims match" rather than "no claims yet"). */
export function hasClaimsFilter(filter: ClaimsFilter): boolean {
  return CLAIM_FILTER_KEYS.some((key) => filter[key] !== undefined);
}
