import { salespersonColumn } from "../people/salesperson-column.tsx";
import type { ScorecardRow } from "../../models/scorecard.server.ts";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { describeCoverage } from "../../domain/coverage.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { personHref } from "./links.ts";

const helper = createDataTableColumnHelper<ScorecardRow>();
const dash = <span className="muted">—</span>;
const percent = (value: number | null) => formatPercent(value);

// Column ids are the names used in the URL: sort=<id> (the sortable ones equal
// SCORECARD_SORT_KEYS in app/domain/scorecard-query.ts) and hide=<id>,<id>.
export const scorecardColumns = helper.columns([
  salespersonColumn(
    (row: ScorecardRow) => personHref(row.id),
    (row) => (row.active ? null : <span className="small muted"> (deactivated)</span>),
  ),
  helper.text((row) => row.teamName, { id: "team", header: "Team" }),
  helper.figure("claims", { id: "claims", header: "Claims logged", sortDescFirst: true, cell: formatCount }),
  helper.figure("accuracy", { id: "accuracy", header: "Accuracy", label: "Accuracy (weighted)", cell: percent }),
  helper.figure("overstatedShare", {
    id: "overstated",
    header: "Overstated",
    label: "Overstated share",
    cell: percent,
  }),
  helper.figure("coverage", {
    id: "coverage",
    header: "Coverage",
    label: "Coverage (won deals with a claim)",
    cell: (value, row) => {
      const counts = { won: row.wonDeals, covered: row.coveredDeals };
      // Without won deals there is nothing to cover: say so rather than show 0 %.
      if (counts.won === 0) return <span className="small muted">No won deals</span>;
      return (
        <span title={describeCoverage(counts)}>
          {formatPercent(value)}{" "}
          <span className="small muted">
            ({counts.covered} of {counts.won})
          </span>
        </span>
      );
    },
  }),
  helper.figure("quizBest", { id: "quizBest", header: "Best quiz score", cell: percent }),
  helper.accessor("quizzesPassed", {
    id: "quizPassed",
    header: "Quizzes passed",
    meta: { numeric: true },
    cell: (info) => (info.row.original.quizzesTaken ? `${info.getValue()} of ${info.row.original.quizzesTaken}` : dash),
  }),
  helper.figure("meanCsat", {
    id: "csat",
    header: "Six-month CSAT",
    cell: (value, row) =>
      value === null ? (
        dash
      ) : (
        <>
          {value.toFixed(1)} <span className="small muted">({formatCount(row.surveysAnswered)})</span>
        </>
      ),
  }),
  helper.figure("deliveredRate", { id: "delivered", header: "Delivered as promised", cell: percent }),
  helper.figure("multiplier", {
    id: "multiplier",
    header: "Multiplier",
    cell: (value) => (value === null ? dash : `${value.toFixed(2)}×`),
  }),
]);
