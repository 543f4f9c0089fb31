import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ResolveForm } from "../components/claims/dispute-panel.tsx";
import { ClaimStatusBadge } from "../components/ui/badges.tsx";
import { When } from "../components/ui/when.tsx";
import type { Actor } from "../domain/claim-rules.ts";
import { severityLabel, type ClaimStatus, type Severity } from "../domain/levels.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { parseSubmission } from "../lib/submission.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { resolveDispute } from "../models/claim-verdicts.server.ts";
import { listDisputesForResolver } from "../models/disputes.server.ts";
import { RECENTLY_RESOLVED_DAYS } from "../domain/claim-rules.ts";
import { resolveDisputeSchema } from "../schemas/claims.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Disputes · Candor" }];

const ONLY_RESOLVERS = "Only managers and admins resolve disputes.";

export async function loader({ request }: LoaderFunctionArgs) {
  const { audience } = await requireUserWithAudience(request, "resolve:dispute", ONLY_RESOLVERS);
  return listDisputesForResolver(audience, new Date());
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUserWithAudience(request, "resolve:dispute", ONLY_RESOLVERS);
  const formData = await readForm(request);
  const claimId = String(formData.get("claimId") ?? "");
  if (String(formData.get("intent") ?? "") !== "resolve")
    throw data({ message: "That form is not known here." }, { status: 400 });
  // The disputed status is checked again by the model; the schema only needs it for its message.
  const submission = parseSubmission(formData, { schema: resolveDisputeSchema("PENDING") });
  if (submission.status !== "success") return data({ claimId, result: submission.reply() }, { status: 400 });
  const { outcome: decision, resolutionNote, status, severity, note } = submission.value;
  const verdict =
    decision === "OVERTURNED" ? { status: status ?? null, severity: severity ?? null, note: note ?? "" } : null;
  // The same resolution as on the claim page: the model checks the resolver's teams and the dispute's state.
  const actor: Actor = { userId: user.id, role: user.role };
  const outcome = await resolveDispute(auditContextFrom(request, user.id), actor, claimId, {
    outcome: decision,
    resolutionNote,
    verdict,
  });
  if (outcome.ok) {
    return redirectWithToast("/disputes", {
      kind: "success",
      message:
        decision === "UPHELD"
          ? "Dispute resolved: the verdict stands."
          : "Dispute resolved: the verdict was overturned.",
    });
  }
  return answerRefusal(outcome, submission, { claimId });
}

function Verdict({ status, severity }: { status: ClaimStatus; severity: Severity | null }) {
  return (
    <>
      <ClaimStatusBadge status={status} />
      {severity ? ` (${severityLabel(severity)})` : ""}
    </>
  );
}

function ageText(days: number): string {
  if (days === 0) return "raised today";
  return days === 1 ? "waiting 1 day" : `waiting ${days} days`;
}

const RESOLVED_COLUMNS: SimpleColumns<Awaited<ReturnType<typeof listDisputesForResolver>>["resolved"][number]> = [
  { header: "Claim", cell: (dispute) => <Link to={`/claims/${dispute.claim.id}`}>{dispute.claim.accountName}</Link> },
  { header: "Salesperson", cell: (dispute) => dispute.claim.salesperson.name },
  {
    header: "Disputed verdict",
    cell: (dispute) => <Verdict status={dispute.disputedStatus} severity={dispute.disputedSeverity} />,
  },
  {
    header: "Outcome",
    cell: (dispute) =>
      dispute.status === "UPHELD" ? (
        "Upheld: the verdict stands"
      ) : (
        <>
          Overturned to{" "}
          <Verdict
            status={dispute.overturnedStatus ?? dispute.claim.status}
            severity={dispute.overturnedStatus ? dispute.overturnedSeverity : dispute.claim.severity}
          />
        </>
      ),
  },
  { header: "Resolved by", cell: (dispute) => dispute.resolvedBy?.name ?? "—" },
  { header: "Resolved", cell: (dispute) => <When at={dispute.resolvedAt} /> },
];

export default function DisputesPage() {
  const { open, resolved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Disputes</h1>
      <p className="muted">
        Verdicts your salespeople have disputed, oldest first. Each waits for you to uphold or overturn it.
      </p>

      <section aria-labelledby="open-disputes">
        <h2 id="open-disputes">Open ({open.length})</h2>
        {open.length === 0 ? (
          <p>No disputes are waiting for a decision.</p>
        ) : (
          <ol className="stack dispute-queue">
            {open.map((dispute) => (
              <li key={dispute.id} className="panel" aria-labelledby={`dispute-${dispute.id}`}>
                <h3 id={`dispute-${dispute.id}`}>
                  <Link to={`/claims/${dispute.claim.id}`}>Claim to {dispute.claim.accountName}</Link>{" "}
                  <span className="muted small">by {dispute.claim.salesperson.name}</span>
                </h3>
                <blockquote className="claim-statement">{dispute.claim.statement}</blockquote>
                <dl className="facts">
                  <dt>Verdict disputed</dt>
                  <dd>
                    <Verdict status={dispute.disputedStatus} severity={dispute.disputedSeverity} />
                    {dispute.claim.verifiedBy ? ` by ${dispute.claim.verifiedBy.name}` : ""}
                    {dispute.claim.verifiedAt ? (
                      <>
                        {" on "}
                        <When at={dispute.claim.verifiedAt} />
                      </>
                    ) : null}
                  </dd>
                  <dt>Disputed</dt>
                  <dd>
                    by {dispute.raisedBy.name} on <When at={dispute.raisedAt} /> ({ageText(dispute.ageDays)})
                  </dd>
                  <dt>Reason</dt>
                  <dd>
                    <blockquote className="claim-statement">{dispute.reason}</blockquote>
                  </dd>
                </dl>
                <ResolveForm
                  disputedStatus={dispute.disputedStatus}
                  formId={`resolve-${dispute.id}`}
                  claimId={dispute.claim.id}
                  title="Uphold or overturn"
                  lastResult={actionData?.claimId === dispute.claim.id ? actionData.result : undefined}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="resolved-disputes">
        <h2 id="resolved-disputes">Resolved in the last {RECENTLY_RESOLVED_DAYS} days</h2>
        {resolved.length === 0 ? (
          <p>No dispute was resolved in the last {RECENTLY_RESOLVED_DAYS} days.</p>
        ) : (
          <SimpleTable
            label={`Resolved in the last ${RECENTLY_RESOLVED_DAYS} days`}
            columns={RESOLVED_COLUMNS}
            rows={resolved}
            rowKey={(dispute) => dispute.id}
          />
        )}
      </section>
    </>
  );
}
