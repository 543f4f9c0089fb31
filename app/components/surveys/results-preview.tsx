import type { SurveyResultOutcome } from "../../models/survey-results.server.ts";
import { enumLabel } from "../../domain/labels.ts";
import { formatDate } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

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

export function ResultsPreviewTable({ rows, total }: { rows: ResultPreviewRow[]; total: number }) {
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
            <th scope="col">Deal external ID</th>
            <th scope="col">Responded</th>
            <th scope="col" className="num">
              CSAT
            </th>
            <th scope="col">Delivered as promised</th>
            <th scope="col" className="num">
              NPS
            </th>
            <th scope="col">Comment</th>
            <th scope="col">What importing does</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">{row.externalId}</th>
              <td>{formatDate(row.respondedAt)}</td>
              <td className="num">{row.csat}</td>
              <td>{enumLabel("Delivered", row.deliveredAsPromised)}</td>
              <td className="num">{row.nps ?? "—"}</td>
              <td>{row.leastLiked ?? <span className="muted">—</span>}</td>
              <td>{OUTCOME_TEXT[row.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
