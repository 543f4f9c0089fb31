import { useForm, type SubmissionResult } from "@conform-to/react";
import { disputeStatusLabel } from "../../domain/labels.ts";
import { severityLabel } from "../../domain/levels.ts";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { disputeSchema, resolveDisputeSchema } from "../../schemas/claims.ts";
import { ClaimStatusBadge } from "../ui/badges.tsx";
import { SelectField, TextareaField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { VerdictFields } from "./verdict-fields.tsx";
import { When } from "../ui/when.tsx";

type Results = { dispute?: SubmissionResult<string[]>; resolve?: SubmissionResult<string[]> };

const OUTCOME_OPTIONS = [
  { value: "UPHELD", label: "Uphold: the verdict stands" },
  { value: "OVERTURNED", label: "Overturn: replace the verdict" },
];

/** The dispute and its history; the dispute form for the salesperson, the resolve form for their manager. */
export function DisputePanel({
  claim,
  canDispute,
  canResolve,
  results,
}: {
  claim: ClaimOnPage;
  canDispute: boolean;
  canResolve: boolean;
  results: Results;
}) {
  const { dispute } = claim;
  if (!dispute && !canDispute) return null;
  // Disputes resolved before the dispute row kept the new verdict read it from the claim.
  const overturnedTo =
    dispute?.overturnedStatus != null
      ? { status: dispute.overturnedStatus, severity: dispute.overturnedSeverity }
      : { status: claim.status, severity: claim.severity };
  return (
    <section className="panel" aria-labelledby="claim-dispute">
      <h2 id="claim-dispute">Dispute</h2>
      {dispute ? (
        <ol className="dispute-history">
          <li>
            <strong>Disputed</strong> by {dispute.raisedBy.name} on <When at={dispute.raisedAt} withTime />; the verdict
            then was <ClaimStatusBadge status={dispute.disputedStatus} />
            {dispute.disputedSeverity ? ` (${severityLabel(dispute.disputedSeverity)})` : ""}.
            <blockquote className="claim-statement">{dispute.reason}</blockquote>
          </li>
          {dispute.status === "OPEN" ? (
            <li className="muted">Awaiting a decision by a manager of the salesperson&rsquo;s team.</li>
          ) : (
            <li>
              <strong>{disputeStatusLabel(dispute.status)}</strong> by {dispute.resolvedBy?.name ?? "—"}
              {dispute.resolvedAt ? (
                <>
                  {" on "}
                  <When at={dispute.resolvedAt} withTime />
                </>
              ) : null}
              {dispute.status === "OVERTURNED" ? (
                <>
                  : the verdict changed from <ClaimStatusBadge status={dispute.disputedStatus} /> to{" "}
                  <ClaimStatusBadge status={overturnedTo.status} />
                  {overturnedTo.severity ? ` (${severityLabel(overturnedTo.severity)})` : ""}.
                </>
              ) : (
                <>: the verdict stands.</>
              )}
              {dispute.resolutionNote ? (
                <blockquote className="claim-statement">{dispute.resolutionNote}</blockquote>
              ) : null}
            </li>
          )}
        </ol>
      ) : null}
      {canDispute ? <DisputeForm lastResult={results.dispute} /> : null}
      {canResolve && dispute ? (
        <ResolveForm disputedStatus={dispute.disputedStatus} lastResult={results.resolve} />
      ) : null}
    </section>
  );
}

function DisputeForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm(conformOptions("dispute", disputeSchema, lastResult));
  return (
    <ConformForm
      form={form}
      intent="dispute"
      intro={
        <p className="muted small">You can dispute a verdict once. A manager of your team decides whether it stands.</p>
      }
      submitLabel="Dispute this verdict"
      submitClassName="button secondary"
    >
      <TextareaField label="Why the verdict is wrong" meta={fields.reason} hint="At least 10 characters." />
    </ConformForm>
  );
}

/**
 * Uphold or overturn a dispute. The claim page has one; the dispute queue has one per open
 * dispute, so each gets its own form id (conform derives field ids from it) and names its claim.
 */
export function ResolveForm({
  disputedStatus,
  lastResult,
  formId = "resolve",
  claimId,
  title = "Resolve the dispute",
}: {
  disputedStatus: ClaimOnPage["status"];
  lastResult: SubmissionResult<string[]> | undefined;
  formId?: string;
  claimId?: string;
  title?: string;
}) {
  const [form, fields] = useForm(conformOptions(formId, resolveDisputeSchema(disputedStatus), lastResult));
  return (
    <ConformForm
      form={form}
      title={title}
      intent="resolve"
      hidden={claimId ? { claimId } : undefined}
      submitLabel="Resolve dispute"
    >
      <SelectField label="Decision" meta={fields.outcome} options={OUTCOME_OPTIONS} placeholder="Choose a decision" />
      <TextareaField label="Note to the salesperson" meta={fields.resolutionNote} />
      <fieldset className="stack">
        <legend>When overturning: the new verdict</legend>
        <VerdictFields
          fields={fields}
          labels={{ status: "New verdict", severity: "New severity", note: "New verdict note" }}
        />
      </fieldset>
    </ConformForm>
  );
}
