import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttemptForm, answerFieldName } from "../components/quizzes/attempt-form.tsx";
import { AttemptReview, AttemptSummary } from "../components/quizzes/attempt-result.tsx";
import { Countdown } from "../components/quizzes/countdown.tsx";
import { formatPercent } from "../components/ui/format.ts";
import { readForm } from "../lib/form-data.server.ts";
import { forbidden, notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getAttemptPage, saveAnswer, submitAttempt } from "../models/quiz-attempts.server.ts";
import { formRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.quiz.title : "Quiz attempt"} · Candor` },
];

const NOT_FOUND = "We could not find that attempt.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "take:quiz", "Your role does not take quizzes.");
  const ids = { quizId: params.quizId ?? "", attemptId: params.attemptId ?? "" };
  // An attempt that is not the viewer's (or their team's, for a manager) is "not found": its existence is not theirs to learn.
  const page = await getAttemptPage(auditContextFrom(request, user.id), user, ids);
  if (!page) notFound(NOT_FOUND);
  return page;
}

const indexList = (values: FormDataEntryValue[]) =>
  values.map((value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : -1));

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "take:quiz", "Your role does not take quizzes.");
  const ids = { quizId: params.quizId ?? "", attemptId: params.attemptId ?? "" };
  const audit = auditContextFrom(request, user.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "answer") {
    const position = Number(form.get("position"));
    if (!Number.isInteger(position) || position < 0)
      return data({ ok: false, message: "That answer names no question of this attempt." }, { status: 400 });
    const saved = await saveAnswer(audit, user, ids, position, indexList(form.getAll("choice")));
    if (saved.ok) return { ok: true, message: "Saved" };
    const { status, formErrors } = formRefusal(saved);
    return data({ ok: false, message: formErrors.join(" ") }, { status });
  }
  // "submit" grades only when every question has an answer; with blanks the answers are saved and
  // the page lists the unanswered questions (the review step). "submit-anyway" is the confirmation.
  if (intent === "submit" || intent === "submit-anyway") {
    const positions = String(form.get("positions") ?? "")
      .split(",")
      .filter((part) => /^\d+$/.test(part))
      .map(Number);
    const answers = new Map(positions.map((position) => [position, indexList(form.getAll(answerFieldName(position)))]));
    const submitted = await submitAttempt(audit, user, ids, answers, new Date(), {
      whenUnanswered: intent === "submit" ? "review" : "submit",
    });
    if (!submitted.ok) {
      const { status, formErrors } = formRefusal(submitted);
      return data({ ok: false, message: formErrors.join(" ") }, { status });
    }
    if (!submitted.value.submitted) return { ok: false, message: null, unanswered: submitted.value.unanswered };
    const { score, passed } = submitted.value;
    const message = `Submitted: ${formatPercent(score)}, ${passed ? "passed" : "not passed"}.`;
    return redirectWithToast(`/quizzes/${ids.quizId}/attempts/${ids.attemptId}`, {
      kind: passed ? "success" : "info",
      message,
    });
  }
  forbidden("That is not something this page can do.");
}

export default function AttemptPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to={`/quizzes/${page.quiz.id}`}>← {page.quiz.title}</Link>
      </p>
      <h1>{page.quiz.title}</h1>
      {actionData && !actionData.ok && actionData.message ? (
        <p className="form-error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {page.state === "open" ? (
        <>
          <p className="muted">
            {page.questions.length} questions · pass mark {formatPercent(page.quiz.passMark)}
            {page.practice
              ? ". This is a practice attempt: it is graded but grants no certification and is left out of statistics."
              : ""}
          </p>
          <AttemptForm
            questions={page.questions}
            timer={<Countdown deadline={page.deadline} serverNow={page.now} />}
            review={actionData && "unanswered" in actionData ? actionData.unanswered : null}
          />
        </>
      ) : (
        <>
          <AttemptSummary
            score={page.score}
            passed={page.passed}
            passMark={page.quiz.passMark}
            submittedAt={page.submittedAt}
            expired={page.expired}
            practice={page.practice}
            certifiedUntil={page.certifiedUntil}
            takerName={page.isOwn ? null : page.taker.name}
          />
          <AttemptReview questions={page.questions} />
        </>
      )}
    </>
  );
}
