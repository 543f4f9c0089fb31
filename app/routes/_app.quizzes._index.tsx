import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QuizList } from "../components/quizzes/quiz-list.tsx";
import { TeamFigures } from "../components/quizzes/team-figures.tsx";
import { permissionScope, userHasPermission } from "../domain/permissions.ts";
import { ATTEMPT_WINDOW_DAYS } from "../domain/quiz-rules.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { listQuizzesFor, teamFiguresFor } from "../models/quizzes.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Quizzes · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "take:quiz", "Your role does not take quizzes.");
  const now = new Date();
  // The list shows the figures of the teams a manager manages; every team's (an admin's) would
  // swamp it, so admins read them per quiz on its statistics page.
  const [list, teamFigures] = await Promise.all([
    listQuizzesFor(user, now),
    permissionScope(user, "read:attempt") === "team" ? teamFiguresFor(user) : null,
  ]);
  return { ...list, teamFigures, canSeeStats: userHasPermission(user, "read:quiz-stats"), now };
}

export default function QuizzesPage() {
  const { quizzes, isAuthor, practice, teamFigures, canSeeStats, now } = useLoaderData<typeof loader>();
  const titles = Object.fromEntries(quizzes.map((quiz) => [quiz.id, quiz.title]));
  return (
    <>
      <h1>Quizzes</h1>
      <p className="muted">
        Product-knowledge quizzes. Passing one certifies you for its validity period; required quizzes count towards
        your pay.
        {practice
          ? " Your attempts are practice: they are graded, but grant no certification and do not count in statistics."
          : ` Each quiz allows a set number of attempts per ${ATTEMPT_WINDOW_DAYS} days.`}
      </p>
      {isAuthor ? (
        <p>
          <Link to="/quizzes/new" className="button">
            New quiz
          </Link>{" "}
          <Link to="/question-bank">Question bank</Link>
        </p>
      ) : null}
      <QuizList rows={quizzes} practice={practice} canSeeStats={canSeeStats} canEdit={isAuthor} now={new Date(now)} />
      {teamFigures ? (
        <TeamFigures rows={teamFigures} quizTitles={titles} caption="Your teams' scores and pass rates" />
      ) : null}
    </>
  );
}
