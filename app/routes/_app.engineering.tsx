import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EngineerQueue } from "../components/home/engineer-queue.tsx";
import { CapabilitiesDueForReview, OpenEngineerQuestions } from "../components/home/engineer-lists.tsx";
import { MS_PER_DAY, workingDaysBetween } from "../domain/dates.ts";
import { questionAge } from "../domain/engineer-questions.ts";
import { ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../services/session.server.ts";
import { listCapabilitiesDueForReview } from "../models/capabilities.server.ts";
import { getPendingQueueSummary } from "../models/claims.server.ts";
import { countOpenEngineerQuestions, listOldestOpenQuestions } from "../models/engineer-questions.server.ts";
import { listQuestionsAwaitingReview } from "../models/questions.server.ts";
import { QuestionsAwaitingReviewSection } from "../components/quizzes/home-sections.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Engineering · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role !== "ENGINEER") throw redirect(ROLE_HOME[user.role]);
  const now = new Date();
  const [queue, dueForReview, openQuestionCount, openQuestions, questionsNeedingReview] = await Promise.all([
    getPendingQueueSummary(now),
    listCapabilitiesDueForReview(now),
    countOpenEngineerQuestions(),
    listOldestOpenQuestions(5),
    listQuestionsAwaitingReview(10),
  ]);
  return {
    name: user.name,
    queue: { ...queue, oldestWorkingDays: queue.oldestLoggedAt ? workingDaysBetween(queue.oldestLoggedAt, now) : null },
    dueForReview: {
      count: dueForReview.count,
      rows: dueForReview.rows.map((row) => ({
        ...row,
        daysOverdue: row.reviewDueAt ? Math.floor((now.getTime() - row.reviewDueAt.getTime()) / MS_PER_DAY) : null,
      })),
    },
    openQuestions: {
      count: openQuestionCount,
      rows: openQuestions.map((row) => ({ ...row, age: questionAge(row.askedAt, now) })),
    },
    questionsNeedingReview,
  };
}

export default function EngineeringHome() {
  const { name, queue, dueForReview, openQuestions, questionsNeedingReview } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Engineering · {name}</h1>
      <EngineerQueue queue={queue} />
      <CapabilitiesDueForReview count={dueForReview.count} rows={dueForReview.rows} />
      <OpenEngineerQuestions count={openQuestions.count} rows={openQuestions.rows} />
      <QuestionsAwaitingReviewSection total={questionsNeedingReview.total} rows={questionsNeedingReview.rows} />
    </>
  );
}
