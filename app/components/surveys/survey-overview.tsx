import type { SurveyCounts } from "../../models/surveys.server.ts";
import { responseRate } from "../../domain/survey-links.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export function meanCsat(counts: SurveyCounts): number | null {
  return counts.csatCount === 0 ? null : counts.csatSum / counts.csatCount;
}

export function deliveredShare(counts: SurveyCounts): number | null {
  return counts.deliveredCount === 0 ? null : counts.deliveredYes / counts.deliveredCount;
}

export function SurveyTiles({ counts }: { counts: SurveyCounts }) {
  const csat = meanCsat(counts);
  return (
    <div className="tiles">
      <div className="tile">
        <span className="tile-label">Six-month CSAT</span>
        <span className="tile-value">{csat === null ? "—" : csat.toFixed(2)}</span>
        <span className="small muted">of 5, {formatCount(counts.csatCount)} answers</span>
      </div>
      <div className="tile">
        <span className="tile-label">Delivered as promised</span>
        <span className="tile-value">{formatPercent(deliveredShare(counts))}</span>
        <span className="small muted">answered “yes”</span>
      </div>
      <div className="tile">
        <span className="tile-label">Response rate</span>
        <span className="tile-value">{formatPercent(responseRate(counts.answered, counts.cameDue))}</span>
        <span className="small muted">
          {formatCount(counts.answered)} of {formatCount(counts.cameDue)} due
        </span>
      </div>
      <div className={counts.overdue > 0 ? "tile tile-alert" : "tile"}>
        <span className="tile-label">To send</span>
        <span className="tile-value">{formatCount(counts.toSend)}</span>
        <span className="small muted">{formatCount(counts.overdue)} overdue</span>
      </div>
    </div>
  );
}

export interface OverviewRow {
  id: string;
  name: string;
  team?: string | null;
  counts: SurveyCounts;
}

const COUNT_COLUMNS: SimpleColumns<OverviewRow> = [
  { header: "Come due", numeric: true, cell: (row) => formatCount(row.counts.cameDue) },
  { header: "To send", numeric: true, cell: (row) => formatCount(row.counts.toSend) },
  {
    header: "Overdue",
    numeric: true,
    cell: (row) => (row.counts.overdue ? <strong>{formatCount(row.counts.overdue)}</strong> : "0"),
  },
  { header: "Sent, awaiting answer", numeric: true, cell: (row) => formatCount(row.counts.sent) },
  { header: "Answered", numeric: true, cell: (row) => formatCount(row.counts.answered) },
  { header: "Expired", numeric: true, cell: (row) => formatCount(row.counts.expired) },
  {
    header: "Response rate",
    numeric: true,
    cell: (row) => formatPercent(responseRate(row.counts.answered, row.counts.cameDue)),
  },
  {
    header: "Six-month CSAT",
    numeric: true,
    cell: (row) => {
      const csat = meanCsat(row.counts);
      return csat === null ? "—" : csat.toFixed(2);
    },
  },
  {
    header: "Delivered as promised",
    numeric: true,
    cell: (row) => (
      <>
        {formatPercent(deliveredShare(row.counts))}
        {row.counts.deliveredCount ? (
          <span className="small muted"> of {formatCount(row.counts.deliveredCount)}</span>
        ) : null}
      </>
    ),
  },
];

export function SurveyCountsTable({
  caption,
  rows,
  nameHeader,
  showTeam,
}: {
  caption: string;
  rows: OverviewRow[];
  nameHeader: string;
  showTeam: boolean;
}) {
  return (
    <SimpleTable
      label={caption}
      caption={caption}
      columns={[
        { header: nameHeader, rowHeader: true, cell: (row) => row.name },
        showTeam && { header: "Team", cell: (row) => row.team ?? "—" },
        ...COUNT_COLUMNS,
      ]}
      rows={rows}
      rowKey={(row) => row.id}
      empty="No surveys yet."
      emptyClassName="data-table-empty"
    />
  );
}
