import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuizForm } from "../components/quizzes/quiz-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { listQuizProducts, saveQuiz } from "../models/quizzes.server.ts";
import { quizFormSchema } from "../schemas/quiz.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "New quiz · Candor" }];

const WHO = "Only engineers and admins write quizzes.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  return { products: await listQuizProducts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  return answerForm(await readForm(request), quizFormSchema, {
    change: (input) => saveQuiz(auditContextFrom(request, user.id), user.id, input),
    done: (quiz) => redirectWithSuccess(`/quizzes/${quiz.id}`, "Quiz created."),
  });
}

export default function NewQuizPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/quizzes" label="All quizzes" />
      <h1>New quiz</h1>
      <QuizForm products={products} defaults={null} lastResult={actionData?.result} submitLabel="Create the quiz" />
    </>
  );
}
