import { Form, Link } from "@remix-run/react";
import { periodStatusLabel } from "../../domain/labels.ts";
import { formatCents, formatDate, formatDateTime } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface PeriodRow {
  name: string;
  startsAt: Date | string;
  lastDay: Date | string;
  status: "OPEN" | "LOCKED";
  planVersion: number;
  computedAt: Date | string | null;
  lockedAt: Date | string | null;
  lockedBy: string | null;
  statements: number;
}

export function PeriodStatusBadge({ status }: { status: "OPEN" | "LOCKED" }) {
  return <span className={status === "OPEN" ? "badge info" : "badge"}>{periodStatusLabel(status)}</span>;
}

/** Every period with its state; open ones offer Compute to those who may (the form posts to the period's page). */
export function PeriodsTable({
  periods,
  canCompute,
  computeLabel,
}: {
  periods: PeriodRow[];
  canCompute: boolean;
  computeLabel: string;
}) {
  const columns: SimpleColumns<PeriodRow> = [
    {
      header: "Period",
      rowHeader: true,
      cell: (period) => <Link to={`/comp/${encodeURIComponent(period.name)}`}>{period.name}</Link>,
    },
    {
      header: "Dates",
      className: "nowrap",
      cell: (period) => (
        <>
          {formatDate(period.startsAt)} – {formatDate(period.lastDay)}
        </>
      ),
    },
    { header: "Status", cell: (period) => <PeriodStatusBadge status={period.status} /> },
    { header: "Plan version", numeric: true, cell: (period) => `v${period.planVersion}` },
    { header: "Statements", numeric: true, cell: (period) => period.statements },
    {
      header: "Computed",
      cell: (period) =>
        period.computedAt ? formatDateTime(period.computedAt) : <span className="muted">Not yet</span>,
    },
    {
      header: "Locked",
      cell: (period) =>
        period.lockedAt ? (
          `${formatDateTime(period.lockedAt)}${period.lockedBy ? ` by ${period.lockedBy}` : ""}`
        ) : (
          <span className="muted">—</span>
        ),
    },
    canCompute && {
      header: "Actions",
      cell: (period) =>
        period.status === "OPEN" ? (
          <Form method="post" action={`/comp/${encodeURIComponent(period.name)}`} className="inline-form">
            <input type="hidden" name="intent" value="compute" />
            <button type="submit" className="button secondary">
              {period.computedAt ? `Recompute ${computeLabel}` : `Compute ${computeLabel}`}
            </button>
          </Form>
        ) : (
          <span className="muted">Frozen</span>
        ),
    },
  ];
  return (
    <SimpleTable
      label="Compensation periods"
      caption="Compensation periods, newest first"
      columns={columns}
      rows={periods}
      rowKey={(period) => period.name}
      empty="No periods yet."
    />
  );
}

export interface OwnStatementRow {
  multiplier: number;
  totalPayoutCents: number;
  adjustmentCents: number;
  computedAt: Date | string;
  period: { name: string; status: "OPEN" | "LOCKED" };
}

export function OwnStatementsTable({ statements, userId }: { statements: OwnStatementRow[]; userId: string }) {
  const columns: SimpleColumns<OwnStatementRow> = [
    {
      header: "Period",
      rowHeader: true,
      cell: (statement) => (
        <Link to={`/comp/${encodeURIComponent(statement.period.name)}/${userId}`}>{statement.period.name}</Link>
      ),
    },
    { header: "Status", cell: (statement) => <PeriodStatusBadge status={statement.period.status} /> },
    { header: "Multiplier", numeric: true, cell: (statement) => statement.multiplier.toFixed(4) },
    { header: "Paid", numeric: true, cell: (statement) => formatCents(statement.totalPayoutCents) },
    {
      header: "of which adjustments",
      numeric: true,
      cell: (statement) => (statement.adjustmentCents === 0 ? "—" : formatCents(statement.adjustmentCents)),
    },
    { header: "Computed", cell: (statement) => formatDateTime(statement.computedAt) },
  ];
  return (
    <SimpleTable
      label="Your compensation statements"
      caption="Your compensation statements"
      columns={columns}
      rows={statements}
      rowKey={(statement) => statement.period.name}
      empty="You have no statements yet."
    />
  );
}
