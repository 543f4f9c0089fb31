import { Link } from "@remix-run/react";
import { formatDate, formatPercent } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

export interface QuizListRow {
  id: string;
  title: string;
  published: boolean;
  requiredForComp: boolean;
  questionCount: number;
  timeLimitMinutes: number;
  passMark: number;
  product: { name: string } | null;
  bestScore: number | null;
  certifiedUntil: Date | string | null;
  attemptsLeft: number | null;
}

function certification(row: QuizListRow, now: Date) {
  if (!row.certifiedUntil) return <span className="muted">Not certified</span>;
  const until = new Date(row.certifiedUntil);
  return until.getTime() > now.getTime() ? (
    <span className="badge good">Until {formatDate(until)}</span>
  ) : (
    <span className="badge warn">Expired {formatDate(until)}</span>
  );
}

export function QuizList({
  rows,
  practice,
  canSeeStats,
  canEdit,
  now,
}: {
  rows: QuizListRow[];
  practice: boolean;
  canSeeStats: boolean;
  canEdit: boolean;
  now: Date;
}) {
  if (rows.length === 0) return <p className="panel muted">No quizzes are published yet.</p>;
  return (
    <TableScroll label={practice ? "Practice quizzes" : "Quizzes"}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Quiz</th>
            <th scope="col">Product</th>
            <th scope="col">Questions · time</th>
            <th scope="col">Pass mark</th>
            <th scope="col">Your best</th>
            {practice ? null : <th scope="col">Certification</th>}
            {practice ? null : <th scope="col">Attempts left</th>}
            {canSeeStats || canEdit ? <th scope="col">Authoring</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/quizzes/${row.id}`}>{row.title}</Link>{" "}
                {row.requiredForComp ? <span className="badge info">Required for comp</span> : null}{" "}
                {row.published ? null : <span className="badge">Draft</span>}
              </td>
              <td>{row.product?.name ?? "All products"}</td>
              <td>
                {row.questionCount} · {row.timeLimitMinutes} min
              </td>
              <td>{formatPercent(row.passMark)}</td>
              <td>
                {row.bestScore === null ? <span className="muted">Not taken</span> : formatPercent(row.bestScore)}
              </td>
              {practice ? null : <td>{certification(row, now)}</td>}
              {practice ? null : <td>{row.attemptsLeft ?? "—"}</td>}
              {canSeeStats || canEdit ? (
                <td className="nowrap">
                  {canSeeStats ? <Link to={`/quizzes/${row.id}/stats`}>Statistics</Link> : null}
                  {canSeeStats && canEdit ? " · " : null}
                  {canEdit ? <Link to={`/quizzes/${row.id}/edit`}>Edit</Link> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
