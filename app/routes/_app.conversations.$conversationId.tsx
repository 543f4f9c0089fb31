import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCard, type DecideErrors } from "../components/conversations/candidate-card.tsx";
import { ConversationFacts } from "../components/conversations/conversation-facts.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithAudience, requireUserWithPermission } from "../services/session.server.ts";
import { parseSubmission } from "../lib/submission.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { confirmCandidate, dismissCandidate, getConversationForReader } from "../models/candidate-claims.server.ts";
import { confirmCandidateSchema, dismissCandidateSchema } from "../schemas/conversation.ts";
import { formRefusal } from "../lib/outcome.server.ts";
import type { Refusal } from "../domain/outcome.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Conversation with ${data.conversation.deal.account.name}` : "Not found"} · Candor` },
];

const NO_CONVERSATION = "We could not find that conversation.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUserWithAudience(request, "read:conversation");
  const page = await getConversationForReader(params.conversationId ?? "", user);
  if (!page) notFound(NO_CONVERSATION);
  return page;
}

function refused(outcome: Refusal, candidateId: string, intent: string) {
  const { status, formErrors } = formRefusal(outcome);
  return data({ intent, errors: { candidateId, formErrors } satisfies DecideErrors }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "decide:candidate",
    "Engineers do not confirm or dismiss candidate claims; the salesperson or their manager does.",
  );
  const page = await getConversationForReader(params.conversationId ?? "", user);
  if (!page) notFound(NO_CONVERSATION);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const candidateId = String(formData.get("candidateId") ?? "");
  const audit = auditContextFrom(request, user.id);
  const here = `/conversations/${page.conversation.id}`;
  // A candidate of another conversation is not found here, whoever may read it elsewhere.
  const onThisPage = page.candidates.some((candidate) => candidate.id === candidateId);

  if (intent === "confirm") {
    const submission = parseSubmission(formData, { schema: confirmCandidateSchema });
    if (submission.status !== "success")
      return data(
        { intent, errors: { candidateId, formErrors: ["Reload the page and try again."] } satisfies DecideErrors },
        { status: 400 },
      );
    if (!onThisPage) notFound("We could not find that candidate claim.");
    const outcome = await confirmCandidate(audit, user, submission.value.candidateId);
    if (!outcome.ok) return refused(outcome, candidateId, intent);
    return redirectWithToast(here, {
      kind: "success",
      message: "Confirmed: the claim is logged and waits for an engineer's verdict.",
    });
  }
  if (intent === "dismiss") {
    const submission = parseSubmission(formData, { schema: dismissCandidateSchema });
    if (submission.status !== "success") {
      const reply = submission.reply();
      return data(
        {
          intent,
          errors: {
            candidateId,
            formErrors: reply.error?.[""] ?? [],
            fieldErrors: reply.error ?? {},
          } satisfies DecideErrors,
        },
        { status: 400 },
      );
    }
    if (!onThisPage) notFound("We could not find that candidate claim.");
    const outcome = await dismissCandidate(audit, user, submission.value.candidateId, {
      reason: submission.value.reason,
      note: submission.value.note ?? null,
    });
    if (!outcome.ok) return refused(outcome, candidateId, intent);
    return redirectWithToast(here, {
      kind: "success",
      message: "Dismissed. The candidate stays on this page with your reason.",
    });
  }
  throw data({ message: "That form is not known here." }, { status: 400 });
}

export default function ConversationPage() {
  const { conversation, candidates, mayDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = candidates.filter((candidate) => candidate.status === "PENDING").length;
  return (
    <>
      <p className="small">
        <Link to="/conversations">← Conversations</Link>
      </p>
      <h1>Conversation with {conversation.deal.account.name}</h1>
      <ConversationFacts conversation={conversation} />
      <section aria-labelledby="candidates-title">
        <h2 id="candidates-title">Candidate claims ({candidates.length})</h2>
        {candidates.length === 0 ? (
          <p className="muted">
            None of {conversation.salespersonSpeaker}'s sentences named a capability of the deal's product. Engineers
            can add the words customers use as phrases on each capability page.
          </p>
        ) : (
          <p className="muted">
            {pending === 0 ? "Every candidate has been decided." : `${pending} waiting for a decision.`} Sentences that
            say more than the matrix come first.
            {mayDecide
              ? " Confirm the ones that were claims made to the customer; dismiss the rest with a reason."
              : ""}
          </p>
        )}
        {candidates.map((candidate) => (
          <CandidateCard
            key={candidate.id}
            candidate={candidate}
            mayDecide={mayDecide}
            errors={actionData?.errors ?? null}
          />
        ))}
      </section>
    </>
  );
}
