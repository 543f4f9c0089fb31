import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm } from "../components/quizzes/question-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { saveQuestion } from "../models/questions.server.ts";
import { listProductsWithCapabilities } from "../models/products.server.ts";
import { questionFormSchema } from "../schemas/quiz.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "New question · Candor" }];

const WHO = "Only engineers and admins write quiz questions.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  return { products: await listProductsWithCapabilities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  return answerForm(await readForm(request), questionFormSchema, {
    change: (input) => saveQuestion(auditContextFrom(request, user.id), user.id, input),
    done: (question) =>
      redirectWithSuccess(
        `/question-bank/${question.id}`,
        "Question added to the bank; it is active and can be drawn.",
      ),
  });
}

export default function NewQuestionPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/question-bank" label="Question bank" />
      <h1>New question</h1>
      <QuestionForm
        products={products}
        defaults={null}
        version={null}
        lastResult={actionData?.result}
        submitLabel="Add the question"
      />
    </>
  );
}
