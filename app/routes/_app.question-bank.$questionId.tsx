import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionStateBadge } from "../components/quizzes/bank-table.tsx";
import { QuestionForm } from "../components/quizzes/question-form.tsx";
import { LevelBadge } from "../components/ui/badges.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { changeQuestionState, getBankQuestion, saveQuestion } from "../models/questions.server.ts";
import { listProductsWithCapabilities } from "../models/products.server.ts";
import { questionFormSchema } from "../schemas/quiz.ts";
import { formRefusal } from "../lib/outcome.server.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Question · Candor" }];

const WHO = "Only engineers and admins write quiz questions.";
const NOT_FOUND = "We could not find that question.";
const STATE_MESSAGES = {
  approve: "Question re-approved: it is active and can be drawn again.",
  retire: "Question retired: it is no longer drawn.",
  restore: "Question restored: it is active and can be drawn again.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  const [question, products] = await Promise.all([
    getBankQuestion(params.questionId ?? ""),
    listProductsWithCapabilities(),
  ]);
  if (!question) notFound(NOT_FOUND);
  return { question, products };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  const id = params.questionId ?? "";
  const audit = auditContextFrom(request, user.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "approve" || intent === "retire" || intent === "restore") {
    const changed = await changeQuestionState(audit, id, intent);
    if (!changed.ok) {
      const { status, formErrors } = formRefusal(changed);
      return data({ stateError: formErrors.join(" "), result: undefined }, { status });
    }
    return redirectWithToast(`/question-bank/${id}`, { kind: "success", message: STATE_MESSAGES[intent] });
  }
  const version = Number(form.get("version"));
  return answerForm(form, questionFormSchema, {
    change: (input) => saveQuestion(audit, user.id, input, { id, version: Number.isInteger(version) ? version : -1 }),
    done: () =>
      redirectWithSuccess(
        `/question-bank/${id}`,
        "Question saved. Attempts already taken keep the version they asked.",
      ),
    extra: { stateError: null },
  });
}

export default function QuestionPage() {
  const { question, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/question-bank" label="Question bank" />
      <h1>
        Question <QuestionStateBadge state={question.state} />
      </h1>
      {question.state === "NEEDS_REVIEW" && question.capability ? (
        <section className="panel" aria-labelledby="review">
          <h2 id="review">Needs review</h2>
          <p>
            “{question.capability.title}” changed since this question was approved. It now says{" "}
            <LevelBadge level={question.capability.status} />
            {question.capability.conditions ? `: ${question.capability.conditions}` : ""}. Check the question and its
            answer against it, edit if needed, then re-approve it.
          </p>
        </section>
      ) : null}
      {actionData?.stateError ? (
        <p className="form-error" role="alert">
          {actionData.stateError}
        </p>
      ) : null}
      <div className="inline-form">
        {question.state === "NEEDS_REVIEW" ? (
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="approve" className="button">
              Re-approve
            </button>
          </Form>
        ) : null}
        {question.state === "RETIRED" ? (
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="restore" className="button">
              Restore
            </button>
          </Form>
        ) : (
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="retire" className="button">
              Retire
            </button>
          </Form>
        )}
      </div>
      <h2>Edit</h2>
      <QuestionForm
        products={products}
        defaults={question}
        version={question.version}
        lastResult={actionData?.result}
        submitLabel="Save the question"
      />
    </>
  );
}
