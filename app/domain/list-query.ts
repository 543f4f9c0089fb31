// A list page's query string (/claims?status=…&sort=…&page=…), read one way: the page describes
// its parameters as a zod object built from the fields below, and parseListQuery reads the URL
// through it. One rule for a value the page cannot use — unknown, malformed, out of range: it
// counts as absent, so the field takes its default, and the page is told which values it
// rejected so it can say so (PRODUCT.md §6). Never a thrown error, never a 500. Pure: shared by
// loaders, CSV exports and the API.
import { z } from "zod";

export const SORT_DIRS = ["asc", "desc"] as const;
export type SortDir = (typeof SORT_DIRS)[number];

// Far beyond any real page (200,000 claims / 25), small enough that the offset stays an integer.
const MAX_PAGE = 100_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The page number: a whole number from 1; 1 when absent. */
export const pageParam = () => z.coerce.number().int().min(1).max(MAX_PAGE).default(1);

/** Rows a page: one of `sizes`; `fallback` when absent. */
export const pageSizeParam = <const S extends readonly number[]>(sizes: S, fallback: S[number]) =>
  z.coerce.number().pipe(z.literal(sizes)).default(fallback);

/** The column to sort by: one of `keys`; `fallback` when absent. */
export const sortParam = <const K extends readonly [string, ...string[]]>(keys: K, fallback: K[number]) =>
  z.enum(keys).default(fallback);

/** asc or desc; absent leaves the direction to the sorted column (see tableSort). */
export const dirParam = () => z.enum(SORT_DIRS).optional();

/** Free text, trimmed, at most `max` characters. */
export const textParam = (max: number) => z.string().trim().min(1).max(max).optional();

/** One of a fixed list of values (a status, a role). */
export const enumParam = <const V extends readonly [string, ...string[]]>(values: V) => z.enum(values).optional();

/** A UTC calendar day, YYYY-MM-DD (2026-02-30 is not one). */
export const dayParam = () => z.string().trim().regex(DAY).refine(isCalendarDay).optional();

/** A parameter that may be repeated (?show=a&show=b): every value `item` accepts, in order; none when absent. */
export const repeatedParam = <T extends z.ZodType>(item: T) => z.array(item);

/** The query string of a list whose only parameter is its page. */
export const pageOnlyQuerySchema = () => listQuerySchema({ page: pageParam() });

/** A field of a list's query: repeated, or one value that may be absent (optional or with a default). */
type ListFields<F> = {
  [K in keyof F]: F[K] extends z.ZodArray ? F[K] : undefined extends z.input<F[K]> ? F[K] : z.ZodArray;
};

/** A list page's query string, field by field (the fields above, or any zod schema that accepts absence). */
export function listQuerySchema<F extends Record<string, z.ZodType>>(fields: F & ListFields<F>) {
  return z.object(fields);
}

/** A value the page could not use, as it was written in the URL. */
export interface RejectedParam {
  name: string;
  value: string;
}

export interface ListQuery<T> {
  value: T;
  /** In the schema's field order. */
  rejected: RejectedParam[];
}

/**
 * Reads `params` through a list's schema. A blank value is absent, as a GET form with "Any"
 * chosen sends it; of a parameter given twice the last value counts; parameters the schema does
 * not name are ignored.
 */
export function parseListQuery<F extends Record<string, z.ZodType>>(
  schema: z.ZodObject<F>,
  params: URLSearchParams,
): ListQuery<z.output<z.ZodObject<F>>> {
  const input: Record<string, string | string[] | undefined> = {};
  const rejected: RejectedParam[] = [];
  const accepts = (field: z.core.$ZodType, name: string, value: string) => {
    if (z.safeParse(field, value).success) return true;
    rejected.push({ name, value });
    return false;
  };
  for (const [name, field] of Object.entries(schema.shape)) {
    const values = params.getAll(name).filter((value) => value.trim() !== "");
    if (field instanceof z.ZodArray) {
      input[name] = values.filter((value) => accepts(field.element, name, value));
    } else {
      const value = values.at(-1);
      input[name] = value !== undefined && accepts(field, name, value) ? value : undefined;
    }
  }
  return { value: schema.parse(input), rejected };
}

/** “value” for a sentence about an ignored value, shortened so a pasted essay stays one line. */
export function quoted(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

// ---------------------------------------------------------------------------------------------
// A DataTable's view (app/components/data-table/table-url.ts names the same parameters):
// sort=<column>&dir=asc|desc&page=N&pageSize=N.

export interface TableQueryOptions<K extends readonly [string, ...string[]], S extends readonly number[]> {
  sortKeys: K;
  defaultSort: K[number];
  pageSizes: S;
  defaultPageSize: S[number];
}

/** The fields of a DataTable's sort and paging. */
export function tableQueryParams<const K extends readonly [string, ...string[]], const S extends readonly number[]>(
  options: TableQueryOptions<K, S>,
) {
  return {
    sort: sortParam(options.sortKeys, options.defaultSort),
    dir: dirParam(),
    page: pageParam(),
    pageSize: pageSizeParam(options.pageSizes, options.defaultPageSize),
  };
}

/** The sort the page applies: the direction given, or the column's own default direction. */
export function tableSort<K extends string>(
  value: { sort: K; dir?: SortDir },
  defaultDir: (key: K) => SortDir,
): { key: K; dir: SortDir } {
  return { key: value.sort, dir: value.dir ?? defaultDir(value.sort) };
}

/** How a table's notes name its default sort and its rows. */
export interface TableNoteOptions {
  pageSizes: readonly number[];
  defaultPageSize: number;
  /** The default sort, as the note names it: "the date made". */
  sortedBy: string;
  /** The rows' name in "Showing 25 claims a page"; none for "Showing 25 a page". */
  rows?: string;
}

/** What a table's page says about the sort and paging values it ignored. */
export function tableQueryNotes(rejected: readonly RejectedParam[], options: TableNoteOptions): string[] {
  const perPage = options.rows ? `${options.defaultPageSize} ${options.rows}` : String(options.defaultPageSize);
  const sentence: Record<string, (value: string) => string> = {
    sort: (value) => `Cannot sort by ${value}; sorted by ${options.sortedBy} instead.`,
    dir: (value) => `Ignored the sort direction ${value}: use “asc” or “desc”.`,
    page: (value) => `Showing the first page: ${value} is not a page number.`,
    pageSize: (value) => `Showing ${perPage} a page: ${value} is not one of ${options.pageSizes.join(", ")}.`,
  };
  return rejected.flatMap(({ name, value }) => sentence[name]?.(quoted(value)) ?? []);
}

/** The sort and paging a DataTable's page shows, with a sentence for each value of them it ignored. */
export interface TableQuery<K extends string> {
  sort: { key: K; dir: SortDir };
  page: number;
  pageSize: number;
  /** Plain sentences about the parts of the URL that were ignored. */
  notes: string[];
}

/** What a schema holding a DataTable's fields reads of them. */
interface TableValue<K extends string> {
  sort: K;
  dir?: SortDir;
  page: number;
  pageSize: number;
}

/** The page sizes a DataTable offers (its own default too); a page shows the first unless told otherwise. */
const TABLE_PAGE_SIZES = [25, 50, 100] as const;

/**
 * A DataTable page's sort and paging, defined once: `fields` go into the page's schema
 * (`listQuerySchema({ ...filters, ...table.fields })`), and `read` turns what parseListQuery read
 * through that schema into the sort applied, the page, its size and the notes.
 */
export function dataTableQuery<const K extends readonly [string, ...string[]]>(definition: {
  /** The sortable columns, by their id in the URL (the table's column ids). */
  sortKeys: K;
  defaultSort: K[number];
  /** The columns that sort highest, newest or biggest first when the URL gives no direction; the rest sort A to Z. */
  descending: ReadonlyArray<K[number]>;
  sortedBy: string;
  rows?: string;
}) {
  const options = { ...definition, pageSizes: TABLE_PAGE_SIZES, defaultPageSize: TABLE_PAGE_SIZES[0] };
  const defaultDir = (key: K[number]): SortDir => (definition.descending.includes(key) ? "desc" : "asc");
  const read = ({ value, rejected }: ListQuery<TableValue<K[number]>>): TableQuery<K[number]> => ({
    sort: tableSort(value, defaultDir),
    page: value.page,
    pageSize: value.pageSize,
    notes: tableQueryNotes(rejected, options),
  });
  return { sortKeys: definition.sortKeys, pageSizes: TABLE_PAGE_SIZES, fields: tableQueryParams(options), read };
}
