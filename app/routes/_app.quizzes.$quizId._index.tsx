import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, formatPercent } from "../components/ui/format.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { ATTEMPT_WINDOW_DAYS } from "../domain/quiz-rules.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { startAttempt } from "../models/quiz-attempts.server.ts";
import { getQuizPage } from "../models/quizzes.server.ts";
import { SimpleTable } from "../components/ui/simple-table.tsx";
import { SubmitButton } from "../components/ui/submit-button.tsx";
import { formRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.quiz.title : "Quiz"} · Candor` },
];

const NOT_FOUND = "We could not find that quiz.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "take:quiz", "Your role does not take quizzes.");
  const page = await getQuizPage(user, params.quizId ?? "");
  if (!page) notFound(NOT_FOUND);
  return {
    ...page,
    canEdit: userHasPermission(user, "write:quiz"),
    canSeeStats: userHasPermission(user, "read:quiz-stats"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "take:quiz", "Your role does not take quizzes.");
  const quizId = params.quizId ?? "";
  const started = await startAttempt(auditContextFrom(request, user.id), user, quizId);
  if (!started.ok) {
    const { status, formErrors } = formRefusal(started);
    return data({ message: formErrors.join(" ") }, { status });
  }
  return redirect(`/quizzes/${quizId}/attempts/${started.value.attemptId}`);
}

export default function QuizPage() {
  const {
    quiz,
    attempts,
    open,
    bankSize,
    practice,
    attemptsUsed,
    attemptsLeft,
    nextAttemptAt,
    certifiedUntil,
    canEdit,
    canSeeStats,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const outOfAttempts = attemptsLeft === 0;
  return (
    <>
      <p className="small">
        <Link to="/quizzes">← All quizzes</Link>
        {canSeeStats ? (
          <>
            {" · "}
            <Link to={`/quizzes/${quiz.id}/stats`}>Statistics</Link>
          </>
        ) : null}
        {canEdit ? (
          <>
            {" · "}
            <Link to={`/quizzes/${quiz.id}/edit`}>Edit</Link>
          </>
        ) : null}
      </p>
      <h1>
        {quiz.title} {quiz.published ? null : <span className="badge">Draft</span>}
      </h1>
      <section className="panel" aria-labelledby="rules">
        <h2 id="rules">Rules</h2>
        <ul>
          <li>
            {quiz.questionCount} questions about {quiz.product?.name ?? "every product"}
            {quiz.includeMatrixQuestions ? ", some drawn from the capability matrix as it stands when you start" : ""}.
          </li>
          <li>
            {quiz.timeLimitMinutes} minutes from the moment you start; a timer shows the time left. Answers are saved as
            you give them.
          </li>
          <li>
            Pass mark {formatPercent(quiz.passMark)}. Multiple-choice questions earn partial credit; a wrong tick costs
            as much as a right one earns.
          </li>
          <li>
            Passing certifies you for {quiz.certificationDays} days.
            {quiz.requiredForComp ? " This quiz is required for compensation." : ""}
          </li>
          <li>
            {practice
              ? "Your attempts are practice: unlimited, graded, but no certification and not counted in statistics."
              : `${quiz.maxAttempts} attempts per ${ATTEMPT_WINDOW_DAYS} days: you have used ${attemptsUsed} and have ${attemptsLeft ?? 0} left.`}
          </li>
        </ul>
        {certifiedUntil ? <p>Your certification runs until {formatDate(certifiedUntil)}.</p> : null}
        {actionData ? (
          <p className="form-error" role="alert">
            {actionData.message}
          </p>
        ) : null}
        {open ? (
          <p>
            <Link to={`/quizzes/${quiz.id}/attempts/${open.id}`} className="button">
              Continue your attempt
            </Link>
          </p>
        ) : outOfAttempts ? (
          <p className="muted">
            You have used all your attempts for now
            {nextAttemptAt ? `; you can try again from ${formatDate(nextAttemptAt)}` : ""}.
          </p>
        ) : bankSize === 0 && !quiz.includeMatrixQuestions ? (
          <p className="muted">This quiz has no questions to ask yet.</p>
        ) : (
          <Form method="post">
            <SubmitButton disabled={!quiz.published}>Start the quiz</SubmitButton>
          </Form>
        )}
      </section>
      <section aria-labelledby="attempts">
        <h2 id="attempts">Your attempts</h2>
        {attempts.length === 0 ? (
          <p className="muted">You have not taken this quiz yet.</p>
        ) : (
          <SimpleTable
            label="Your attempts"
            className="data-table"
            columns={[
              {
                header: "Started",
                cell: (attempt: (typeof attempts)[number]) => (
                  <Link to={`/quizzes/${quiz.id}/attempts/${attempt.id}`}>{formatDateTime(attempt.startedAt)}</Link>
                ),
              },
              { header: "Score", cell: (attempt) => (attempt.score === null ? "—" : formatPercent(attempt.score)) },
              {
                header: "Result",
                cell: (attempt) =>
                  attempt.submittedAt === null ? (
                    <span className="badge info">In progress</span>
                  ) : (
                    <span className={`badge ${attempt.passed ? "good" : "bad"}`}>
                      {attempt.passed ? "Passed" : "Not passed"}
                    </span>
                  ),
              },
            ]}
            rows={attempts}
            rowKey={(attempt) => attempt.id}
          />
        )}
      </section>
    </>
  );
}
