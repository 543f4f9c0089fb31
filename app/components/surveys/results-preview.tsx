import type { SurveyResultOutcome } from "../../models/survey-results.server.ts";
import { enumLabel } from "../../domain/labels.ts";
import { formatDate } from "../ui/format.ts";
import { ImportPreviewTable } from "../imports/import-parts.tsx";
import type { SimpleColumns } from "../ui/simple-table.tsx";

export interface ResultPreviewRow {
  line: number;
  externalId: string;
  respondedAt: string | Date;
  csat: number;
  deliveredAsPromised: string;
  nps: number | null;
  leastLiked: string | null;
  outcome: SurveyResultOutcome;
}

const OUTCOME_TEXT: Record<SurveyResultOutcome, string> = {
  record: "Records the answer",
  update: "Corrects an imported answer",
  unchanged: "Unchanged",
};

const COLUMNS: SimpleColumns<ResultPreviewRow> = [
  { header: "Responded", cell: (row) => formatDate(row.respondedAt) },
  { header: "CSAT", numeric: true, cell: (row) => row.csat },
  { header: "Delivered as promised", cell: (row) => enumLabel("Delivered", row.deliveredAsPromised) },
  { header: "NPS", numeric: true, cell: (row) => row.nps ?? "—" },
  { header: "Comment", cell: (row) => row.leastLiked ?? <span className="muted">—</span> },
  { header: "What importing does", cell: (row) => OUTCOME_TEXT[row.outcome] },
];

export function ResultsPreviewTable({ rows, total }: { rows: ResultPreviewRow[]; total: number }) {
  return <ImportPreviewTable rows={rows} total={total} idHeader="Deal external ID" columns={COLUMNS} />;
}
