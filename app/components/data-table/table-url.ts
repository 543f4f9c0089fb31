// The data table's state lives in the URL (so a view can be bookmarked and shared, and every
// control is a plain link or GET form that works without JavaScript). These are the parameter
// names and the pure helpers the table, its pages' loaders and their filter forms share; a
// loader reads sort, dir, page and pageSize with tableQueryParams (app/domain/list-query.ts).
import { z } from "zod";
import { listQuerySchema, parseListQuery, repeatedParam } from "../../domain/list-query.ts";

export const TABLE_PARAMS = {
  sort: "sort",
  dir: "dir",
  page: "page",
  pageSize: "pageSize",
  /** Comma-separated ids of hidden columns. */
  hide: "hide",
} as const;

// Sent only by the "Columns" form when JavaScript is off: `columns` lists the columns the form
// offered and `show` each one left ticked; the loader turns them into `hide` and redirects
// (see columnFormRedirect), so the address people copy stays short and stable.
const COLUMN_FORM_LIST = "columns";
const COLUMN_FORM_SHOWN = "show";
// Made when a loader asks, not when the module loads: the browser imports this module for its
// URL helpers, and a schema built at load would bring zod into every table page's JavaScript.
const columnFormSchema = () =>
  listQuerySchema({
    [COLUMN_FORM_LIST]: z.string().default(""),
    [COLUMN_FORM_SHOWN]: repeatedParam(z.string()),
  });

/** `?…` (or "" when nothing is left) for the current search with `changes` applied; null removes a parameter. */
export function searchWith(search: URLSearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}

/**
 * The view's parameters that outlive a change of filters: sort, page size and hidden columns
 * (not the page number, since new filters start again at page 1).
 */
export function tableViewParams(search: URLSearchParams): URLSearchParams {
  const kept: string[] = [TABLE_PARAMS.sort, TABLE_PARAMS.dir, TABLE_PARAMS.pageSize, TABLE_PARAMS.hide];
  return new URLSearchParams([...search].filter(([key]) => kept.includes(key)));
}

/** The ids of the hidden columns named in the URL. */
export function hiddenColumnIds(search: URLSearchParams): string[] {
  return (search.get(TABLE_PARAMS.hide) ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The `hide` value for a set of hidden column ids, or null when none is hidden. */
export function hideParam(hidden: readonly string[]): string | null {
  return hidden.length ? [...new Set(hidden)].join(",") : null;
}

/**
 * For a loader: when the request is the "Columns" form submitted without JavaScript, the
 * canonical address to redirect to (`hide=…` instead of the form's fields); otherwise null.
 */
export function columnFormRedirect(url: URL): string | null {
  if (!url.searchParams.has(COLUMN_FORM_LIST)) return null;
  const form = parseListQuery(columnFormSchema(), url.searchParams).value;
  const offered = form[COLUMN_FORM_LIST].split(",").filter(Boolean);
  const shown = new Set(form[COLUMN_FORM_SHOWN]);
  const search = new URLSearchParams(url.searchParams);
  search.delete(COLUMN_FORM_LIST);
  search.delete(COLUMN_FORM_SHOWN);
  return `${url.pathname}${searchWith(search, { [TABLE_PARAMS.hide]: hideParam(offered.filter((id) => !shown.has(id))) })}`;
}

export const COLUMN_FORM_FIELDS = { list: COLUMN_FORM_LIST, shown: COLUMN_FORM_SHOWN } as const;

/**
 * For a route's `shouldRevalidate`: true when two addresses differ only in which columns are
 * hidden, which the browser can show without asking the server again.
 */
export function onlyHiddenColumnsChanged(current: URL, next: URL): boolean {
  if (current.pathname !== next.pathname) return false;
  const strip = (url: URL) => {
    const search = new URLSearchParams(url.searchParams);
    search.delete(TABLE_PARAMS.hide);
    search.sort();
    return search.toString();
  };
  return (
    strip(current) === strip(next) &&
    current.searchParams.get(TABLE_PARAMS.hide) !== next.searchParams.get(TABLE_PARAMS.hide)
  );
}

/**
 * The address of a table's CSV export: it carries the filters and the sort, not the page, the
 * page size or the hidden columns, because the export has every row and every column.
 */
export function exportHref(csvPath: string, search: URLSearchParams): string {
  const params = new URLSearchParams(search);
  for (const key of [TABLE_PARAMS.page, TABLE_PARAMS.pageSize, TABLE_PARAMS.hide]) params.delete(key);
  const text = params.toString();
  return text ? `${csvPath}?${text}` : csvPath;
}
