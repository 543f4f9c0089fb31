import { Form, Link } from "@remix-run/react";
import { periodStatusLabel } from "../../domain/labels.ts";
import { formatCents, formatDate, formatDateTime } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

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
  return (
    <TableScroll label="Compensation periods">
      <table>
        <caption>Compensation periods, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Dates</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Plan version
            </th>
            <th scope="col" className="num">
              Statements
            </th>
            <th scope="col">Computed</th>
            <th scope="col">Locked</th>
            {canCompute ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {periods.length === 0 ? (
            <tr>
              <td colSpan={canCompute ? 8 : 7} className="muted">
                No periods yet.
              </td>
            </tr>
          ) : null}
          {periods.map((period) => (
            <tr key={period.name}>
              <th scope="row">
                <Link to={`/comp/${encodeURIComponent(period.name)}`}>{period.name}</Link>
              </th>
              <td className="nowrap">
                {formatDate(period.startsAt)} – {formatDate(period.lastDay)}
              </td>
              <td>
                <PeriodStatusBadge status={period.status} />
              </td>
              <td className="num">v{period.planVersion}</td>
              <td className="num">{period.statements}</td>
              <td>{period.computedAt ? formatDateTime(period.computedAt) : <span className="muted">Not yet</span>}</td>
              <td>
                {period.lockedAt ? (
                  `${formatDateTime(period.lockedAt)}${period.lockedBy ? ` by ${period.lockedBy}` : ""}`
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {canCompute ? (
                <td>
                  {period.status === "OPEN" ? (
                    <Form method="post" action={`/comp/${encodeURIComponent(period.name)}`} className="inline-form">
                      <input type="hidden" name="intent" value="compute" />
                      <button type="submit" className="button secondary">
                        {period.computedAt ? `Recompute ${computeLabel}` : `Compute ${computeLabel}`}
                      </button>
                    </Form>
                  ) : (
                    <span className="muted">Frozen</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
  return (
    <TableScroll label="Your compensation statements">
      <table>
        <caption>Your compensation statements</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Multiplier
            </th>
            <th scope="col" className="num">
              Paid
            </th>
            <th scope="col" className="num">
              of which adjustments
            </th>
            <th scope="col">Computed</th>
          </tr>
        </thead>
        <tbody>
          {statements.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                You have no statements yet.
              </td>
            </tr>
          ) : null}
          {statements.map((statement) => (
            <tr key={statement.period.name}>
              <th scope="row">
                <Link to={`/comp/${encodeURIComponent(statement.period.name)}/${userId}`}>{statement.period.name}</Link>
              </th>
              <td>
                <PeriodStatusBadge status={statement.period.status} />
              </td>
              <td className="num">{statement.multiplier.toFixed(4)}</td>
              <td className="num">{formatCents(statement.totalPayoutCents)}</td>
              <td className="num">{statement.adjustmentCents === 0 ? "—" : formatCents(statement.adjustmentCents)}</td>
              <td>{formatDateTime(statement.computedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
