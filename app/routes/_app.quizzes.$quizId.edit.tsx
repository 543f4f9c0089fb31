import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuizForm } from "../components/quizzes/quiz-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getQuizForEdit, listQuizProducts, saveQuiz } from "../models/quizzes.server.ts";
import { quizFormSchema } from "../schemas/quiz.ts";
import { BackLink } from "../components/ui/back-link.tsx";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data ? data.quiz.title : "quiz"} · Candor` },
];

const WHO = "Only engineers and admins write quizzes.";
const NOT_FOUND = "We could not find that quiz.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "write:quiz", WHO);
  const [quiz, products] = await Promise.all([getQuizForEdit(params.quizId ?? ""), listQuizProducts()]);
  if (!quiz) notFound(NOT_FOUND);
  return { quiz, products };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:quiz", WHO);
  return answerForm(await readForm(request), quizFormSchema, {
    change: (input) => saveQuiz(auditContextFrom(request, user.id), user.id, input, params.quizId ?? ""),
    done: (quiz) =>
      redirectWithSuccess(`/quizzes/${quiz.id}`, "Quiz saved. Attempts already started keep the questions they drew."),
  });
}

export default function EditQuizPage() {
  const { quiz, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/quizzes/${quiz.id}`} label={quiz.title} />
      <h1>Edit {quiz.title}</h1>
      <QuizForm products={products} defaults={quiz} lastResult={actionData?.result} submitLabel="Save the quiz" />
    </>
  );
}
