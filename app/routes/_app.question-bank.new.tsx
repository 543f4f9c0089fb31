import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm } from "../components/quizzes/question-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { saveQuestion } from "../models/questions.server.ts";
import { listProductsWithCapabilities } from "../models/products.server.ts";
import { questionFormSchema } from "../schemas/quiz.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "New question · Candor" }];

const WHO = "Only engineers and admins write quiz questions.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  return { products: await listProductsWithCapabilities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  const submission = parseSubmission(await readForm(request), { schema: questionFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveQuestion(auditContextFrom(request, user.id), user.id, submission.value);
  if (!saved.ok) return answerRefusal(saved, submission);
  return redirectWithToast(`/question-bank/${saved.value.id}`, {
    kind: "success",
    message: "Question added to the bank; it is active and can be drawn.",
  });
}

export default function NewQuestionPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to="/question-bank">← Question bank</Link>
      </p>
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
