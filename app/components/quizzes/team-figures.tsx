import { formatCount, formatPercent } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

export interface TeamFigureRow {
  quizId: string;
  teamId: string;
  teamName: string;
  attempts: number;
  people: number;
  meanScore: number | null;
  passRate: number | null;
}

/** Salespeople's scores and pass rates per team (the manager's teams), optionally per quiz. */
export function TeamFigures({
  rows,
  quizTitles,
  caption,
}: {
  rows: TeamFigureRow[];
  quizTitles?: Record<string, string>;
  caption: string;
}) {
  return (
    <section className="panel" aria-label={caption}>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p className="muted">No submitted attempts by the salespeople of your teams yet.</p>
      ) : (
        <TableScroll label={caption}>
          <table className="data-table">
            <thead>
              <tr>
                {quizTitles ? <th scope="col">Quiz</th> : null}
                <th scope="col">Team</th>
                <th scope="col">People</th>
                <th scope="col">Attempts</th>
                <th scope="col">Mean score</th>
                <th scope="col">Pass rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.quizId}-${row.teamId}`}>
                  {quizTitles ? <td>{quizTitles[row.quizId] ?? ""}</td> : null}
                  <td>{row.teamName}</td>
                  <td>{formatCount(row.people)}</td>
                  <td>{formatCount(row.attempts)}</td>
                  <td>{formatPercent(row.meanScore)}</td>
                  <td>{formatPercent(row.passRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
