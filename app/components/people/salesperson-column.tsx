import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";

/**
 * A data table's "Salesperson" column (sort=name): the person's name as the row's link to
 * `href`, then whatever `after` adds. The row's link lives here, so the column cannot be hidden.
 */
export function salespersonColumn<TRow extends { name: string }>(
  href: (row: TRow) => string,
  after?: (row: TRow) => ReactNode,
) {
  return createDataTableColumnHelper<TRow>().accessor((row) => row.name, {
    id: "name",
    header: "Salesperson",
    enableSorting: true,
    enableHiding: false,
    cell: (info) => (
      <>
        <Link to={href(info.row.original)}>{info.getValue()}</Link>
        {after?.(info.row.original)}
      </>
    ),
  });
}
