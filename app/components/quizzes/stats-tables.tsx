import { Link } from "@remix-run/react";
import { questionTypeLabel } from "../../domain/levels.ts";
import type { QuestionStats } from "../../domain/quiz-stats.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

const formatR = (r: number | null) => (r === null ? "—" : r.toFixed(2));

function WrongChoice({ row }: { row: QuestionStats }) {
  if (!row.mostPickedWrong) return <span className="muted">none</span>;
  return (
    <>
      {row.mostPickedWrong.choice}{" "}
      <span className="muted small">
        ({formatCount(row.mostPickedWrong.picks)}, {formatPercent(row.mostPickedWrong.share)})
      </span>
    </>
  );
}

export function QuestionStatsTable({
  rows,
  caption,
  canEdit,
}: {
  rows: QuestionStats[];
  caption: string;
  canEdit: boolean;
}) {
  if (rows.length === 0) return <p className="muted">No answers yet.</p>;
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Capability</th>
            <th scope="col">Answers</th>
            <th scope="col">Facility</th>
            <th scope="col">Discrimination</th>
            <th scope="col">Most-picked wrong choice</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                {canEdit && row.questionId ? (
                  <Link to={`/question-bank/${row.questionId}`}>{row.prompt}</Link>
                ) : (
                  row.prompt
                )}{" "}
                <span className="muted small">({questionTypeLabel(row.type)})</span>
                {row.state && row.state !== "ACTIVE" ? (
                  <span className="badge warn">{row.state === "RETIRED" ? "Retired" : "Needs review"}</span>
                ) : null}
              </td>
              <td>
                {row.capability ? (
                  <Link to={row.capability.href}>{row.capability.title}</Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{formatCount(row.answers)}</td>
              <td>{formatPercent(row.facility)}</td>
              <td title={row.discriminationText}>
                {formatR(row.discrimination)} <span className="muted small">{row.discriminationText}</span>
              </td>
              <td>
                <WrongChoice row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function FailedMostList({ rows }: { rows: QuestionStats[] }) {
  if (rows.length === 0) return <p className="muted">No question is missed often enough to single out yet.</p>;
  return (
    <ol>
      {rows.map((row) => (
        <li key={row.key}>
          {row.prompt} — {formatPercent(row.facility)} right
          {row.mostPickedWrong ? `; most common wrong answer “${row.mostPickedWrong.choice}”` : ""}.{" "}
          {row.capability ? (
            <Link to={row.capability.href}>What the matrix says about {row.capability.title}</Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
