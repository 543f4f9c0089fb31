import { salespersonColumn } from "../people/salesperson-column.tsx";
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

/** A score of the formula, headed by its letter and named in full in the "Columns" list: "Accuracy (A)". */
const scoreColumn = (key: "accuracy" | "quiz" | "satisfaction" | "composite", name: string, letter: string) =>
  helper.figure(key, { id: key, header: letter, label: `${name} (${letter})`, sortDescFirst: true, cell: score });

// Column ids are the URL's sort keys (OVERVIEW_SORT_KEYS in comp-statements.server.ts).
export const compPeopleColumns = helper.columns([
  salespersonColumn((row: CompPersonRow) => `/comp/${encodeURIComponent(row.period)}/${row.userId}`),
  helper.text((row) => row.team, { id: "team", header: "Team" }),
  scoreColumn("accuracy", "Accuracy", "A"),
  scoreColumn("quiz", "Quiz", "Q"),
  scoreColumn("satisfaction", "Satisfaction", "S"),
  scoreColumn("composite", "Composite", "C"),
  helper.figure("multiplier", {
    id: "multiplier",
    header: "M",
    label: "Multiplier (M)",
    sortDescFirst: true,
    cell: multiplier,
  }),
  helper.figure("totalPayoutCents", {
    id: "payout",
    header: "Paid",
    label: "Paid (payout + adjustments)",
    sortDescFirst: true,
    cell: formatCents,
  }),
  helper.figure("adjustmentCents", {
    id: "adjustment",
    header: "Adjustment",
    label: "Prior-period adjustment",
    sortDescFirst: true,
    cell: (value) => (value === 0 ? <span className="muted">—</span> : formatCents(value)),
  }),
]);
