import { Link } from "@remix-run/react";
import type { ScorecardRow } from "../../models/scorecard.server.ts";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { describeCoverage } from "../../domain/coverage.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { personHref } from "./links.ts";

const helper = createDataTableColumnHelper<ScorecardRow>();
const dash = <span className="muted">—</span>;

// Column ids are the names used in the URL: sort=<id> (the sortable ones equal
// SCORECARD_SORT_KEYS in app/domain/scorecard-query.ts) and hide=<id>,<id>.
export const scorecardColumns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Salesperson",
    enableSorting: true,
    // The row's link to the person's page lives here, so this column cannot be hidden.
    enableHiding: false,
    cell: (info) => (
      <>
        <Link to={personHref(info.row.original.id)}>{info.getValue()}</Link>
        {info.row.original.active ? null : <span className="small muted"> (deactivated)</span>}
      </>
    ),
  }),
  helper.accessor("teamName", {
    id: "team",
    header: "Team",
    enableSorting: true,
    cell: (info) => info.getValue() ?? dash,
  }),
  helper.accessor("claims", {
    id: "claims",
    header: "Claims logged",
    enableSorting: true,
    sortDescFirst: true,
    meta: { numeric: true },
    cell: (info) => formatCount(info.getValue()),
  }),
  helper.accessor("accuracy", {
    id: "accuracy",
    header: "Accuracy",
    enableSorting: true,
    meta: { numeric: true, label: "Accuracy (weighted)" },
    cell: (info) => formatPercent(info.getValue()),
  }),
  helper.accessor("overstatedShare", {
    id: "overstated",
    header: "Overstated",
    enableSorting: true,
    meta: { numeric: true, label: "Overstated share" },
    cell: (info) => formatPercent(info.getValue()),
  }),
  helper.accessor("coverage", {
    id: "coverage",
    header: "Coverage",
    enableSorting: true,
    meta: { numeric: true, label: "Coverage (won deals with a claim)" },
    cell: (info) => {
      const counts = { won: info.row.original.wonDeals, covered: info.row.original.coveredDeals };
      // Without won deals there is nothing to cover: say so rather than show 0 %.
      if (counts.won === 0) return <span className="small muted">No won deals</span>;
      return (
        <span title={describeCoverage(counts)}>
          {formatPercent(info.getValue())}{" "}
          <span className="small muted">
            ({counts.covered} of {counts.won})
          </span>
        </span>
      );
    },
  }),
  helper.accessor("quizBest", {
    id: "quizBest",
    header: "Best quiz score",
    enableSorting: true,
    meta: { numeric: true },
    cell: (info) => formatPercent(info.getValue()),
  }),
  helper.accessor("quizzesPassed", {
    id: "quizPassed",
    header: "Quizzes passed",
    meta: { numeric: true },
    cell: (info) => (info.row.original.quizzesTaken ? `${info.getValue()} of ${info.row.original.quizzesTaken}` : dash),
  }),
  helper.accessor("meanCsat", {
    id: "csat",
    header: "Six-month CSAT",
    enableSorting: true,
    meta: { numeric: true },
    cell: (info) => {
      const value = info.getValue();
      return value === null ? (
        dash
      ) : (
        <>
          {value.toFixed(1)} <span className="small muted">({formatCount(info.row.original.surveysAnswered)})</span>
        </>
      );
    },
  }),
  helper.accessor("deliveredRate", {
    id: "delivered",
    header: "Delivered as promised",
    enableSorting: true,
    meta: { numeric: true },
    cell: (info) => formatPercent(info.getValue()),
  }),
  helper.accessor("multiplier", {
    id: "multiplier",
    header: "Multiplier",
    enableSorting: true,
    meta: { numeric: true },
    cell: (info) => {
      const value = info.getValue();
      return value === null ? dash : `${value.toFixed(2)}×`;
    },
  }),
]);
