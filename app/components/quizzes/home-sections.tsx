import { Link } from "@remix-run/react";
import type { QuizDueReason } from "../../domain/quiz-rules.ts";
import { BankTable, type BankRow } from "./bank-table.tsx";
import { formatDate } from "../ui/format.ts";

// Home-page sections: the salesperson's quizzes due and certifications
// (model: getQuizzesDueFor in app/models/quizzes.server.ts) and the engineer's questions
// awaiting review (model: listQuestionsAwaitingReview in app/models/questions.server.ts).

export interface QuizDueRow {
  id: string;
  title: string;
  productName: string | null;
  requiredForComp: boolean;
  reason: QuizDueReason;
  certifiedUntil: Date | string | null;
  attemptsLeft: number;
  nextAttemptAt: Date | string | null;
  openAttemptId: string | null;
}

export interface CertificationRow {
  quizId: string;
  title: string;
  certifiedUntil: Date | string;
  expired: boolean;
}

function reasonText(row: QuizDueRow): string {
  switch (row.reason) {
    case "REQUIRED_NOT_PASSED":
      return row.certifiedUntil
        ? `Required for comp; your certification expired ${formatDate(row.certifiedUntil)}.`
        : "Required for comp; not passed yet.";
    case "CERTIFICATION_EXPIRING":
      return `Your certification expires ${formatDate(row.certifiedUntil)}: renew it now.`;
    case "NOT_ATTEMPTED":
      return "You have not taken this quiz yet.";
  }
}

/** What the person can do about it now: finish the open attempt, how many attempts are left, or when the quiz opens again. */
function availability(row: QuizDueRow): string {
  if (row.openAttemptId) return "You have an attempt in progress.";
  if (row.attemptsLeft > 0) return `${row.attemptsLeft} attempt${row.attemptsLeft === 1 ? "" : "s"} left.`;
  return row.nextAttemptAt
    ? `No attempts left: you can try again from ${formatDate(row.nextAttemptAt)}.`
    : "No attempts left for now.";
}

export function QuizzesDueSection({ rows }: { rows: QuizDueRow[] }) {
  return (
    <section aria-labelledby="quizzes-due">
      <h2 id="quizzes-due">Quizzes due ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing due: your certifications are current.</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              <Link to={row.openAttemptId ? `/quizzes/${row.id}/attempts/${row.openAttemptId}` : `/quizzes/${row.id}`}>
                {row.title}
              </Link>
              {row.productName ? <span className="muted"> · {row.productName}</span> : null} — {reasonText(row)}{" "}
              <span className={row.openAttemptId || row.attemptsLeft > 0 ? "" : "muted"}>{availability(row)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CertificationsSection({ rows }: { rows: CertificationRow[] }) {
  return (
    <section aria-labelledby="certifications">
      <h2 id="certifications">Certifications</h2>
      {rows.length === 0 ? (
        <p className="muted">
          You hold no certification yet. <Link to="/quizzes">See the quizzes</Link>.
        </p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.quizId}>
              <Link to={`/quizzes/${row.quizId}`}>{row.title}</Link> —{" "}
              {row.expired ? (
                <span className="badge warn">Expired {formatDate(row.certifiedUntil)}</span>
              ) : (
                <span className="badge good">Valid until {formatDate(row.certifiedUntil)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function QuestionsAwaitingReviewSection({ total, rows }: { total: number; rows: BankRow[] }) {
  return (
    <section aria-labelledby="questions-awaiting-review">
      <h2 id="questions-awaiting-review">Quiz questions awaiting review ({total})</h2>
      <p className="muted">
        Their capability's status or conditions changed, so they are not drawn until an engineer re-approves them.
      </p>
      {rows.length === 0 ? null : <BankTable rows={rows} />}
      {total > rows.length ? (
        <p>
          <Link to="/question-bank?state=NEEDS_REVIEW">All {total} questions awaiting review</Link>
        </p>
      ) : null}
    </section>
  );
}
