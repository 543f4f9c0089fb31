import { Link } from "@remix-run/react";
import { CUSTOMER_CHANNEL_LABEL } from "../../domain/customer-claims.ts";
import { channelLabel, claimSourceLabel, severityLabel } from "../../domain/levels.ts";
import type { ClaimsTableRow } from "../../models/claims-table.server.ts";
import { ClampedText } from "../data-table/clamped-text.tsx";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { When } from "../ui/when.tsx";
import { AssertedLevelBadge, ClaimStatusBadge, MatrixCheckBadge } from "../ui/badges.tsx";

const helper = createDataTableColumnHelper<ClaimsTableRow>();

// Column ids are the names used in the URL: sort=<id> (the sortable ones equal CLAIM_SORT_KEYS
// in app/domain/claims-filter.ts) and hide=<id>,<id>.
export const claimsColumns = helper.columns([
  helper.accessor("madeAt", {
    id: "madeAt",
    header: "Made",
    enableSorting: true,
    sortDescFirst: true,
    // The row's link to the claim lives here, so this column cannot be hidden.
    enableHiding: false,
    cell: (info) => (
      <Link to={`/claims/${info.row.original.id}`} className="nowrap">
        <When at={info.getValue()} />
      </Link>
    ),
  }),
  helper.accessor((row) => row.salesperson.name, { id: "salesperson", header: "Salesperson", enableSorting: true }),
  helper.accessor("team", {
    id: "team",
    header: "Team",
    cell: (info) => info.getValue() ?? <span className="muted">—</span>,
  }),
  helper.accessor("accountName", { id: "account", header: "Account" }),
  helper.accessor("product", { id: "product", header: "Product", enableSorting: true }),
  helper.accessor("capability", {
    id: "capability",
    header: "Capability",
    cell: (info) => info.getValue() ?? <span className="muted">Not in the matrix</span>,
  }),
  helper.accessor("assertedLevel", {
    id: "assertedLevel",
    header: "Customer was told",
    cell: (info) => <AssertedLevelBadge level={info.getValue()} />,
  }),
  helper.accessor("statement", {
    id: "statement",
    header: "Statement",
    // Clamped to three lines so the table fits the screen; "Show all" opens the rest.
    cell: (info) => (
      <div className="claims-statement">
        <ClampedText text={info.getValue()} label="statement" />
      </div>
    ),
  }),
  helper.accessor("channel", {
    id: "channel",
    header: "Channel",
    // A customer does not say how they were told; the stored channel is only a placeholder.
    cell: (info) =>
      info.row.original.source === "CUSTOMER" ? (
        <span className="muted">{CUSTOMER_CHANNEL_LABEL}</span>
      ) : (
        channelLabel(info.getValue())
      ),
  }),
  helper.accessor("source", { id: "source", header: "Source", cell: (info) => claimSourceLabel(info.getValue()) }),
  helper.accessor("matrixCheck", {
    id: "matrixCheck",
    header: "Matrix check",
    enableSorting: true,
    cell: (info) => <MatrixCheckBadge check={info.getValue()} />,
  }),
  helper.accessor("status", {
    id: "status",
    header: "Verdict",
    enableSorting: true,
    cell: (info) => <ClaimStatusBadge status={info.getValue()} />,
  }),
  helper.accessor("severity", {
    id: "severity",
    header: "Severity",
    enableSorting: true,
    cell: (info) => {
      const severity = info.getValue();
      return severity ? severityLabel(severity) : <span className="muted">—</span>;
    },
  }),
  helper.accessor("verifiedAt", {
    id: "verifiedAt",
    header: "Verified",
    cell: (info) => <When at={info.getValue()} />,
  }),
]);
