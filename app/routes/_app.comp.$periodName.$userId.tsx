import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatementView } from "../components/comp/statement-view.tsx";
import { notFound, requireUserWithAudience } from "../services/session.server.ts";
import { getPeriodByName } from "../models/comp-periods.server.ts";
import { getStatementPage } from "../models/comp-statements.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.person.name} · ${loaded.period.name} · Compensation · Candor` : "Statement · Candor" },
];

const NOT_FOUND = "We could not find that statement.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, audience } = await requireUserWithAudience(
    request,
    "read:statement",
    "Compensation statements are for salespeople, their managers and admins.",
  );
  const period = await getPeriodByName(params.periodName ?? "");
  if (period === null) notFound("There is no compensation period with that name.");
  // Another salesperson's statement, or one outside the teams a manager manages: 404, so
  // whether it exists does not leak.
  const page = await getStatementPage(period.id, params.userId ?? "", audience);
  if (page === null || page.person.role !== "SALES") notFound(NOT_FOUND);
  return { period: { name: period.name, status: period.status }, own: user.id === page.person.id, scope, ...page };
}

export default function StatementPage() {
  const { period, own, scope, person, statement, figures, adjustments, claims, surveys } =
    useLoaderData<typeof loader>();
  return (
    <>
      <p className="small">
        {scope === "own" ? (
          <Link to="/comp">← Your statements</Link>
        ) : (
          <Link to={`/comp/${encodeURIComponent(period.name)}`}>← {period.name} overview</Link>
        )}
      </p>
      <h1>
        {own ? "Your statement" : `${person.name}'s statement`} for {period.name}
      </h1>
      {statement === null || figures === null ? (
        <p role="note">
          {period.status === "OPEN"
            ? `${period.name} has not been computed for ${own ? "you" : person.name} yet. The statement appears once a manager or an admin computes the period.`
            : `${own ? "You have" : `${person.name} has`} no statement in ${period.name}.`}
        </p>
      ) : (
        <StatementView
          periodName={period.name}
          locked={period.status === "LOCKED"}
          person={{ name: person.name, email: person.email, team: person.team?.name ?? null }}
          statement={statement}
          figures={figures}
          adjustments={adjustments}
          claims={claims}
          surveys={surveys}
        />
      )}
    </>
  );
}
