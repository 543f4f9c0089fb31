import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { AnswerForm } from "../components/ask/answer-form.tsx";
import { CapabilityNow, QuestionFacts, TheAnswer } from "../components/ask/question-detail.tsx";
import { excerpt } from "../components/ask/question-list.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithAudience, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { answerQuestion, getQuestionFor } from "../models/engineer-questions.server.ts";
import { answerQuestionSchema } from "../schemas/engineer-question.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? excerpt(data.question.question, 60) : "Not found"} · Candor` },
];

const NOT_FOUND = "We could not find that question.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, audience } = await requireUserWithAudience(
    request,
    "read:question",
    "Your role has no access to questions for engineers.",
  );
  // Another salesperson's question, or one from a team the manager does not manage, is "not found":
  // its existence is not theirs to learn.
  const question = await getQuestionFor(audience, params.questionId ?? "");
  if (!question) notFound(NOT_FOUND);
  return { question, canAnswer: userHasPermission(user, "answer:question"), now: new Date() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "answer:question",
    "Only engineers answer questions from sales.",
  );
  const submission = parseSubmission(await readForm(request), { schema: answerQuestionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { answer, updateCapability, status, conditions, note, capabilityVersion } = submission.value;
  const outcome = await answerQuestion(auditContextFrom(request, user.id), {
    questionId: params.questionId ?? "",
    answeredById: user.id,
    answer,
    capabilityUpdate:
      updateCapability && status
        ? { status, conditions: conditions ?? "", note: note ?? "", expectedVersion: capabilityVersion ?? null }
        : null,
  });
  if (!outcome.ok) return answerRefusal(outcome, submission);
  const { id, changes } = outcome.value;
  const message = changes.length
    ? `Answer sent, and the capability updated in the same step (${changes.join(", ")}).`
    : "Answer sent.";
  return redirectWithToast(`/ask/${id}`, { kind: "success", message });
}

// After a 409 the page must show what won (the other answer, or the capability as changed meanwhile);
// Remix skips reloading data after an action error unless told otherwise.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export default function QuestionPage() {
  const { question, canAnswer, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = question.status === "ANSWERED" ? actionData?.result.error?.[""] : undefined;
  const capability = question.capability;
  return (
    <>
      <p className="small">
        <Link to="/ask">← All questions</Link>
      </p>
      <h1>
        Question about {capability ? capability.title : question.product.name}
        {capability ? <span className="muted small"> · {question.product.name}</span> : null}
      </h1>
      {refusal?.length ? (
        <p className="form-error" role="alert">
          {refusal.join(" ")}
        </p>
      ) : null}
      <div className="grid-2">
        <QuestionFacts question={question} now={new Date(now)} />
        <CapabilityNow question={question} now={new Date(now)} />
      </div>
      {question.status === "ANSWERED" ? (
        <TheAnswer question={question} />
      ) : canAnswer ? (
        <AnswerForm capability={capability} lastResult={actionData?.result} />
      ) : (
        <p className="panel muted">Waiting for an engineer's answer.</p>
      )}
    </>
  );
}
