import { Link } from "@remix-run/react";
import { ClaimRows } from "../home/sales-claims.tsx";
import type { PersonPage } from "../../models/people.server.ts";
import { describeCoverage } from "../../domain/coverage.ts";
import { formatCents, formatCount, formatDate, formatPercent } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

type Page = PersonPage;

export function PersonFigures({ figures, period }: Pick<Page, "figures" | "period">) {
  if (!period || !figures) return <p className="muted">No figures yet: there is no open period.</p>;
  const items: Array<[string, string]> = [
    ["Claims logged", formatCount(figures.claims)],
    ["Claim accuracy (weighted)", formatPercent(figures.accuracy)],
    ["Claims that overstate the matrix", formatPercent(figures.overstatedShare)],
    // PRODUCT.md §7: any source counts, so a salesperson who logs little can still be covered.
    [
      "Coverage: won deals with a claim of any source",
      figures.wonDeals === 0
        ? "No won deals in the period"
        : `${formatPercent(figures.coverage)} — ${describeCoverage({ won: figures.wonDeals, covered: figures.coveredDeals })}`,
    ],
    ["Best quiz score", formatPercent(figures.quizBest)],
    ["Quizzes passed", figures.quizzesTaken ? `${figures.quizzesPassed} of ${figures.quizzesTaken}` : "—"],
    [
      "Six-month CSAT",
      figures.meanCsat === null ? "—" : `${figures.meanCsat.toFixed(1)} / 5 (${figures.surveysAnswered} answered)`,
    ],
    ["Delivered as promised", formatPercent(figures.deliveredRate)],
    [
      period.status === "OPEN" ? "Projected multiplier" : "Multiplier",
      figures.multiplier === null ? "Not computed yet" : `${figures.multiplier.toFixed(2)}×`,
    ],
  ];
  return (
    <section aria-labelledby="figures">
      <h2 id="figures">Figures for {period.name}</h2>
      <dl className="person-figures">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function PersonClaims({ personId, claims }: { personId: string; claims: Page["claims"] }) {
  return (
    <section aria-labelledby="claims">
      <h2 id="claims">Claims</h2>
      <p>
        <Link to={`/claims?salesperson=${encodeURIComponent(personId)}`}>
          All {formatCount(claims.total)} claims in the claims table
        </Link>
      </p>
      {claims.recent.length === 0 ? (
        <p className="muted">No claims logged.</p>
      ) : (
        <ClaimRows rows={claims.recent} saidLabel="Told the customer" caption="Most recent claims" />
      )}
    </section>
  );
}

export function PersonAttempts({ attempts }: { attempts: Page["attempts"] }) {
  return (
    <section aria-labelledby="attempts">
      <h2 id="attempts">Quiz attempts</h2>
      {attempts.rows.length === 0 ? (
        <p className="muted">No quiz attempts.</p>
      ) : (
        <TableScroll label="Quiz attempts">
          <table>
            <caption>
              {attempts.total > attempts.rows.length
                ? `The latest ${attempts.rows.length} of ${formatCount(attempts.total)} attempts`
                : "Every attempt"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Quiz</th>
                <th scope="col">Started</th>
                <th scope="col">Submitted</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {attempts.rows.map((attempt) => (
                <tr key={attempt.id}>
                  <th scope="row">
                    <Link to={`/quizzes/${attempt.quizId}/attempts/${attempt.id}`}>{attempt.quiz.title}</Link>
                  </th>
                  <td>{formatDate(attempt.startedAt)}</td>
                  <td>
                    {attempt.submittedAt ? (
                      formatDate(attempt.submittedAt)
                    ) : (
                      <span className="muted">Not submitted</span>
                    )}
                  </td>
                  <td className="num">{formatPercent(attempt.score)}</td>
                  <td>
                    {attempt.submittedAt
                      ? attempt.passed
                        ? "Passed"
                        : `Below the pass mark (${formatPercent(attempt.quiz.passMark)})`
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export function PersonStatements({ personId, statements }: { personId: string; statements: Page["statements"] }) {
  return (
    <section aria-labelledby="statements">
      <h2 id="statements">Compensation statements</h2>
      {statements.length === 0 ? (
        <p className="muted">No statement has been computed yet.</p>
      ) : (
        <TableScroll label="Statements by period">
          <table>
            <caption>Statements by period, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="num">
                  Multiplier
                </th>
                <th scope="col" className="num">
                  Payout
                </th>
                <th scope="col" className="num">
                  Adjustments
                </th>
                <th scope="col">Computed</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((statement) => (
                <tr key={statement.id}>
                  <th scope="row">
                    <Link to={`/comp/${encodeURIComponent(statement.period.name)}/${encodeURIComponent(personId)}`}>
                      {statement.period.name}
                    </Link>
                    {statement.period.status === "OPEN" ? (
                      <span className="small muted"> (open, projected)</span>
                    ) : null}
                  </th>
                  <td className="num">{statement.multiplier.toFixed(2)}×</td>
                  <td className="num">{formatCents(statement.totalPayoutCents)}</td>
                  <td className="num">{statement.adjustmentCents ? formatCents(statement.adjustmentCents) : "—"}</td>
                  <td>{formatDate(statement.computedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
