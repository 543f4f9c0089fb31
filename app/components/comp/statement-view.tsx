import { Link } from "@remix-run/react";
import type { ClaimLine, CompFigures, QuizAttemptLine, SurveyLine } from "../../domain/comp-figures.ts";
import { formatPlainPercent, readableStatementLine } from "../../domain/comp-explanation.ts";
import {
  claimSourceLabel,
  claimStatusLabel,
  deliveredLabel,
  severityLabel,
  type ClaimSource,
} from "../../domain/levels.ts";
import { DELIVERED_CREDIT } from "../../domain/survey-schedule.ts";
import { SEVERITY_WEIGHT, VERDICT_CREDIT } from "../../domain/verdicts.ts";
import { ClaimStatusBadge } from "../ui/badges.tsx";
import { Tile } from "../ui/tile.tsx";
import { formatCents, formatDate, formatDateTime, formatPercent, formatSignedCents } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

// One statement, every number of it (PRODUCT.md §4): the lines that counted with their credit
// and weight, each intermediate figure, the gates, and the arithmetic in words — all read from
// the stored figures, so a locked statement shows exactly what was frozen.

export interface StatementViewProps {
  periodName: string;
  locked: boolean;
  person: { name: string; email: string; team: string | null };
  statement: {
    multiplier: number;
    periodPayoutCents: number;
    adjustmentCents: number;
    totalPayoutCents: number;
    targetBonusCents: number;
    computedAt: string | Date;
  };
  figures: CompFigures;
  adjustments: Array<{ id: string; deltaCents: number; reason: string; sourcePeriod: string }>;
  claims: Record<
    string,
    { accountName: string; statement: string; madeAt: string | Date; product: string; source: ClaimSource } | undefined
  >;
  surveys: Record<string, { account: string; dueAt: string | Date; respondedAt: string | Date | null } | undefined>;
}

const plain = (value: number | null) => (value === null ? "—" : String(Math.round(value * 1e6) / 1e6));
// Scores read as percentages (format.ts), to two decimals: the statement's four-decimal figures.
const score = (value: number) => formatPercent(value, 2);
/** "accurate 1, partially accurate 0.5, inaccurate 0": a rule's table in words, read from the rule itself. */
function ruleInWords<K extends string>(table: Readonly<Record<K, number>>, label: (key: K) => string): string {
  return (Object.entries(table) as Array<[K, number]>)
    .map(([key, value]) => `${label(key).toLowerCase()} ${plain(value)}`)
    .join(", ");
}

function FigureTiles({ figures }: { figures: CompFigures }) {
  const tiles: Array<[string, string]> = [
    ["Claim accuracy A", score(figures.accuracy)],
    ["Quiz Q", figures.quiz === null ? "dropped" : score(figures.quiz)],
    ["Satisfaction S", score(figures.satisfaction)],
    ["Composite C", score(figures.composite)],
    ["Multiplier M", figures.multiplier.toFixed(4)],
  ];
  return (
    <div className="tiles">
      {tiles.map(([label, value]) => (
        <Tile key={label} label={label} value={value} figure={label} />
      ))}
    </div>
  );
}

function claimColumns(claims: StatementViewProps["claims"]): SimpleColumns<ClaimLine> {
  return [
    {
      header: "Made",
      className: "nowrap",
      cell: (line) => {
        const claim = claims[line.id];
        return <Link to={`/claims/${line.id}`}>{claim ? formatDate(claim.madeAt) : line.id}</Link>;
      },
    },
    { header: "Account", cell: (line) => claims[line.id]?.accountName ?? "—" },
    {
      header: "Source",
      cell: (line) => {
        const claim = claims[line.id];
        return claim ? claimSourceLabel(claim.source) : "—";
      },
    },
    {
      header: "What the customer was told",
      cell: (line) => {
        const claim = claims[line.id];
        return (
          <>
            {claim ? <span className="claims-statement">{claim.statement}</span> : null}
            {line.note ? <div className="small muted">{line.note}</div> : null}
          </>
        );
      },
    },
    {
      header: "Verdict",
      cell: (line) => (
        <>
          <ClaimStatusBadge status={line.status} />
          {/* §4: counted as it stands; an overturn moves the figure at the next compute (or by adjustment once locked). */}
          {line.disputed === true ? (
            <>
              {" "}
              <span
                className="badge warn"
                title="Under an open dispute: the verdict counts as it stands until a manager resolves it."
              >
                Disputed
              </span>
            </>
          ) : null}
        </>
      ),
    },
    { header: "Severity", cell: (line) => (line.severity ? severityLabel(line.severity) : "—") },
    { header: "Credit", numeric: true, cell: (line) => (line.counted ? plain(line.credit) : "left out") },
    { header: "Weight w", numeric: true, cell: (line) => (line.counted ? plain(line.weight) : "—") },
    {
      header: "w·credit",
      numeric: true,
      cell: (line) =>
        line.counted && line.weight !== null && line.credit !== null ? plain(line.weight * line.credit) : "—",
    },
  ];
}

function ClaimLines({ figures, claims }: Pick<StatementViewProps, "figures" | "claims">) {
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">1. Claims made in the period ({figures.claims.length})</h2>
      <p className="muted small">
        Credit: {ruleInWords(VERDICT_CREDIT, claimStatusLabel)}. Weight by severity:{" "}
        {ruleInWords(SEVERITY_WEIGHT, severityLabel)}. Pending and unverifiable claims are left out. Claims from every
        source count once verified: logged by you, observed, reported by your customer, or found in a conversation. A =
        (Σ w·credit + kA·mA) / (Σ w + kA).
      </p>
      <SimpleTable
        label="Claims and their credit and weight"
        hiddenCaption
        columns={claimColumns(claims)}
        rows={figures.claims}
        rowKey={(line) => line.id}
        empty="No claims were made in this period, so A is the prior mA."
        foot={
          <tr>
            <th scope="row" colSpan={7}>
              Totals over counted claims
            </th>
            <td className="num">Σ w = {plain(figures.sumWeight)}</td>
            <td className="num">Σ w·credit = {plain(figures.sumWeightedCredit)}</td>
          </tr>
        }
      />
    </section>
  );
}

function attemptColumns(bestAttemptId: string | null): SimpleColumns<QuizAttemptLine> {
  return [
    { header: "Submitted", cell: (attempt) => formatDateTime(attempt.submittedAt) },
    { header: "Score", numeric: true, cell: (attempt) => formatPlainPercent(attempt.score) },
    { header: "In the window", cell: () => "Yes" },
    { header: "Used", cell: (attempt) => (attempt.id === bestAttemptId ? "Best score" : "—") },
  ];
}

function QuizLines({ figures }: Pick<StatementViewProps, "figures">) {
  return (
    <section aria-labelledby="quizzes-title">
      <h2 id="quizzes-title">2. Required quizzes</h2>
      {figures.quizDropped ? (
        <p role="note">
          The plan requires no quiz, so Q is dropped and the other weights are scaled to sum to 1: wA ={" "}
          {plain(figures.effectiveWeights.accuracy)}, wS = {plain(figures.effectiveWeights.satisfaction)}.
        </p>
      ) : (
        <p className="muted small">
          For each required quiz: the best score among attempts submitted in its certification window (the days before
          the period&apos;s end); none counts 0. Q is the mean of those best scores.
        </p>
      )}
      {figures.quizzes.map((quiz) => (
        <SimpleTable
          key={quiz.quizId}
          label={quiz.title}
          caption={
            <>
              {quiz.title}: window {formatDate(quiz.windowStart)} to {formatDate(quiz.windowEnd)} (
              {quiz.certificationDays} days), pass mark {formatPlainPercent(quiz.passMark)} — best{" "}
              {formatPlainPercent(quiz.bestScore)}, {quiz.passed ? "passed" : "not passed"}
            </>
          }
          columns={attemptColumns(quiz.bestAttemptId)}
          rows={quiz.attempts}
          rowKey={(attempt) => attempt.id}
          empty="No attempt submitted in the window, so this quiz counts 0."
        />
      ))}
    </section>
  );
}

function surveyColumns(surveys: StatementViewProps["surveys"]): SimpleColumns<SurveyLine> {
  return [
    {
      header: "Account",
      cell: (line) => (
        <>
          {surveys[line.id]?.account ?? "—"}
          {line.note ? <div className="small muted">{line.note}</div> : null}
        </>
      ),
    },
    {
      header: "Due",
      className: "nowrap",
      cell: (line) => {
        const survey = surveys[line.id];
        return survey ? formatDate(survey.dueAt) : "—";
      },
    },
    { header: "CSAT", numeric: true, cell: (line) => line.csat ?? "—" },
    { header: "(CSAT − 1) / 4", numeric: true, cell: (line) => plain(line.csatItem) },
    {
      header: "Delivered as promised",
      cell: (line) => (line.delivered ? deliveredLabel(line.delivered) : "—"),
    },
    { header: "Delivered credit", numeric: true, cell: (line) => plain(line.deliveredItem) },
    { header: "s", numeric: true, cell: (line) => (line.counted ? plain(line.s) : "left out") },
  ];
}

function SurveyLines({ figures, surveys }: Pick<StatementViewProps, "figures" | "surveys">) {
  return (
    <section aria-labelledby="surveys-title">
      <h2 id="surveys-title">3. Six-month surveys due in the period ({figures.surveyCount} counted)</h2>
      <p className="muted small">
        s = mean((CSAT − 1) / 4, delivered) with delivered {ruleInWords(DELIVERED_CREDIT, deliveredLabel)}; an
        unanswered item is left out. S = (Σ s + kS·mS) / (n + kS).
      </p>
      <SimpleTable
        label="Surveys and their scores"
        hiddenCaption
        columns={surveyColumns(surveys)}
        rows={figures.surveys}
        rowKey={(line) => line.id}
        empty="No answered survey was due in this period, so S is the prior mS."
        foot={
          <tr>
            <th scope="row" colSpan={6}>
              Σ s over n = {figures.surveyCount} counted surveys
            </th>
            <td className="num">{plain(figures.sumSatisfaction)}</td>
          </tr>
        }
      />
    </section>
  );
}

const ADJUSTMENT_COLUMNS: SimpleColumns<StatementViewProps["adjustments"][number]> = [
  { header: "For period", rowHeader: true, cell: (adjustment) => adjustment.sourcePeriod },
  { header: "Reason", cell: (adjustment) => adjustment.reason },
  { header: "Amount", numeric: true, cell: (adjustment) => formatSignedCents(adjustment.deltaCents) },
];

export function StatementView(props: StatementViewProps) {
  const { figures, statement, adjustments, locked, periodName, person } = props;
  return (
    <>
      <p className="muted">
        {person.email}
        {person.team ? ` · ${person.team}` : ""} · target bonus {formatCents(statement.targetBonusCents)} · computed{" "}
        {formatDateTime(statement.computedAt)}
      </p>
      {locked ? (
        <p role="note">
          {periodName} is locked: this statement is a frozen snapshot. Later changes to its claims, attempts or surveys
          are paid as adjustments in the next open period, never here.
        </p>
      ) : (
        <p role="note">{periodName} is open: this statement changes when the period is computed again.</p>
      )}
      <FigureTiles figures={figures} />

      <section aria-labelledby="payout-title" className="panel">
        <h2 id="payout-title">Payout</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">This period&apos;s payout: round(target × M)</th>
              <td className="num" data-figure="period-payout">
                {formatCents(statement.periodPayoutCents)}
              </td>
            </tr>
            <tr>
              <th scope="row">Prior-period adjustments</th>
              <td className="num" data-figure="adjustments">
                {formatSignedCents(statement.adjustmentCents)}
              </td>
            </tr>
            <tr>
              <th scope="row">Total paid for {periodName} (the payroll&apos;s payout_cents)</th>
              <td className="num" data-figure="payout">
                <strong>{formatCents(statement.totalPayoutCents)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="small muted">
          In cents: {statement.periodPayoutCents} + {statement.adjustmentCents} = {statement.totalPayoutCents}.
        </p>
      </section>

      <section aria-labelledby="arithmetic-title">
        <h2 id="arithmetic-title">The arithmetic</h2>
        <ol className="stack" data-testid="statement-arithmetic">
          {/* A statement frozen before scores and days were worded reads through today's formats. */}
          {figures.explanation.map((line) => (
            <li key={line}>{readableStatementLine(line)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="gates-title">
        <h2 id="gates-title">Gates</h2>
        {figures.gates.length === 0 ? (
          <p>
            No gate fired: M is the curve&apos;s value, {figures.curveMultiplier.toFixed(6)}, rounded to{" "}
            {figures.multiplier.toFixed(4)}.
          </p>
        ) : (
          <ul>
            {figures.gates.map((gate) => (
              <li key={gate.name}>
                {readableStatementLine(gate.reason)}{" "}
                {gate.lowered ? "It lowered M." : "M was already at or below the cap, so it did not change M."}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ClaimLines figures={figures} claims={props.claims} />
      <QuizLines figures={figures} />
      <SurveyLines figures={figures} surveys={props.surveys} />

      <section aria-labelledby="adjustments-title">
        <h2 id="adjustments-title">Prior-period adjustments</h2>
        {adjustments.length === 0 ? (
          <p className="muted">None: no locked period&apos;s payout has changed since it was locked.</p>
        ) : (
          <SimpleTable
            label="Adjustments paid in this period"
            hiddenCaption
            columns={ADJUSTMENT_COLUMNS}
            rows={adjustments}
            rowKey={(adjustment) => adjustment.id}
          />
        )}
      </section>
    </>
  );
}
