import type { Key, ReactNode } from "react";
import { TableScroll } from "./table-scroll.tsx";

/** One column of a `SimpleTable`: its header, and what each row shows in it. */
export interface SimpleColumn<Row> {
  /** The `<th scope="col">`'s content. */
  header: ReactNode;
  /** A React key, for a header that is not a plain string (or repeats). */
  key?: Key;
  /** Right-aligned figures: `num` on the header and on each cell. */
  numeric?: boolean;
  /** The cells name their row: `<th scope="row">` instead of `<td>`. */
  rowHeader?: boolean;
  /** Classes of each cell (after `num`), e.g. "nowrap" or "small". */
  className?: string;
  /** Attributes of each cell other than its class, e.g. a `title`. */
  cellProps?: (row: Row, index: number) => { title?: string };
  cell: (row: Row, index: number) => ReactNode;
}

/** A column, or nothing where a column is left out for this reader (`canEdit ? {...} : null`). */
export type SimpleColumns<Row> = ReadonlyArray<SimpleColumn<Row> | false | null | undefined>;

const classes = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(" ") || undefined;

/**
 * A table small enough to render whole, inside its `TableScroll`: a header row of `columns`, a
 * row per item of `rows`, an optional caption, footer and empty-row sentence. What is large,
 * sortable or paged is a `DataTable` (data-table/) instead.
 */
export function SimpleTable<Row>({
  label,
  hiddenCaption = false,
  caption = hiddenCaption ? label : undefined,
  captionClassName = hiddenCaption ? "visually-hidden" : undefined,
  className,
  columns,
  rows,
  rowKey,
  rowClassName,
  empty,
  emptyClassName = "muted",
  foot,
  after,
}: {
  /** Names the scroll region (`TableScroll`); usually the caption's words. */
  label: string;
  /** The label again as the table's caption, for screen readers only. */
  hiddenCaption?: boolean;
  caption?: ReactNode;
  /** e.g. "visually-hidden" for a caption only screen readers need. */
  captionClassName?: string;
  className?: string;
  columns: SimpleColumns<Row>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowClassName?: (row: Row) => string | undefined;
  /** Said in one row spanning every column when there are no rows; nothing is shown without it. */
  empty?: ReactNode;
  emptyClassName?: string;
  /** The rows of a `<tfoot>` (totals). */
  foot?: ReactNode;
  /** Shown after the table, inside the scroll region. */
  after?: ReactNode;
}) {
  const shown = columns.filter((column): column is SimpleColumn<Row> => Boolean(column));
  const keyOf = (column: SimpleColumn<Row>, index: number) =>
    column.key ?? (typeof column.header === "string" ? column.header : index);
  return (
    <TableScroll label={label}>
      <table className={className}>
        {caption !== undefined ? <caption className={captionClassName}>{caption}</caption> : null}
        <thead>
          <tr>
            {shown.map((column, index) => (
              <th key={keyOf(column, index)} scope="col" className={classes(column.numeric && "num")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined ? (
            <tr>
              <td colSpan={shown.length} className={emptyClassName}>
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row, rowIndex) => (
            <tr key={rowKey(row, rowIndex)} className={rowClassName?.(row)}>
              {shown.map((column, index) => {
                const Cell = column.rowHeader ? "th" : "td";
                return (
                  <Cell
                    key={keyOf(column, index)}
                    scope={column.rowHeader ? "row" : undefined}
                    className={classes(column.numeric && "num", column.className)}
                    {...column.cellProps?.(row, rowIndex)}
                  >
                    {column.cell(row, rowIndex)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
        {foot !== undefined ? <tfoot>{foot}</tfoot> : null}
      </table>
      {after}
    </TableScroll>
  );
}
