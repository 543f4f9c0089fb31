import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuizForm } from "../components/quizzes/quiz-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getQuizForEdit, listQuizProducts, saveQuiz } from "../models/quizzes.server.ts";
import { quizFormSchema } from "../schemas/quiz.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

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
  const submission = parseSubmission(await readForm(request), { schema: quizFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveQuiz(auditContextFrom(request, user.id), user.id, submission.value, params.quizId ?? "");
  if (!saved.ok) return answerRefusal(saved, submission);
  return redirectWithToast(`/quizzes/${saved.value.id}`, {
    kind: "success",
    message: "Quiz saved. Attempts already started keep the questions they drew.",
  });
}

export default function EditQuizPage() {
  const { quiz, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to={`/quizzes/${quiz.id}`}>← {quiz.title}</Link>
      </p>
      <h1>Edit {quiz.title}</h1>
      <QuizForm products={products} defaults={quiz} lastResult={actionData?.result} submitLabel="Save the quiz" />
    </>
  );
}
