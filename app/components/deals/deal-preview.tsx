import type { DealRowOutcome } from "../../models/deals.server.ts";
import { enumLabel } from "../../domain/labels.ts";
import { formatCents, formatDate } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

export interface DealPreviewRow {
  line: number;
  externalId: string;
  accountName: string;
  contactName: string;
  contactEmail: string;
  ownerEmail: string;
  product: string | null;
  amountCents: number;
  status: string;
  closedAt: string | Date | null;
  outcome: DealRowOutcome;
  changed: string[];
}

const OUTCOME_TEXT: Record<DealRowOutcome, string> = { create: "New", update: "Changes", unchanged: "Unchanged" };

export function DealPreviewTable({ rows, total }: { rows: DealPreviewRow[]; total: number }) {
  return (
    <TableScroll label="Rows of the file">
      <table>
        <caption>
          {rows.length < total
            ? `The first ${rows.length} of ${total.toLocaleString("en-US")} rows`
            : "Every row of the file"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">External ID</th>
            <th scope="col">Account</th>
            <th scope="col">Contact</th>
            <th scope="col">Owner</th>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Closed</th>
            <th scope="col">What importing does</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">{row.externalId}</th>
              <td>{row.accountName}</td>
              <td>
                {row.contactName}
                <br />
                <span className="small muted">{row.contactEmail}</span>
              </td>
              <td>{row.ownerEmail}</td>
              <td>{row.product ?? <span className="muted">—</span>}</td>
              <td className="num">{formatCents(row.amountCents)}</td>
              <td>{enumLabel("DealStatus", row.status)}</td>
              <td>{row.closedAt ? formatDate(row.closedAt) : <span className="muted">—</span>}</td>
              <td>
                {OUTCOME_TEXT[row.outcome]}
                {row.outcome === "update" ? <span className="small muted"> ({row.changed.join(", ")})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
