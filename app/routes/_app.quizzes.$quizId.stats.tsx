import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FailedMostList, QuestionStatsTable } from "../components/quizzes/stats-tables.tsx";
import { TeamFigures } from "../components/quizzes/team-figures.tsx";
import { formatCount, formatPercent } from "../components/ui/format.ts";
import { Tile } from "../components/ui/tile.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { getQuizStats } from "../models/quiz-stats.server.ts";
import { teamFiguresFor } from "../models/quizzes.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Statistics: ${data ? data.quiz.title : "quiz"} · Candor` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "read:quiz-stats",
    "Quiz statistics are for engineers, managers and admins.",
  );
  const quizId = params.quizId ?? "";
  const [stats, teamFigures] = await Promise.all([getQuizStats(quizId), teamFiguresFor(user, quizId)]);
  if (!stats) notFound("We could not find that quiz.");
  return { ...stats, teamFigures, canEdit: userHasPermission(user, "write:quiz") };
}

export default function QuizStatsPage() {
  const { quiz, summary, bankQuestions, matrixQuestions, failedMost, teamFigures, canEdit } =
    useLoaderData<typeof loader>();
  return (
    <>
      <p className="small">
        <Link to={`/quizzes/${quiz.id}`}>← {quiz.title}</Link>
      </p>
      <h1>Statistics: {quiz.title}</h1>
      <p className="muted">
        From salespeople's submitted attempts (practice attempts by other roles are left out). Facility is the share of
        the question answered correctly (mean credit); discrimination is the correlation between a question's credit and
        the rest of the attempt's score — near zero or negative means the question does not separate those who know the
        product from those who do not.
      </p>
      <div className="tiles">
        <Tile
          label="Attempts"
          value={formatCount(summary.attempts)}
          note={<>by {formatCount(summary.people)} people</>}
        />
        <Tile label="Mean score" value={formatPercent(summary.meanScore)} />
        <Tile
          label="Pass rate"
          value={formatPercent(summary.passRate)}
          note={<>pass mark {formatPercent(quiz.passMark)}</>}
        />
      </div>
      <section className="panel" aria-labelledby="failed-most">
        <h2 id="failed-most">Questions reps fail most</h2>
        <FailedMostList rows={failedMost} />
      </section>
      {teamFigures ? <TeamFigures rows={teamFigures} caption="Scores and pass rates by team" /> : null}
      <section aria-labelledby="bank-questions">
        <h2 id="bank-questions">Question bank items</h2>
        <QuestionStatsTable rows={bankQuestions} caption="Question bank items" canEdit={canEdit} />
      </section>
      <section aria-labelledby="matrix-questions">
        <h2 id="matrix-questions">Matrix questions, by capability</h2>
        <QuestionStatsTable rows={matrixQuestions} caption="Matrix questions by capability" canEdit={false} />
      </section>
    </>
  );
}
