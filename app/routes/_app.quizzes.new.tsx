import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuizForm } from "../components/quizzes/quiz-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { listQuizProducts, saveQuiz } from "../models/quizzes.server.ts";
import { quizFormSchema } from "../schemas/quiz.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "New quiz · Candor" }];

const WHO = "Only engineers and admins write quizzes.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  return { products: await listQuizProducts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  const submission = parseSubmission(await readForm(request), { schema: quizFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveQuiz(auditContextFrom(request, user.id), user.id, submission.value);
  if (!saved.ok) return answerRefusal(saved, submission);
  return redirectWithToast(`/quizzes/${saved.value.id}`, { kind: "success", message: "Quiz created." });
}

export default function NewQuizPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to="/quizzes">← All quizzes</Link>
      </p>
      <h1>New quiz</h1>
      <QuizForm products={products} defaults={null} lastResult={actionData?.result} submitLabel="Create the quiz" />
    </>
  );
}
