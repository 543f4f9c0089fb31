import type { DealRowOutcome } from "../../models/deals.server.ts";
import { enumLabel } from "../../domain/labels.ts";
import { formatCents, formatDate } from "../ui/format.ts";
import { ImportPreviewTable } from "../imports/import-parts.tsx";
import type { SimpleColumns } from "../ui/simple-table.tsx";

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

const COLUMNS: SimpleColumns<DealPreviewRow> = [
  { header: "Account", cell: (row) => row.accountName },
  {
    header: "Contact",
    cell: (row) => (
      <>
        {row.contactName}
        <br />
        <span className="small muted">{row.contactEmail}</span>
      </>
    ),
  },
  { header: "Owner", cell: (row) => row.ownerEmail },
  { header: "Product", cell: (row) => row.product ?? <span className="muted">—</span> },
  { header: "Amount", numeric: true, cell: (row) => formatCents(row.amountCents) },
  { header: "Status", cell: (row) => enumLabel("DealStatus", row.status) },
  { header: "Closed", cell: (row) => (row.closedAt ? formatDate(row.closedAt) : <span className="muted">—</span>) },
  {
    header: "What importing does",
    cell: (row) => (
      <>
        {OUTCOME_TEXT[row.outcome]}
        {row.outcome === "update" ? <span className="small muted"> ({row.changed.join(", ")})</span> : null}
      </>
    ),
  },
];

export function DealPreviewTable({ rows, total }: { rows: DealPreviewRow[]; total: number }) {
  return <ImportPreviewTable rows={rows} total={total} idHeader="External ID" columns={COLUMNS} />;
}
