import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClaimStatusBadge, LevelBadge, MatrixCheckBadge } from "../components/ui/badges.tsx";
import { formatDate, formatPercent } from "../components/ui/format.ts";
import { ROLE_HOME } from "../domain/permissions.ts";
import { weightedAccuracy } from "../domain/verdicts.ts";
import { requireUser } from "../lib/session.server.ts";
import { ChangedSinceYouSaid } from "../components/capabilities/changed-since-you-said.tsx";
import { listFlaggedClaimsFor } from "../models/capabilities.server.ts";
import { listRecentClaimsOf } from "../models/claims.server.ts";
import { listAnswersFor } from "../models/engineer-questions.server.ts";
import { summariseSurveysOf } from "../models/surveys.server.ts";
import { prisma } from "../lib/db.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Home · Candor" }];

const DAY = 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The salesperson's home; everyone else has their own.
  if (user.role !== "SALES") throw redirect(ROLE_HOME[user.role]);
  const now = new Date();
  const since = new Date(now.getTime() - 90 * DAY);
  const [recent, verdicts, surveys, answers, flagged] = await Promise.all([
    listRecentClaimsOf(user.id, 12),
    prisma.claim.findMany({ where: { salespersonId: user.id, madeAt: { gte: since } }, select: { status: true, severity: true } }),
    summariseSurveysOf(user.id, new Date(now.getTime() - 365 * DAY)),
    listAnswersFor(user.id),
    listFlaggedClaimsFor(user.id),
  ]);
  return {
    name: user.name,
    recent,
    claims90: verdicts.length,
    pending90: verdicts.filter((claim) => claim.status === "PENDING").length,
    accuracy90: weightedAccuracy(verdicts),
    surveys,
    answers,
    flagged,
  };
}

export default function SalesHome() {
  const { name, recent, claims90, pending90, accuracy90, surveys, answers, flagged } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welcome, {name}</h1>
      {flagged.length > 0 ? <ChangedSinceYouSaid items={flagged} /> : null}
      <section aria-labelledby="scorecard">
        <h2 id="scorecard">Your last 90 days</h2>
        <div className="tiles">
          <div className="tile">
            <div className="tile-label">Claims logged</div>
            <div className="tile-value">{claims90}</div>
          </div>
          <div className="tile">
            <div className="tile-label">Awaiting an engineer's verdict</div>
            <div className="tile-value">{pending90}</div>
          </div>
          <div className="tile">
            <div className="tile-label">Claim accuracy (weighted by severity)</div>
            <div className="tile-value">{formatPercent(accuracy90)}</div>
          </div>
          <div className="tile">
            <div className="tile-label">Six-month CSAT, last 12 months</div>
            <div className="tile-value">{surveys.meanCsat === null ? "—" : `${surveys.meanCsat.toFixed(1)} / 5`}</div>
            <div className="small muted">
              {surveys.answered} of {surveys.due} due surveys answered
            </div>
          </div>
          <div className="tile">
            <div className="tile-label">Customers who say you delivered as promised</div>
            <div className="tile-value">{formatPercent(surveys.deliveredYesShare)}</div>
          </div>
        </div>
      </section>
      <section aria-labelledby="claims">
        <h2 id="claims">Your recent claims</h2>
        {recent.length === 0 ? (
          <p className="muted">You have not logged any claims yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Account</th>
                  <th scope="col">Product / capability</th>
                  <th scope="col">You said</th>
                  <th scope="col">Matrix check</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((claim) => (
                  <tr key={claim.id}>
                    <td>
                      <Link to={`/claims/${claim.id}`}>{formatDate(claim.madeAt)}</Link>
                    </td>
                    <td>{claim.accountName}</td>
                    <td>
                      {claim.product.name}
                      {claim.capability ? ` · ${claim.capability.title}` : ""}
                    </td>
                    <td>
                      <LevelBadge level={claim.assertedLevel} />
                    </td>
                    <td>
                      <MatrixCheckBadge check={claim.matrixCheck} />
                    </td>
                    <td>
                      <ClaimStatusBadge status={claim.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="answers">
        <h2 id="answers">Answers from engineers</h2>
        {answers.length === 0 ? (
          <p className="muted">No answered questions yet.</p>
        ) : (
          <ul>
            {answers.map((answer) => (
              <li key={answer.id}>
                <Link to={`/ask/${answer.id}`}>
                  <strong>{answer.question}</strong>
                </Link>{" "}
                ({answer.product.name}) — {answer.answer}{" "}
                <span className="muted small">
                  {answer.answeredBy?.name}, {formatDate(answer.answeredAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
