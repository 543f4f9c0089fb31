import type { SurveyCounts } from "../../models/surveys.server.ts";
import { responseRate } from "../../domain/survey-links.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

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
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {showTeam ? <th scope="col">Team</th> : null}
            <th scope="col" className="num">
              Come due
            </th>
            <th scope="col" className="num">
              To send
            </th>
            <th scope="col" className="num">
              Overdue
            </th>
            <th scope="col" className="num">
              Sent, awaiting answer
            </th>
            <th scope="col" className="num">
              Answered
            </th>
            <th scope="col" className="num">
              Expired
            </th>
            <th scope="col" className="num">
              Response rate
            </th>
            <th scope="col" className="num">
              Six-month CSAT
            </th>
            <th scope="col" className="num">
              Delivered as promised
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={showTeam ? 11 : 10} className="data-table-empty">
                No surveys yet.
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const csat = meanCsat(row.counts);
              return (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  {showTeam ? <td>{row.team ?? "—"}</td> : null}
                  <td className="num">{formatCount(row.counts.cameDue)}</td>
                  <td className="num">{formatCount(row.counts.toSend)}</td>
                  <td className="num">
                    {row.counts.overdue ? <strong>{formatCount(row.counts.overdue)}</strong> : "0"}
                  </td>
                  <td className="num">{formatCount(row.counts.sent)}</td>
                  <td className="num">{formatCount(row.counts.answered)}</td>
                  <td className="num">{formatCount(row.counts.expired)}</td>
                  <td className="num">{formatPercent(responseRate(row.counts.answered, row.counts.cameDue))}</td>
                  <td className="num">{csat === null ? "—" : csat.toFixed(2)}</td>
                  <td className="num">
                    {formatPercent(deliveredShare(row.counts))}
                    {row.counts.deliveredCount ? (
                      <span className="small muted"> of {formatCount(row.counts.deliveredCount)}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
