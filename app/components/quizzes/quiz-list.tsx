import { Link } from "@remix-run/react";
import { formatDate, formatPercent } from "../ui/format.ts";
import { SimpleTable } from "../ui/simple-table.tsx";

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
    <SimpleTable
      label={practice ? "Practice quizzes" : "Quizzes"}
      className="data-table"
      columns={[
        {
          header: "Quiz",
          cell: (row: QuizListRow) => (
            <>
              <Link to={`/quizzes/${row.id}`}>{row.title}</Link>{" "}
              {row.requiredForComp ? <span className="badge info">Required for comp</span> : null}{" "}
              {row.published ? null : <span className="badge">Draft</span>}
            </>
          ),
        },
        { header: "Product", cell: (row) => row.product?.name ?? "All products" },
        {
          header: "Questions · time",
          cell: (row) => (
            <>
              {row.questionCount} · {row.timeLimitMinutes} min
            </>
          ),
        },
        { header: "Pass mark", cell: (row) => formatPercent(row.passMark) },
        {
          header: "Your best",
          cell: (row) =>
            row.bestScore === null ? <span className="muted">Not taken</span> : formatPercent(row.bestScore),
        },
        !practice && { header: "Certification", cell: (row) => certification(row, now) },
        !practice && { header: "Attempts left", cell: (row) => row.attemptsLeft ?? "—" },
        (canSeeStats || canEdit) && {
          header: "Authoring",
          className: "nowrap",
          cell: (row) => (
            <>
              {canSeeStats ? <Link to={`/quizzes/${row.id}/stats`}>Statistics</Link> : null}
              {canSeeStats && canEdit ? " · " : null}
              {canEdit ? <Link to={`/quizzes/${row.id}/edit`}>Edit</Link> : null}
            </>
          ),
        },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}
