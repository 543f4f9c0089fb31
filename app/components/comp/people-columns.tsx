import { Link } from "@remix-run/react";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { formatCents, formatPercent } from "../ui/format.ts";

export interface CompPersonRow {
  userId: string;
  name: string;
  email: string;
  team: string | null;
  accuracy: number;
  quiz: number | null;
  satisfaction: number;
  composite: number;
  multiplier: number;
  totalPayoutCents: number;
  adjustmentCents: number;
  /** The period's name, for the statement link. */
  period: string;
}

const helper = createDataTableColumnHelper<CompPersonRow>();
// Scores read as percentages (format.ts); the multiplier, no score, keeps its paid 4 decimals.
const score = (value: number | null) =>
  value === null ? <span className="muted">dropped</span> : formatPercent(value, 2);
const multiplier = (value: number) => value.toFixed(4);

// Column ids are the URL's sort keys (OVERVIEW_SORT_KEYS in comp-statements.server.ts).
export const compPeopleColumns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Salesperson",
    enableSorting: true,
    enableHiding: false,
    cell: (info) => (
      <Link to={`/comp/${encodeURIComponent(info.row.original.period)}/${info.row.original.userId}`}>
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("team", {
    id: "team",
    header: "Team",
    enableSorting: true,
    cell: (info) => info.getValue() ?? <span className="muted">—</span>,
  }),
  helper.accessor("accuracy", {
    id: "accuracy",
    header: "A",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Accuracy (A)", numeric: true },
    cell: (info) => score(info.getValue()),
  }),
  helper.accessor("quiz", {
    id: "quiz",
    header: "Q",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Quiz (Q)", numeric: true },
    cell: (info) => score(info.getValue()),
  }),
  helper.accessor("satisfaction", {
    id: "satisfaction",
    header: "S",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Satisfaction (S)", numeric: true },
    cell: (info) => score(info.getValue()),
  }),
  helper.accessor("composite", {
    id: "composite",
    header: "C",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Composite (C)", numeric: true },
    cell: (info) => score(info.getValue()),
  }),
  helper.accessor("multiplier", {
    id: "multiplier",
    header: "M",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Multiplier (M)", numeric: true },
    cell: (info) => multiplier(info.getValue()),
  }),
  helper.accessor("totalPayoutCents", {
    id: "payout",
    header: "Paid",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Paid (payout + adjustments)", numeric: true },
    cell: (info) => formatCents(info.getValue()),
  }),
  helper.accessor("adjustmentCents", {
    id: "adjustment",
    header: "Adjustment",
    enableSorting: true,
    sortDescFirst: true,
    meta: { label: "Prior-period adjustment", numeric: true },
    cell: (info) => (info.getValue() === 0 ? <span className="muted">—</span> : formatCents(info.getValue())),
  }),
]);
