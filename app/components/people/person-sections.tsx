import { Link } from "@remix-run/react";
import { ClaimRows } from "../home/sales-claims.tsx";
import type { PersonPage } from "../../models/people.server.ts";
import { describeCoverage } from "../../domain/coverage.ts";
import { formatCents, formatCount, formatDate, formatPercent } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

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

const ATTEMPT_COLUMNS: SimpleColumns<Page["attempts"]["rows"][number]> = [
  {
    header: "Quiz",
    rowHeader: true,
    cell: (attempt) => <Link to={`/quizzes/${attempt.quizId}/attempts/${attempt.id}`}>{attempt.quiz.title}</Link>,
  },
  { header: "Started", cell: (attempt) => formatDate(attempt.startedAt) },
  {
    header: "Submitted",
    cell: (attempt) =>
      attempt.submittedAt ? formatDate(attempt.submittedAt) : <span className="muted">Not submitted</span>,
  },
  { header: "Score", numeric: true, cell: (attempt) => formatPercent(attempt.score) },
  {
    header: "Result",
    cell: (attempt) =>
      attempt.submittedAt
        ? attempt.passed
          ? "Passed"
          : `Below the pass mark (${formatPercent(attempt.quiz.passMark)})`
        : "—",
  },
];

export function PersonAttempts({ attempts }: { attempts: Page["attempts"] }) {
  return (
    <section aria-labelledby="attempts">
      <h2 id="attempts">Quiz attempts</h2>
      {attempts.rows.length === 0 ? (
        <p className="muted">No quiz attempts.</p>
      ) : (
        <SimpleTable
          label="Quiz attempts"
          caption={
            attempts.total > attempts.rows.length
              ? `The latest ${attempts.rows.length} of ${formatCount(attempts.total)} attempts`
              : "Every attempt"
          }
          columns={ATTEMPT_COLUMNS}
          rows={attempts.rows}
          rowKey={(attempt) => attempt.id}
        />
      )}
    </section>
  );
}

function statementColumns(personId: string): SimpleColumns<Page["statements"][number]> {
  return [
    {
      header: "Period",
      rowHeader: true,
      cell: (statement) => (
        <>
          <Link to={`/comp/${encodeURIComponent(statement.period.name)}/${encodeURIComponent(personId)}`}>
            {statement.period.name}
          </Link>
          {statement.period.status === "OPEN" ? <span className="small muted"> (open, projected)</span> : null}
        </>
      ),
    },
    { header: "Multiplier", numeric: true, cell: (statement) => <>{statement.multiplier.toFixed(2)}×</> },
    { header: "Payout", numeric: true, cell: (statement) => formatCents(statement.totalPayoutCents) },
    {
      header: "Adjustments",
      numeric: true,
      cell: (statement) => (statement.adjustmentCents ? formatCents(statement.adjustmentCents) : "—"),
    },
    { header: "Computed", cell: (statement) => formatDate(statement.computedAt) },
  ];
}

export function PersonStatements({ personId, statements }: { personId: string; statements: Page["statements"] }) {
  return (
    <section aria-labelledby="statements">
      <h2 id="statements">Compensation statements</h2>
      {statements.length === 0 ? (
        <p className="muted">No statement has been computed yet.</p>
      ) : (
        <SimpleTable
          label="Statements by period"
          caption="Statements by period, newest first"
          columns={statementColumns(personId)}
          rows={statements}
          rowKey={(statement) => statement.id}
        />
      )}
    </section>
  );
}
