import type { SubmissionResult } from "@conform-to/react";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { AuditTrail } from "../components/claims/audit-trail.tsx";
import { ClaimSummary } from "../components/claims/claim-summary.tsx";
import { ConflictAlert } from "../components/claims/conflict-alert.tsx";
import { DisputePanel } from "../components/claims/dispute-panel.tsx";
import { MapClaimPanel } from "../components/claims/map-claim-panel.tsx";
import { MatrixCheckPanel } from "../components/claims/matrix-check-panel.tsx";
import { NextClaimPanel, QueueLinks, type QueuePosition } from "../components/claims/queue-nav.tsx";
import { VerdictPanel } from "../components/claims/verdict-panel.tsx";
import {
  canDispute,
  canMarkCustomerCorrected,
  canResolveDispute,
  canVerify,
  type Actor,
} from "../domain/claim-rules.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { verdictAuthorOf } from "../domain/verdict-author.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUser, requireUserWithPermission, requireUserWithScope } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  markCustomerCorrected,
  raiseDispute,
  recordVerdict,
  resolveDispute,
  type ChangeResult,
} from "../models/claim-verdicts.server.ts";
import { claimIsReadableBy, getClaimForReader } from "../models/claims.server.ts";
import { listMappingProducts, mapCustomerClaim } from "../models/customer-claims.server.ts";
import { disputeSchema, emptySchema, NOT_IN_MATRIX, resolveDisputeSchema, verdictSchema } from "../schemas/claims.ts";
import { mapClaimSchema } from "../schemas/customer-claims.ts";
import { claimInQueueHref, queueFilterOf, verifyQueueSearch, type VerifyQueueFilter } from "../schemas/verify-queue.ts";
import { findNextInQueue } from "../models/verify-queue.server.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Claim · ${data.claim.accountName} · Candor` : "Claim · Candor" },
];

const NO_SUCH_CLAIM = "We could not find that claim.";

// After a 409 the claim has changed under the reader: show it as it now stands.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

/** Where an engineer who opened this claim from /verify goes next, with the queue's filter kept. */
async function queuePosition(filter: VerifyQueueFilter, claimId: string, viewerId: string): Promise<QueuePosition> {
  const { next, remaining } = await findNextInQueue(filter, claimId, viewerId);
  const search = verifyQueueSearch(filter);
  return {
    queueHref: search ? `/verify?${search}` : "/verify",
    next: next
      ? {
          href: claimInQueueHref(next.id, filter),
          accountName: next.accountName,
          salespersonName: next.salespersonName,
        }
      : null,
    remaining,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUserWithScope(request, "read:claim");
  const actor: Actor = { userId: user.id, role: user.role };
  const found = await getClaimForReader(params.claimId ?? "", user);
  if (!found) notFound(NO_SUCH_CLAIM);
  const { claim, auditTrail, managedTeamIds } = found;
  // A customer's report awaiting its verdict is mapped by an engineer first (PRODUCT.md §7).
  const canMap = claim.source === "CUSTOMER" && claim.status === "PENDING" && userHasPermission(user, "verify:claim");
  const queueFilter = userHasPermission(user, "verify:claim") ? queueFilterOf(new URL(request.url)) : null;
  return {
    queue: queueFilter ? await queuePosition(queueFilter, claim.id, user.id) : null,
    claim,
    auditTrail,
    verdictAuthor: claim.status === "PENDING" ? null : verdictAuthorOf(claim),
    mappingProducts: canMap ? await listMappingProducts() : null,
    verify: canVerify(actor, claim),
    isVerifier: userHasPermission(user, "verify:claim"),
    canDispute: canDispute(actor, {
      salespersonId: claim.salespersonId,
      status: claim.status,
      hasDispute: claim.dispute !== null,
    }).allowed,
    canResolve: canResolveDispute(actor, managedTeamIds, {
      salespersonTeamId: claim.salesperson.teamId,
      dispute: claim.dispute,
    }).allowed,
    canMarkCorrected: canMarkCustomerCorrected(actor, claim).allowed,
  };
}

type Intent = "verify" | "map" | "correct" | "dispute" | "resolve";
interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const claimId = params.claimId ?? "";
  // Signed in before the body is read; verdicts are refused to non-engineers before the claim is even looked up.
  const signedIn = await requireUser(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const user =
    intent === "verify"
      ? await requireUserWithPermission(request, "verify:claim", "Only engineers verify claims.")
      : intent === "map"
        ? await requireUserWithPermission(request, "verify:claim", "Only engineers map claims reported by customers.")
        : signedIn;
  const actor: Actor = { userId: user.id, role: user.role };
  if (!(await claimIsReadableBy(claimId, user))) notFound(NO_SUCH_CLAIM);
  const audit = auditContextFrom(request, user.id);
  // A claim opened from the queue stays "in the queue" after a verdict: the page then offers the next claim.
  const queueFilter = queueFilterOf(new URL(request.url));
  const here = queueFilter ? claimInQueueHref(claimId, queueFilter) : `/claims/${claimId}`;

  const respond = async (which: Intent, submission: Replyable, outcome: ChangeResult, done: string) => {
    if (outcome.ok) return redirectWithToast(here, { kind: "success", message: done });
    return answerRefusal(outcome, submission, { intent: which });
  };
  const invalid = (which: Intent, submission: Replyable) =>
    data({ intent: which, result: submission.reply(), conflict: null }, { status: 400 });

  if (intent === "verify") {
    const submission = parseSubmission(formData, { schema: verdictSchema });
    if (submission.status !== "success") return invalid(intent, submission);
    const { version, status, severity, note } = submission.value;
    const outcome = await recordVerdict(audit, actor, claimId, version, {
      status,
      severity: severity ?? null,
      note: note ?? "",
    });
    return respond(intent, submission, outcome, "Verdict recorded.");
  }
  if (intent === "map") {
    const submission = parseSubmission(formData, { schema: mapClaimSchema });
    if (submission.status !== "success") return invalid(intent, submission);
    const { version, productId, capabilityId, assertedLevel } = submission.value;
    const offMatrix = capabilityId === NOT_IN_MATRIX;
    const mapping = { capabilityId: offMatrix ? null : capabilityId, productId: productId || null, assertedLevel };
    return respond(
      intent,
      submission,
      await mapCustomerClaim(audit, actor, claimId, version, mapping),
      "Claim mapped: the matrix check is updated.",
    );
  }
  if (intent === "correct") {
    const submission = parseSubmission(formData, { schema: emptySchema });
    return respond(
      intent,
      submission,
      await markCustomerCorrected(audit, actor, claimId),
      "Recorded that the customer was corrected.",
    );
  }
  if (intent === "dispute") {
    const submission = parseSubmission(formData, { schema: disputeSchema });
    if (submission.status !== "success") return invalid(intent, submission);
    return respond(
      intent,
      submission,
      await raiseDispute(audit, actor, claimId, submission.value.reason),
      "Dispute sent to your manager.",
    );
  }
  if (intent === "resolve") {
    // The disputed status is checked again by the model; the schema only needs it for its message.
    const submission = parseSubmission(formData, { schema: resolveDisputeSchema("PENDING") });
    if (submission.status !== "success") return invalid(intent, submission);
    const { outcome: decision, resolutionNote, status, severity, note } = submission.value;
    const verdict =
      decision === "OVERTURNED" ? { status: status ?? null, severity: severity ?? null, note: note ?? "" } : null;
    const outcome = await resolveDispute(audit, actor, claimId, { outcome: decision, resolutionNote, verdict });
    return respond(
      intent,
      submission,
      outcome,
      decision === "UPHELD" ? "Dispute resolved: the verdict stands." : "Dispute resolved: the verdict was overturned.",
    );
  }
  throw data({ message: "That form is not known here." }, { status: 400 });
}

export default function ClaimPage() {
  const { claim, auditTrail, mappingProducts, verify, isVerifier, canDispute, canResolve, canMarkCorrected, queue } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultOf = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      {queue ? (
        <QueueLinks queue={queue} />
      ) : (
        <p className="small">
          <Link to={isVerifier ? "/verify" : "/"}>{isVerifier ? "← Verification queue" : "← Home"}</Link>
        </p>
      )}
      <h1>
        Claim to {claim.accountName} <span className="muted small">by {claim.salesperson.name}</span>
      </h1>
      {actionData?.conflict ? <ConflictAlert conflict={actionData.conflict} /> : null}
      <div className="grid-2">
        <ClaimSummary claim={claim} />
        <MatrixCheckPanel claim={claim} canMarkCorrected={canMarkCorrected} />
      </div>
      {mappingProducts ? <MapClaimPanel claim={claim} products={mappingProducts} lastResult={resultOf("map")} /> : null}
      <VerdictPanel claim={claim} verify={verify} canSeeVerifyForm={isVerifier} lastResult={resultOf("verify")} />
      {queue && claim.status !== "PENDING" ? <NextClaimPanel queue={queue} /> : null}
      <DisputePanel
        claim={claim}
        canDispute={canDispute}
        canResolve={canResolve}
        results={{ dispute: resultOf("dispute"), resolve: resultOf("resolve") }}
      />
      <AuditTrail events={auditTrail} />
    </>
  );
}
