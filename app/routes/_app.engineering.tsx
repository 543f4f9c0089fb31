import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LevelBadge } from "../components/ui/badges.tsx";
import { daysSince, formatDate } from "../components/ui/format.ts";
import { workingDaysBetween } from "../domain/dates.ts";
import { ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../lib/session.server.ts";
import { listCapabilitiesDueForReview } from "../models/capabilities.server.ts";
import { getPendingQueueSummary } from "../models/claims.server.ts";
import { countOpenEngineerQuestions } from "../models/engineer-questions.server.ts";
import { countQuestionsNeedingReview } from "../models/quizzes.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Engineering · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role !== "ENGINEER") throw redirect(ROLE_HOME[user.role]);
  const now = new Date();
  const [queue, dueForReview, openQuestions, questionsNeedingReview] = await Promise.all([
    getPendingQueueSummary(),
    listCapabilitiesDueForReview(now),
    countOpenEngineerQuestions(),
    countQuestionsNeedingReview(),
  ]);
  return {
    name: user.name,
    queue,
    oldestWorkingDays: queue.oldestLoggedAt ? workingDaysBetween(new Date(queue.oldestLoggedAt), now) : null,
    dueForReview,
    openQuestions,
    questionsNeedingReview,
  };
}

export default function EngineeringHome() {
  const { name, queue, oldestWorkingDays, dueForReview, openQuestions, questionsNeedingReview } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Engineering · {name}</h1>
      <div className="tiles">
        <div className="tile">
          <div className="tile-label">Claims awaiting a verdict</div>
          <div className="tile-value">{queue.pending}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Oldest waiting (target: 3 working days)</div>
          <div className="tile-value">{oldestWorkingDays === null ? "—" : `${oldestWorkingDays} working days`}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Matrix rows past their review date</div>
          <div className="tile-value">{dueForReview.count}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Open questions from sales</div>
          <div className="tile-value">{openQuestions}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Quiz questions needing review</div>
          <div className="tile-value">{questionsNeedingReview}</div>
        </div>
      </div>
      <section aria-labelledby="review-due">
        <h2 id="review-due">Capabilities due for review</h2>
        {dueForReview.rows.length === 0 ? (
          <p className="muted">Every matrix row is within its review cycle.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Capability</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Review was due</th>
                </tr>
              </thead>
              <tbody>
                {dueForReview.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.product.name}</td>
                    <td>{row.title}</td>
                    <td>
                      <LevelBadge level={row.status} />
                    </td>
                    <td>{row.owner?.name ?? "—"}</td>
                    <td>
                      {formatDate(row.reviewDueAt)}
                      {row.reviewDueAt ? <span className="muted small"> ({daysSince(row.reviewDueAt)} days ago)</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
