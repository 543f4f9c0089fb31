import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  AccuracyByMonth,
  AccuracyVsSatisfaction,
  MisrepresentedCapabilities,
  QuizScoreDistribution,
  SCATTER_TABLE_ROWS,
  VerificationBacklog,
} from "../components/dashboard/dashboard-charts.tsx";
import { DashboardFilters } from "../components/dashboard/dashboard-filters.tsx";
import { KpiTiles } from "../components/dashboard/kpi-tiles.tsx";
import { UnloggedPromises } from "../components/dashboard/unlogged-promises.tsx";
import { dashboardHref } from "../components/dashboard/links.ts";
import { formatDate } from "../components/ui/format.ts";
import { scatterForPage } from "../domain/chart-data.ts";
import { permissionScope, ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../services/session.server.ts";
import { audienceFor } from "../models/audience.server.ts";
import {
  chooseDashboardPeriods,
  countOpenDisputesInTeams,
  getDashboard,
  listDashboardTeams,
} from "../models/dashboard.server.ts";
import { resolveDashboardTeams } from "../services/dashboard-view.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Dashboard · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = permissionScope(user, "read:dashboard");
  const audience = await audienceFor(user, "read:dashboard");
  // The dashboard is the managers' and admins' home; everyone else goes to theirs.
  if (!scope || !audience) throw redirect(ROLE_HOME[user.role]);
  const url = new URL(request.url);
  const [teams, { periods, chosen }] = await Promise.all([
    listDashboardTeams(audience),
    chooseDashboardPeriods(url.searchParams.get("period")),
  ]);
  const view = resolveDashboardTeams(teams, url.searchParams.get("team"));
  const base = {
    name: user.name,
    scope,
    teams,
    team: view.team,
    periods: periods.map(({ name, status }) => ({ name, status })),
  };
  if (view.inView.length === 0 || !chosen) return { ...base, period: null, dashboard: null, note: null };
  const { current, previous, note } = chosen;
  const [dashboard, openDisputes] = await Promise.all([
    getDashboard(view.inView, current, previous),
    countOpenDisputesInTeams(view.inView.map((team) => team.id)),
  ]);
  return {
    ...base,
    period: {
      name: current.name,
      status: current.status,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      previousName: previous?.name ?? null,
    },
    dashboard: {
      ...dashboard,
      scatter: {
        days: dashboard.scatter.days,
        total: dashboard.scatter.total,
        ...scatterForPage(dashboard.scatter.points, SCATTER_TABLE_ROWS, url.searchParams.get("scatter") === "all"),
      },
    },
    openDisputes,
    note,
  };
}

export default function DashboardPage() {
  const { name, scope, teams, team, periods, period, dashboard, note, ...rest } = useLoaderData<typeof loader>();
  const openDisputes = "openDisputes" in rest ? rest.openDisputes : undefined;
  const teamName = team ? teams.find((option) => option.id === team)?.name : null;
  const allTeamsLabel = scope === "any" ? "Every team" : "All my teams";
  return (
    <>
      <h1>Dashboard · {name}</h1>
      {teams.length === 0 ? (
        <p>You do not manage any team yet. An admin can add you as a team's manager.</p>
      ) : !period || !dashboard ? (
        <p>
          There is no compensation period yet, so there is nothing to measure. An admin opens periods on the
          compensation pages.
        </p>
      ) : (
        <>
          <p className="muted">
            {teamName ?? allTeamsLabel}, period {period.name} ({formatDate(period.startsAt)} to{" "}
            {formatDate(new Date(new Date(period.endsAt).getTime() - 1))}
            {period.status === "OPEN" ? ", still open" : ", locked"}).
          </p>
          <DashboardFilters
            action="/dashboard"
            periods={periods}
            period={period.name}
            teams={teams}
            team={team}
            allTeamsLabel={allTeamsLabel}
          />
          {note ? (
            <p role="note" className="claims-notes">
              {note}
            </p>
          ) : null}
          <div className="page-actions">
            <Link to={dashboardHref("/dashboard/scorecard", { period: period.name, team })}>
              Team scorecard: every salesperson's figures for {period.name}
            </Link>
          </div>
          <section aria-labelledby="kpis">
            <h2 id="kpis">Key figures for {period.name}</h2>
            <KpiTiles
              kpis={dashboard.kpis}
              deltas={dashboard.deltas}
              previousName={period.previousName}
              openDisputes={openDisputes}
            />
          </section>
          <UnloggedPromises unlogged={dashboard.unlogged} periodName={period.name} />
          <section aria-labelledby="charts">
            <h2 id="charts">Charts</h2>
            <div className="chart-grid">
              <AccuracyVsSatisfaction scatter={dashboard.scatter} />
              <AccuracyByMonth monthly={dashboard.monthly} />
              <MisrepresentedCapabilities capabilities={dashboard.capabilities} periodDays={dashboard.periodDays} />
              <QuizScoreDistribution quiz={dashboard.quiz} />
              <VerificationBacklog
                backlog={dashboard.backlog}
                team={team}
                samePoint={
                  dashboard.previousSamePoint && period.previousName
                    ? { periodName: period.previousName, count: dashboard.previousSamePoint.backlog }
                    : null
                }
              />
            </div>
          </section>
        </>
      )}
    </>
  );
}
