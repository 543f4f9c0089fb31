import { Link } from "@remix-run/react";
import { questionTypeLabel } from "../../domain/levels.ts";
import type { QuestionStats } from "../../domain/quiz-stats.ts";
import { formatCount, formatPercent } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

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

function statsColumns(canEdit: boolean): SimpleColumns<QuestionStats> {
  return [
    {
      header: "Question",
      cell: (row) => (
        <>
          {canEdit && row.questionId ? <Link to={`/question-bank/${row.questionId}`}>{row.prompt}</Link> : row.prompt}{" "}
          <span className="muted small">({questionTypeLabel(row.type)})</span>
          {row.state && row.state !== "ACTIVE" ? (
            <span className="badge warn">{row.state === "RETIRED" ? "Retired" : "Needs review"}</span>
          ) : null}
        </>
      ),
    },
    {
      header: "Capability",
      cell: (row) =>
        row.capability ? (
          <Link to={row.capability.href}>{row.capability.title}</Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { header: "Answers", cell: (row) => formatCount(row.answers) },
    { header: "Facility", cell: (row) => formatPercent(row.facility) },
    {
      header: "Discrimination",
      cellProps: (row) => ({ title: row.discriminationText }),
      cell: (row) => (
        <>
          {formatR(row.discrimination)} <span className="muted small">{row.discriminationText}</span>
        </>
      ),
    },
    { header: "Most-picked wrong choice", cell: (row) => <WrongChoice row={row} /> },
  ];
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
    <SimpleTable
      label={caption}
      hiddenCaption
      className="data-table"
      columns={statsColumns(canEdit)}
      rows={rows}
      rowKey={(row) => row.key}
    />
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
