import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { dismissReasonLabel } from "../../domain/candidate-rules.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import type { CandidateOnPage } from "../../models/candidate-claims.server.ts";
import { DISMISS_REASON_OPTIONS } from "../../schemas/conversation.ts";
import { MatrixCheckNotice } from "../claims/matrix-check-notice.tsx";
import { ErrorList } from "../ui/field.tsx";
import { LevelBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";

/** The level the words assert, with the cue words that set it ("don't" → not supported). */
export function AssertedLevel({ level, cues }: { level: CapabilityLevel; cues: readonly string[] }) {
  return (
    <span>
      <LevelBadge level={level} />{" "}
      <span className="small muted">
        {cues.length > 0
          ? `cue words: ${cues.map((cue) => `“${cue}”`).join(", ")}`
          : "no cue words: read as a plain statement"}
      </span>
    </span>
  );
}

/** The sentence in its place: the one before and after in grey, the salesperson's words marked. */
export function SentenceInContext({
  candidate,
}: {
  candidate: Pick<CandidateOnPage, "before" | "sentence" | "after">;
}) {
  const { before, sentence, after } = candidate;
  return (
    <blockquote className="small">
      {before ? (
        <p className="muted">
          <strong>{before.speaker}:</strong> {before.text}
        </p>
      ) : null}
      <p>
        <strong>{sentence.speaker}:</strong> <mark>{sentence.text}</mark>
      </p>
      {after ? (
        <p className="muted">
          <strong>{after.speaker}:</strong> {after.text}
        </p>
      ) : null}
    </blockquote>
  );
}

function CandidateState({ candidate }: { candidate: CandidateOnPage }) {
  if (candidate.status === "PENDING") return <span className="badge info">Waiting for a decision</span>;
  const by = candidate.decidedBy ? ` by ${candidate.decidedBy.name}` : "";
  if (candidate.status === "CONFIRMED") {
    return (
      <span>
        <span className="badge good">Confirmed</span>{" "}
        <span className="small">
          {by.trim()} <When at={candidate.decidedAt} />
          {candidate.claim ? (
            <>
              {" · "}
              <Link to={`/claims/${candidate.claim.id}`}>the claim</Link>
            </>
          ) : null}
        </span>
      </span>
    );
  }
  return (
    <span>
      <span className="badge">Dismissed</span>{" "}
      <span className="small">
        {candidate.dismissReason ? dismissReasonLabel(candidate.dismissReason) : ""}
        {candidate.dismissNote ? `: “${candidate.dismissNote}”` : ""} ({by.trim()} <When at={candidate.decidedAt} />)
      </span>
    </span>
  );
}

export interface DecideErrors {
  candidateId: string;
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | null | undefined>;
}

function DecideForms({ candidate, errors }: { candidate: CandidateOnPage; errors: DecideErrors | null }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("candidateId") === candidate.id;
  const [reason, setReason] = useState("");
  const mine = errors?.candidateId === candidate.id ? errors : null;
  const prefix = `candidate-${candidate.id}`;
  return (
    <div>
      <ErrorList errors={mine?.formErrors} />
      <Form method="post" className="inline-form">
        <input type="hidden" name="candidateId" value={candidate.id} />
        <button type="submit" name="intent" value="confirm" disabled={busy}>
          Confirm as a claim
        </button>
        <span className="small muted">
          It becomes a claim found in a conversation and goes to the engineers to verify.
        </span>
      </Form>
      <details>
        <summary>Dismiss…</summary>
        <Form method="post">
          <input type="hidden" name="candidateId" value={candidate.id} />
          <fieldset className="field">
            <legend>Why is this not a claim to keep?</legend>
            <div className="inline-form">
              {DISMISS_REASON_OPTIONS.map((option) => (
                <label key={option.value} className="checkbox">
                  <input
                    type="radio"
                    name="reason"
                    value={option.value}
                    required
                    checked={reason === option.value}
                    onChange={() => setReason(option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
            <ErrorList errors={mine?.fieldErrors?.reason} />
          </fieldset>
          <div className="field">
            <label htmlFor={`${prefix}-note`}>Note{reason === "OTHER" ? " (required)" : " (optional)"}</label>
            <textarea id={`${prefix}-note`} name="note" rows={2} maxLength={500} required={reason === "OTHER"} />
            <ErrorList errors={mine?.fieldErrors?.note} />
          </div>
          <button type="submit" name="intent" value="dismiss" className="button secondary" disabled={busy}>
            Dismiss
          </button>
        </Form>
      </details>
    </div>
  );
}

/** One candidate claim: the words in context, what matched, the level, the matrix check, and its state. */
export function CandidateCard({
  candidate,
  mayDecide,
  errors,
}: {
  candidate: CandidateOnPage;
  mayDecide: boolean;
  errors: DecideErrors | null;
}) {
  const { capability } = candidate;
  return (
    <article className="panel" aria-labelledby={`candidate-${candidate.id}-title`}>
      <h3 id={`candidate-${candidate.id}-title`}>
        <Link to={`/capabilities/${capability.product.slug}/${capability.key}`}>{capability.title}</Link>{" "}
        <span className="small muted">({capability.product.name})</span>
      </h3>
      <SentenceInContext candidate={candidate} />
      <dl className="facts">
        <dt>Matched phrase</dt>
        <dd>“{candidate.matchedPhrase}”</dd>
        <dt>What the words assert</dt>
        <dd>
          <AssertedLevel level={candidate.assertedLevel} cues={candidate.cues} />
        </dd>
        <dt>State</dt>
        <dd>
          <CandidateState candidate={candidate} />
        </dd>
      </dl>
      <MatrixCheckNotice
        result={candidate.matrixCheck}
        assertedLevel={candidate.assertedLevel}
        revision={candidate.revision}
      />
      {mayDecide && candidate.status === "PENDING" ? <DecideForms candidate={candidate} errors={errors} /> : null}
    </article>
  );
}
