import { Link } from "@remix-run/react";
import type { CompFigures } from "../../domain/comp-figures.ts";
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
import { formatCents, formatDate, formatDateTime, formatPercent, formatSignedCents } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

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
        <div className="tile" key={label}>
          <div className="tile-label">{label}</div>
          <div className="tile-value" data-figure={label}>
            {value}
          </div>
        </div>
      ))}
    </div>
  );
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
      <TableScroll label="Claims and their credit and weight">
        <table>
          <caption className="visually-hidden">Claims and their credit and weight</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Account</th>
              <th scope="col">Source</th>
              <th scope="col">What the customer was told</th>
              <th scope="col">Verdict</th>
              <th scope="col">Severity</th>
              <th scope="col" className="num">
                Credit
              </th>
              <th scope="col" className="num">
                Weight w
              </th>
              <th scope="col" className="num">
                w·credit
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.claims.length === 0 ? (
              <tr>
                <td colSpan={9} className="muted">
                  No claims were made in this period, so A is the prior mA.
                </td>
              </tr>
            ) : null}
            {figures.claims.map((line) => {
              const claim = claims[line.id];
              return (
                <tr key={line.id}>
                  <td className="nowrap">
                    <Link to={`/claims/${line.id}`}>{claim ? formatDate(claim.madeAt) : line.id}</Link>
                  </td>
                  <td>{claim?.accountName ?? "—"}</td>
                  <td>{claim ? claimSourceLabel(claim.source) : "—"}</td>
                  <td>
                    {claim ? <span className="claims-statement">{claim.statement}</span> : null}
                    {line.note ? <div className="small muted">{line.note}</div> : null}
                  </td>
                  <td>
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
                  </td>
                  <td>{line.severity ? severityLabel(line.severity) : "—"}</td>
                  <td className="num">{line.counted ? plain(line.credit) : "left out"}</td>
                  <td className="num">{line.counted ? plain(line.weight) : "—"}</td>
                  <td className="num">
                    {line.counted && line.weight !== null && line.credit !== null
                      ? plain(line.weight * line.credit)
                      : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={7}>
                Totals over counted claims
              </th>
              <td className="num">Σ w = {plain(figures.sumWeight)}</td>
              <td className="num">Σ w·credit = {plain(figures.sumWeightedCredit)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
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
        <TableScroll key={quiz.quizId} label={quiz.title}>
          <table>
            <caption>
              {quiz.title}: window {formatDate(quiz.windowStart)} to {formatDate(quiz.windowEnd)} (
              {quiz.certificationDays} days), pass mark {formatPlainPercent(quiz.passMark)} — best{" "}
              {formatPlainPercent(quiz.bestScore)}, {quiz.passed ? "passed" : "not passed"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Submitted</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">In the window</th>
                <th scope="col">Used</th>
              </tr>
            </thead>
            <tbody>
              {quiz.attempts.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    No attempt submitted in the window, so this quiz counts 0.
                  </td>
                </tr>
              ) : null}
              {quiz.attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{formatDateTime(attempt.submittedAt)}</td>
                  <td className="num">{formatPlainPercent(attempt.score)}</td>
                  <td>Yes</td>
                  <td>{attempt.id === quiz.bestAttemptId ? "Best score" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}

function SurveyLines({ figures, surveys }: Pick<StatementViewProps, "figures" | "surveys">) {
  return (
    <section aria-labelledby="surveys-title">
      <h2 id="surveys-title">3. Six-month surveys due in the period ({figures.surveyCount} counted)</h2>
      <p className="muted small">
        s = mean((CSAT − 1) / 4, delivered) with delivered {ruleInWords(DELIVERED_CREDIT, deliveredLabel)}; an
        unanswered item is left out. S = (Σ s + kS·mS) / (n + kS).
      </p>
      <TableScroll label="Surveys and their scores">
        <table>
          <caption className="visually-hidden">Surveys and their scores</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Due</th>
              <th scope="col" className="num">
                CSAT
              </th>
              <th scope="col" className="num">
                (CSAT − 1) / 4
              </th>
              <th scope="col">Delivered as promised</th>
              <th scope="col" className="num">
                Delivered credit
              </th>
              <th scope="col" className="num">
                s
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.surveys.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  No answered survey was due in this period, so S is the prior mS.
                </td>
              </tr>
            ) : null}
            {figures.surveys.map((line) => {
              const survey = surveys[line.id];
              return (
                <tr key={line.id}>
                  <td>
                    {survey?.account ?? "—"}
                    {line.note ? <div className="small muted">{line.note}</div> : null}
                  </td>
                  <td className="nowrap">{survey ? formatDate(survey.dueAt) : "—"}</td>
                  <td className="num">{line.csat ?? "—"}</td>
                  <td className="num">{plain(line.csatItem)}</td>
                  <td>{line.delivered ? deliveredLabel(line.delivered) : "—"}</td>
                  <td className="num">{plain(line.deliveredItem)}</td>
                  <td className="num">{line.counted ? plain(line.s) : "left out"}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                Σ s over n = {figures.surveyCount} counted surveys
              </th>
              <td className="num">{plain(figures.sumSatisfaction)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}

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
          <TableScroll label="Adjustments paid in this period">
            <table>
              <caption className="visually-hidden">Adjustments paid in this period</caption>
              <thead>
                <tr>
                  <th scope="col">For period</th>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {adjustments.map((adjustment) => (
                  <tr key={adjustment.id}>
                    <th scope="row">{adjustment.sourcePeriod}</th>
                    <td>{adjustment.reason}</td>
                    <td className="num">{formatSignedCents(adjustment.deltaCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
