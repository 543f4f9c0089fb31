// The one table wrapper (ENGINEERING.md §2): TanStack Table v9 for the column model, the server
// for the rows. Sorting, filtering and paging are the loader's work (the table never reorders
// or drops a row it is given); their state lives in the URL — sort=<column>&dir=asc|desc&
// page=N&pageSize=N&hide=<col>,<col> plus the page's own filters — so a view can be bookmarked
// and shared, and every control is a link or a GET form that works without JavaScript.
//
// Usage:
//   const helper = createDataTableColumnHelper<Row>();
//   const columns = helper.columns([              // at module scope: a stable reference
//     helper.accessor("madeAt", { id: "madeAt", header: "Made", enableSorting: true, sortDescFirst: true,
//       meta: { label: "Made" }, cell: (info) => … }),
//     helper.accessor("name", { id: "name", header: "Name", enableHiding: false }),
//     helper.figure("amountCents", { id: "amount", header: "Amount", cell: formatCents }), // sortable, right-aligned
//   ]);
//   <DataTable caption="Claims" columns={columns} data={rows} getRowId={(row) => row.id}
//     total={total} page={page} pageSize={pageSize} sort={{ id: "madeAt", dir: "desc" }}
//     noun={["claim", "claims"]} emptyMessage="No claims match these filters." />
//
// Props:
//   caption        the table's <caption> (what the rows are); the current sort is added for screen readers.
//   columns        from createDataTableColumnHelper<Row>(). Each column's `id` is its name in the URL.
//                  Sorting is off unless a column sets `enableSorting: true` — only offer what the
//                  loader can sort; `sortDescFirst: true` makes a first click sort descending.
//                  `enableHiding: false` keeps a column out of the "Columns" list (e.g. the one
//                  holding the row's link). `meta.label` is the plain name used in that list and in
//                  the sort control (defaults to a string header, then the id); `meta.numeric` right-aligns.
//   data           the rows of the current page, already filtered, sorted and paged by the loader.
//   getRowId       a stable key for a row.
//   total          rows matching the filters across all pages.
//   page, pageSize the page shown (1-based, as the loader clamped it) and its size.
//   pageSizes      the sizes offered (default 25, 50, 100); the loader must accept the same.
//   sort           the order the loader applied (its default when the URL names none), or null.
//   rowHeader      the id of the column whose cells name their row (<th scope="row">).
//   omit           ids of columns left out for this reader (e.g. one that would say the same on
//                  every row); they are not offered in the "Columns" list either.
//   noun           singular and plural for the count ("claim", "claims").
//   emptyMessage   what an empty result says.
//
// Fitting the screen: the table scrolls sideways inside its own box (a focusable, labelled
// region, so keyboards can scroll it), never the page; below ~700 px each row is a card of
// labelled fields (the labels come from data-label, drawn by CSS; the sortable headers stay
// above the cards as the sort controls).
import { Link, useLocation } from "@remix-run/react";
import { formatCount } from "../ui/format.ts";
import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Column,
  type ColumnDef,
  type Header,
  type RowData,
} from "@tanstack/react-table";
import { useMemo, useRef, type ReactNode } from "react";
import { ColumnPicker } from "./column-picker.tsx";
import { Pagination } from "../ui/pagination.tsx";
import { hiddenColumnIds, searchWith, TABLE_PARAMS } from "./table-url.ts";
import { useHorizontalOverflow } from "./use-overflow.ts";

export interface DataTableColumnMeta {
  /** The column's plain name, for the "Columns" list and the sort control. */
  label?: string;
  /** Right-aligned, with tabular figures. */
  numeric?: boolean;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/** A sortable column of figures: right-aligned, its `cell` given the row's `key` field and the row. */
interface FigureColumn<TRow, TValue> {
  /** The column's name in the URL (sort=<id>, hide=<id>). */
  id: string;
  header: string;
  /** The plain name for the "Columns" list and the sort control, when the header is short. */
  label?: string;
  sortDescFirst?: boolean;
  cell: (value: TValue, row: TRow) => ReactNode;
}

/**
 * The column helper every data table uses, typed by its row; `figure(key, …)` is the usual
 * sortable, right-aligned column of a figure, `text(row => …, …)` a sortable column of text
 * that may be missing (shown as a dash).
 */
export function createDataTableColumnHelper<TRow extends RowData>() {
  const helper = createColumnHelper<DataTableFeatures, TRow>();
  const text = (value: (row: TRow) => string | null, column: { id: string; header: string }) =>
    helper.accessor(value, {
      id: column.id,
      header: column.header,
      enableSorting: true,
      cell: (info) => info.getValue() ?? <span className="muted">—</span>,
    });
  const figure = <K extends keyof TRow>(key: K, column: FigureColumn<TRow, TRow[K]>) =>
    helper.accessor((row) => row[key], {
      id: column.id,
      header: column.header,
      enableSorting: true,
      sortDescFirst: column.sortDescFirst,
      meta: { numeric: true, label: column.label },
      cell: (info) => column.cell(info.getValue(), info.row.original),
    });
  return { ...helper, figure, text };
}

export type SortDirection = "asc" | "desc";
export interface DataTableSort {
  id: string;
  dir: SortDirection;
}

export interface DataTableProps<TRow extends RowData> {
  caption: string;
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TRow>>;
  data: TRow[];
  getRowId: (row: TRow) => string;
  total: number;
  page: number;
  pageSize: number;
  pageSizes?: readonly number[];
  sort: DataTableSort | null;
  rowHeader?: string;
  omit?: readonly string[];
  noun?: [singular: string, plural: string];
  emptyMessage: ReactNode;
}

const DEFAULT_PAGE_SIZES = [25, 50, 100] as const;

type TableColumn<TRow extends RowData> = Column<DataTableFeatures, TRow>;

function columnLabel<TRow extends RowData>(column: TableColumn<TRow>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

function cellClass(numeric: boolean | undefined, extra?: string): string | undefined {
  return [numeric ? "num" : null, extra].filter(Boolean).join(" ") || undefined;
}

function SortControl<TRow extends RowData>({
  header,
  href,
}: {
  header: Header<DataTableFeatures, TRow>;
  href: (dir: SortDirection) => string;
}) {
  const sorted = header.column.getIsSorted();
  const next: SortDirection = sorted ? (sorted === "asc" ? "desc" : "asc") : header.column.getFirstSortDir();
  return (
    <Link to={href(next)} preventScrollReset className="sort-link">
      {columnLabel(header.column)}
      <span className="visually-hidden">{`, sort ${next === "asc" ? "ascending" : "descending"}`}</span>
      <span className="sort-mark" aria-hidden="true">
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
      </span>
    </Link>
  );
}

export function DataTable<TRow extends RowData>(props: DataTableProps<TRow>) {
  const { caption, data, getRowId, total, page, pageSize, sort, rowHeader, emptyMessage } = props;
  const omitKey = (props.omit ?? []).join(",");
  const columns = useMemo(() => {
    const omitted = omitKey.split(",");
    return props.columns.filter((column) => !column.id || !omitted.includes(column.id));
  }, [props.columns, omitKey]);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const scrolls = useHorizontalOverflow(scrollerRef);
  const pageSizes = props.pageSizes ?? DEFAULT_PAGE_SIZES;
  const [singular, plural] = props.noun ?? ["row", "rows"];
  const { pathname, search: searchText } = useLocation();
  const search = useMemo(() => new URLSearchParams(searchText), [searchText]);
  const hiddenKey = hiddenColumnIds(search).join(",");

  // Controlled state mirrors the URL; nothing changes it but navigation, so no change handlers.
  const state = useMemo(
    () => ({
      sorting: sort ? [{ id: sort.id, desc: sort.dir === "desc" }] : [],
      columnVisibility: Object.fromEntries(
        hiddenKey
          .split(",")
          .filter(Boolean)
          .map((id) => [id, false]),
      ),
      pagination: { pageIndex: page - 1, pageSize },
    }),
    [sort, hiddenKey, page, pageSize],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state,
    defaultColumn: { enableSorting: false },
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: total,
  });

  const hrefWith = (changes: Record<string, string | number | null>) => pathname + searchWith(search, changes);
  const visibleColumns = table.getVisibleLeafColumns();
  const sortedColumn = sort ? table.getAllLeafColumns().find((column) => column.id === sort.id) : undefined;
  const pageCount = Math.max(1, table.getPageCount());
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const rows = table.getRowModel().rows;

  return (
    <div className="data-table">
      <div className="data-table-bar">
        <p className="data-table-count" role="status">
          {total === 0
            ? `No ${plural}`
            : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} ${total === 1 ? singular : plural}`}
        </p>
        <ColumnPicker
          pathname={pathname}
          search={search}
          columns={table
            .getAllLeafColumns()
            .filter((column) => column.getCanHide())
            .map((column) => ({ id: column.id, label: columnLabel(column), visible: column.getIsVisible() }))}
        />
      </div>
      {/* Focusable only while it has something to scroll (WCAG 2.1.1); named by the table's caption. */}
      <div
        className="table-wrap data-table-scroller"
        ref={scrollerRef}
        role="region"
        aria-label={caption}
        tabIndex={scrolls ? 0 : undefined}
      >
        <table>
          <caption>
            {caption}
            {sortedColumn && sort ? (
              <span className="visually-hidden">{`, sorted by ${columnLabel(sortedColumn)}, ${sort.dir === "asc" ? "ascending" : "descending"}`}</span>
            ) : null}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cellClass(
                        header.column.columnDef.meta?.numeric,
                        header.column.getCanSort() ? "sortable" : undefined,
                      )}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <SortControl
                          header={header}
                          href={(dir) =>
                            hrefWith({
                              [TABLE_PARAMS.sort]: header.column.id,
                              [TABLE_PARAMS.dir]: dir,
                              [TABLE_PARAMS.page]: null,
                            })
                          }
                        />
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(1, visibleColumns.length)} className="data-table-empty">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => {
                    const namesRow = cell.column.id === rowHeader;
                    const Cell = namesRow ? "th" : "td";
                    return (
                      <Cell
                        key={cell.id}
                        scope={namesRow ? "row" : undefined}
                        className={cellClass(cell.column.columnDef.meta?.numeric)}
                        data-label={columnLabel(cell.column)}
                      >
                        <div className="data-table-value">
                          <table.FlexRender cell={cell} />
                        </div>
                      </Cell>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        pageCount={pageCount}
        search={search}
        pathname={pathname}
        pageSize={pageSize}
        pageSizes={pageSizes}
      />
    </div>
  );
}
