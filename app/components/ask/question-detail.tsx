import { Link } from "@remix-run/react";
import { isReviewOverdue } from "../../domain/capability-changes.ts";
import { questionAge } from "../../domain/engineer-questions.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { formatDate, formatDateTime } from "../ui/format.ts";

export interface QuestionDetail {
  id: string;
  question: string;
  context: string;
  status: "OPEN" | "ANSWERED";
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  product: { name: string; slug: string };
  askedBy: { name: string; team: { name: string } | null };
  answeredBy: { name: string } | null;
  capability: {
    key: string;
    title: string;
    status: CapabilityLevel;
    conditions: string;
    verifiedAt: Date | null;
    reviewDueAt: Date | null;
    verifiedBy: { name: string } | null;
  } | null;
  revision: {
    status: CapabilityLevel;
    conditions: string;
    note: string;
    validFrom: Date;
    author: { name: string };
  } | null;
}

export function QuestionFacts({ question, now }: { question: QuestionDetail; now: Date }) {
  return (
    <section className="panel" aria-labelledby="question-title">
      <h2 id="question-title">The question</h2>
      <p className="ask-text">{question.question}</p>
      {question.context ? (
        <>
          <h3>Context</h3>
          <p className="ask-text">{question.context}</p>
        </>
      ) : null}
      <dl className="facts">
        <dt>Asked by</dt>
        <dd>
          {question.askedBy.name}
          {question.askedBy.team ? <span className="muted"> ({question.askedBy.team.name})</span> : null}
        </dd>
        <dt>Asked</dt>
        <dd>
          <time dateTime={new Date(question.askedAt).toISOString()}>{formatDateTime(question.askedAt)}</time>
          {question.status === "OPEN" ? (
            <span className="muted"> · waiting {questionAge(new Date(question.askedAt), now)}</span>
          ) : null}
        </dd>
        <dt>Product</dt>
        <dd>
          <Link to={`/capabilities/${question.product.slug}`}>{question.product.name}</Link>
        </dd>
        <dt>Status</dt>
        <dd>
          {question.status === "OPEN" ? (
            <span className="badge warn">Open</span>
          ) : (
            <span className="badge good">Answered</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** The matrix row the question is about, as it stands now. */
export function CapabilityNow({ question, now }: { question: QuestionDetail; now: Date }) {
  const capability = question.capability;
  if (!capability) {
    return (
      <section className="panel" aria-labelledby="capability-title">
        <h2 id="capability-title">Capability</h2>
        <p className="muted">
          This is a general question about {question.product.name}; it names no row of the capability matrix.
        </p>
      </section>
    );
  }
  const stale = isReviewOverdue(capability.reviewDueAt ? new Date(capability.reviewDueAt) : null, now);
  return (
    <section className="panel" aria-labelledby="capability-title">
      <h2 id="capability-title">
        {capability.title} <span className="muted small">as the matrix says now</span>
      </h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <LevelBadge level={capability.status} />
        </dd>
        <dt>Conditions</dt>
        <dd className="ask-text">
          {capability.conditions.trim() || <span className="muted">No conditions or limitations recorded.</span>}
        </dd>
        <dt>Last verified</dt>
        <dd>
          {capability.verifiedAt
            ? `${formatDate(capability.verifiedAt)}${capability.verifiedBy ? ` by ${capability.verifiedBy.name}` : ""}`
            : "Never"}
        </dd>
        <dt>Review due</dt>
        <dd>
          <span>{formatDate(capability.reviewDueAt)}</span>
          {stale ? (
            <>
              {" "}
              <span className="badge warn">Overdue for review</span>
            </>
          ) : null}
        </dd>
      </dl>
      <p className="small">
        <Link to={`/capabilities/${question.product.slug}/${capability.key}`}>The capability's page and history</Link>
      </p>
    </section>
  );
}

export function TheAnswer({ question }: { question: QuestionDetail }) {
  const revision = question.revision;
  return (
    <section className="panel" aria-labelledby="answer-title">
      <h2 id="answer-title">The answer</h2>
      <p className="ask-text">{question.answer}</p>
      <p className="muted small">
        {question.answeredBy?.name ?? "An engineer"},{" "}
        <time dateTime={question.answeredAt ? new Date(question.answeredAt).toISOString() : undefined}>
          {formatDateTime(question.answeredAt)}
        </time>
      </p>
      {revision ? (
        <div className="ask-revision">
          <h3>This answer updated the capability matrix</h3>
          <p>
            From <span>{formatDate(revision.validFrom)}</span>: <LevelBadge level={revision.status} />{" "}
            {revision.conditions.trim() ? (
              <span className="ask-text">{revision.conditions}</span>
            ) : (
              <span className="muted">no conditions or limitations</span>
            )}
          </p>
          {revision.note.trim() ? <p className="small">Why: {revision.note}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
