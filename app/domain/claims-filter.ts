// The claims table's address (PRODUCT.md §3: /claims and /claims.csv take the same filters).
// A filtered view is bookmarked and shared as a URL, so every part of it lives in the query
// string, and a value the server cannot read is dropped with a plain note rather than failing
// the page (PRODUCT.md §6). Pure: shared by the page, the CSV export and the browser.
import { z } from "zod";
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

export const CLAIM_SORT_KEYS = ["madeAt", "salesperson", "product", "status", "matrixCheck", "severity"] as const;
export type ClaimSortKey = (typeof CLAIM_SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** The "disputed" filter: claims whose verdict is disputed and awaits a decision, or that were ever disputed. */
export const DISPUTE_FILTERS = ["open", "any"] as const;
export type DisputeFilter = (typeof DISPUTE_FILTERS)[number];

export function disputeFilterLabel(value: DisputeFilter): string {
  return value === "open" ? "Open dispute" : "Any dispute";
}

export const CLAIM_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_CLAIM_PAGE_SIZE = 25;
// Far beyond any real page (200,000 claims / 25), small enough that the offset stays an integer.
const MAX_PAGE = 100_000;

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

export interface ClaimsQuery {
  filter: ClaimsFilter;
  sort: { key: ClaimSortKey; dir: SortDir };
  page: number;
  pageSize: number;
  /** Plain sentences about the parts of the URL that were ignored. */
  notes: string[];
}

const INVALID = Symbol("invalid");

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const reference = z.string().trim().min(1).max(120);
const day = z.string().trim().refine(isCalendarDay);

// Each field falls back to INVALID rather than failing the whole parse, so one bad value
// costs only that filter, and the page can say which one it ignored.
function orInvalid<T extends z.ZodType>(schema: T) {
  return z.union([schema.optional(), z.unknown().transform((): typeof INVALID => INVALID)]);
}

export const claimsQuerySchema = z.object({
  status: orInvalid(z.enum(CLAIM_STATUSES)),
  salesperson: orInvalid(reference),
  team: orInvalid(reference),
  product: orInvalid(reference),
  capability: orInvalid(reference),
  channel: orInvalid(z.enum(CHANNELS)),
  matrixCheck: orInvalid(z.enum(MATRIX_CHECKS)),
  source: orInvalid(z.enum(CLAIM_SOURCES)),
  disputed: orInvalid(z.enum(DISPUTE_FILTERS)),
  from: orInvalid(day),
  to: orInvalid(day),
  sort: orInvalid(z.enum(CLAIM_SORT_KEYS)),
  dir: orInvalid(z.enum(["asc", "desc"])),
  page: orInvalid(z.coerce.number().int().min(1).max(MAX_PAGE)),
  pageSize: orInvalid(z.coerce.number().refine((size) => (CLAIM_PAGE_SIZES as readonly number[]).includes(size))),
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

/** Newest first for dates; A to Z (or lowest first) for everything else. */
export function defaultSortDir(key: ClaimSortKey): SortDir {
  return key === "madeAt" ? "desc" : "asc";
}

function quoted(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

/** Reads /claims?… (and /claims.csv?…): empty values mean "any"; unreadable values are dropped with a note. */
export function parseClaimsQuery(params: URLSearchParams): ClaimsQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "") raw[key] = value;
  const parsed = claimsQuerySchema.parse(raw);
  const notes: string[] = [];
  const filter: ClaimsFilter = {};

  for (const key of CLAIM_FILTER_KEYS) {
    const value = parsed[key];
    if (value === INVALID) {
      const expectation = key === "from" || key === "to" ? "a date (YYYY-MM-DD)" : "a value Candor knows";
      notes.push(`Ignored the ${FIELD_NAMES[key]} filter: ${quoted(raw[key] ?? "")} is not ${expectation}.`);
    } else if (value !== undefined) {
      Object.assign(filter, { [key]: value });
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    notes.push(`Ignored the date range: “made from” (${filter.from}) is after “made to” (${filter.to}).`);
    delete filter.from;
    delete filter.to;
  }

  if (parsed.sort === INVALID) notes.push(`Cannot sort by ${quoted(raw.sort ?? "")}; sorted by the date made instead.`);
  const key = parsed.sort === INVALID || parsed.sort === undefined ? "madeAt" : parsed.sort;
  if (parsed.dir === INVALID) notes.push(`Ignored the sort direction ${quoted(raw.dir ?? "")}: use “asc” or “desc”.`);
  const dir = parsed.dir === INVALID || parsed.dir === undefined ? defaultSortDir(key) : parsed.dir;

  if (parsed.page === INVALID) notes.push(`Showing the first page: ${quoted(raw.page ?? "")} is not a page number.`);
  if (parsed.pageSize === INVALID) {
    notes.push(
      `Showing ${DEFAULT_CLAIM_PAGE_SIZE} claims a page: ${quoted(raw.pageSize ?? "")} is not one of ${CLAIM_PAGE_SIZES.join(", ")}.`,
    );
  }
  return {
    filter,
    sort: { key, dir },
    page: parsed.page === INVALID || parsed.page === undefined ? 1 : parsed.page,
    pageSize: parsed.pageSize === INVALID || parsed.pageSize === undefined ? DEFAULT_CLAIM_PAGE_SIZE : parsed.pageSize,
    notes,
  };
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
