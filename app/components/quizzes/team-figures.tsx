import { formatCount, formatPercent } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";
import type { TeamQuizFigures } from "../../models/quizzes.server.ts";

const FIGURE_COLUMNS: SimpleColumns<TeamQuizFigures> = [
  { header: "Team", cell: (row) => row.teamName },
  { header: "People", cell: (row) => formatCount(row.people) },
  { header: "Attempts", cell: (row) => formatCount(row.attempts) },
  { header: "Mean score", cell: (row) => formatPercent(row.meanScore) },
  { header: "Pass rate", cell: (row) => formatPercent(row.passRate) },
];

/** Salespeople's scores and pass rates per team (the manager's teams), optionally per quiz. */
export function TeamFigures({
  rows,
  quizTitles,
  caption,
}: {
  rows: TeamQuizFigures[];
  quizTitles?: Record<string, string>;
  caption: string;
}) {
  return (
    <section className="panel" aria-label={caption}>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p className="muted">No submitted attempts by the salespeople of your teams yet.</p>
      ) : (
        <SimpleTable
          label={caption}
          className="data-table"
          columns={[
            quizTitles && { header: "Quiz", cell: (row: TeamQuizFigures) => quizTitles[row.quizId] ?? "" },
            ...FIGURE_COLUMNS,
          ]}
          rows={rows}
          rowKey={(row) => `${row.quizId}-${row.teamId}`}
        />
      )}
    </section>
  );
}
