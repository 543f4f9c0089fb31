import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChangedSinceYouSaid } from "../components/capabilities/changed-since-you-said.tsx";
import { EngineerAnswers } from "../components/home/engineer-answers.tsx";
import { NextSteps } from "../components/home/next-steps.tsx";
import { CoverageTile } from "../components/home/coverage-tile.tsx";
import { ClaimsToCorrect, RecentClaims } from "../components/home/sales-claims.tsx";
import { formatPercent } from "../components/ui/format.ts";
import { Tile } from "../components/ui/tile.tsx";
import { MS_PER_DAY } from "../domain/dates.ts";
import { quizStepsFrom, salesNextSteps } from "../domain/next-steps.ts";
import { ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../services/session.server.ts";
import { listFlaggedClaimsFor } from "../models/capabilities.server.ts";
import { getClaimRecordOf, listRecentClaimsOf } from "../models/claims.server.ts";
import { CUSTOMERS_TO_CORRECT_FULL_LIST, listCustomersToCorrect } from "../models/customers-to-correct.server.ts";
import { listAnswersFor } from "../models/engineer-questions.server.ts";
import { summariseSurveysOf } from "../models/surveys.server.ts";
import { CertificationsSection, QuizzesDueSection } from "../components/quizzes/home-sections.tsx";
import { getQuizzesDueFor } from "../models/quizzes.server.ts";
import { ProjectedStatement } from "../components/comp/projected-statement.tsx";
import { SurveysOfDeals } from "../components/surveys/surveys-of-deals.tsx";
import { projectStatementFor } from "../models/comp-statements.server.ts";
import { listSurveysOfSalesperson } from "../models/surveys.server.ts";
import { getCurrentCoverageOf } from "../models/coverage.server.ts";
import { ClaimsFoundInConversations } from "../components/conversations/conversation-lists.tsx";
import { listPendingCandidatesOf } from "../models/candidate-claims.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Home · Candor" }];

const HOME_LIST_LENGTH = 10;
const ALL_TO_CORRECT_HREF = "/home?correct=all#to-correct";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The salesperson's home; everyone else has their own.
  if (user.role !== "SALES") throw redirect(ROLE_HOME[user.role]);
  const now = new Date();
  // "Customers to correct" shows the newest few; ?correct=all shows the whole list (within a cap).
  const showAllToCorrect = new URL(request.url).searchParams.get("correct") === "all";
  const yearAgo = new Date(now.getTime() - 365 * MS_PER_DAY);
  const [
    recent,
    record90,
    surveys,
    answers,
    flagged,
    toCorrect,
    quizzes,
    projection,
    mySurveys,
    coverage,
    foundInConversations,
  ] = await Promise.all([
    listRecentClaimsOf(user.id, HOME_LIST_LENGTH),
    getClaimRecordOf(user.id, new Date(now.getTime() - 90 * MS_PER_DAY)),
    summariseSurveysOf(user.id, yearAgo, now),
    listAnswersFor(user.id),
    listFlaggedClaimsFor(user.id),
    listCustomersToCorrect(user.id, showAllToCorrect ? CUSTOMERS_TO_CORRECT_FULL_LIST : HOME_LIST_LENGTH),
    getQuizzesDueFor(user.id, now),
    projectStatementFor(user.id, now),
    listSurveysOfSalesperson(user.id, now),
    getCurrentCoverageOf(user.id),
    listPendingCandidatesOf(user.id, now),
  ]);
  const weekAgo = now.getTime() - 7 * MS_PER_DAY;
  const steps = salesNextSteps({
    uncorrectedClaims: toCorrect.count,
    uncorrectedHref: toCorrect.count > toCorrect.rows.length ? ALL_TO_CORRECT_HREF : "#to-correct",
    claimsChangedSince: flagged.length,
    // Only quizzes the person can take now: never one whose attempts are used up.
    quizzesDue: quizStepsFrom(quizzes.due),
    recentAnswers: answers.filter((answer) => answer.answeredAt !== null && answer.answeredAt.getTime() >= weekAgo)
      .length,
  });
  return {
    name: user.name,
    steps,
    recent,
    toCorrect: { ...toCorrect, showingAll: showAllToCorrect },
    record90,
    surveys,
    answers,
    flagged,
    quizzes,
    projection,
    mySurveys,
    coverage,
    foundInConversations,
  };
}

export default function SalesHome() {
  const home = useLoaderData<typeof loader>();
  const { record90, surveys, toCorrect, mySurveys } = home;
  return (
    <>
      <h1>Welcome, {home.name}</h1>
      <NextSteps steps={home.steps} />
      <ProjectedStatement projection={home.projection} />
      <section aria-labelledby="scorecard">
        <h2 id="scorecard">Your record</h2>
        <div className="tiles">
          <Tile
            label="Claims logged, last 90 days"
            value={record90.claims}
            note={<>{record90.pending} awaiting an engineer's verdict</>}
          />
          <Tile label="Claim accuracy, last 90 days (weighted by severity)" value={formatPercent(record90.accuracy)} />
          <Tile
            label="Six-month CSAT, last 12 months"
            value={surveys.meanCsat === null ? "—" : `${surveys.meanCsat.toFixed(1)} / 5`}
            note={
              <>
                {surveys.answered} of {surveys.due} due surveys answered
              </>
            }
          />
          <Tile label="Customers who say you delivered as promised" value={formatPercent(surveys.deliveredYesShare)} />
          <CoverageTile coverage={home.coverage} />
        </div>
      </section>
      <ClaimsToCorrect count={toCorrect.count} rows={toCorrect.rows} showingAll={toCorrect.showingAll} />
      <ClaimsFoundInConversations count={home.foundInConversations.count} rows={home.foundInConversations.rows} />
      {home.flagged.length > 0 ? <ChangedSinceYouSaid items={home.flagged} /> : null}
      <QuizzesDueSection rows={home.quizzes.due} />
      <CertificationsSection rows={home.quizzes.certifications} />
      <RecentClaims rows={home.recent} />
      <SurveysOfDeals
        reader="salesperson"
        total={mySurveys.total}
        answered={mySurveys.answered}
        surveys={mySurveys.surveys}
      />
      <EngineerAnswers rows={home.answers} />
    </>
  );
}
