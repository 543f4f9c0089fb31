import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AskForm } from "../components/ask/ask-form.tsx";
import { QuestionFilterForm, QuestionTable } from "../components/ask/question-list.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { parseListQuery } from "../domain/list-query.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithAudience, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { askQuestion, listQuestionBoard } from "../models/engineer-questions.server.ts";
import { listProductsWithCapabilities } from "../models/products.server.ts";
import { askQuestionSchema, questionFiltersSchema } from "../schemas/engineer-question.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Ask an engineer · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, audience } = await requireUserWithAudience(
    request,
    "read:question",
    "Your role has no access to questions for engineers.",
  );
  const filters = parseListQuery(questionFiltersSchema, new URL(request.url).searchParams).value;
  const [board, products] = await Promise.all([
    listQuestionBoard(audience, { productSlug: filters.product, status: filters.status, page: filters.page }),
    listProductsWithCapabilities(),
  ]);
  return {
    board,
    products,
    filters: { product: filters.product, status: filters.status },
    audience: audience.kind,
    canAsk: userHasPermission(user, "ask:question"),
    canAnswer: userHasPermission(user, "answer:question"),
    // Ages are worked out against the server's clock so the server and browser render the same text.
    now: new Date(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "ask:question",
    "Only salespeople ask engineers questions; engineers answer them.",
  );
  const submission = parseSubmission(await readForm(request), { schema: askQuestionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { productId, capabilityId, question, context } = submission.value;
  const outcome = await askQuestion(auditContextFrom(request, user.id), {
    askedById: user.id,
    productId,
    capabilityId: capabilityId ?? null,
    question,
    context: context ?? "",
  });
  if (!outcome.ok) return answerRefusal(outcome, submission);
  return redirectWithToast(`/ask/${outcome.value.id}`, {
    kind: "success",
    message: "Your question is with engineering. The answer will appear here and on your home page.",
  });
}

function intro(audience: "own" | "teams" | "all", canAnswer: boolean): string {
  if (canAnswer)
    return "Questions from sales, the oldest open one first. An answer can update the capability matrix in the same step.";
  if (audience === "teams") return "Questions your teams' salespeople asked engineering, and the answers. Read-only.";
  return "Your questions to engineering and their answers.";
}

export default function AskPage() {
  const { board, products, filters, audience, canAsk, canAnswer, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const showAsker = audience !== "own";
  return (
    <>
      <h1>Ask an engineer</h1>
      <p className="muted">{intro(audience, canAnswer)}</p>
      {canAsk ? <AskForm products={products} lastResult={actionData?.result} /> : null}
      <QuestionFilterForm filters={filters} products={products} />
      {board.open ? (
        <QuestionTable
          kind="open"
          title={audience === "own" ? "Waiting for an answer" : "Open questions, oldest first"}
          list={board.open}
          filters={filters}
          now={new Date(now)}
          showAsker={showAsker}
        />
      ) : null}
      {board.answered ? (
        <QuestionTable
          kind="answered"
          title="Answered"
          list={board.answered}
          filters={filters}
          now={new Date(now)}
          showAsker={showAsker}
        />
      ) : null}
    </>
  );
}
