import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { DashboardFilters } from "../components/dashboard/dashboard-filters.tsx";
import { dashboardHref } from "../components/dashboard/links.ts";
import { scorecardColumns } from "../components/dashboard/scorecard-columns.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { TableStateInputs } from "../components/data-table/hidden-inputs.tsx";
import { TableNotes } from "../components/data-table/table-notes.tsx";
import { columnFormRedirect, exportHref, onlyHiddenColumnsChanged } from "../components/data-table/table-url.ts";
import { parseScorecardQuery, SCORECARD_PAGE_SIZES } from "../domain/scorecard-query.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { resolveDashboardTeams } from "../services/dashboard-view.server.ts";
import { chooseDashboardPeriods, listDashboardTeams } from "../models/dashboard.server.ts";
import { listScorecardPage } from "../models/scorecard.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Team scorecard · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, audience } = await requireUserWithAudience(
    request,
    "read:dashboard",
    "The team scorecard is for managers and admins.",
  );
  const url = new URL(request.url);
  const canonical = columnFormRedirect(url);
  if (canonical) throw redirect(canonical);
  const query = parseScorecardQuery(url.searchParams);
  const [teams, { periods, chosen }] = await Promise.all([
    listDashboardTeams(audience),
    chooseDashboardPeriods(query.period),
  ]);
  const view = resolveDashboardTeams(teams, query.team);
  const base = {
    scope,
    teams,
    team: view.team,
    q: query.q,
    sort: query.sort,
    pageSize: query.pageSize,
    periods: periods.map(({ name, status }) => ({ name, status })),
  };
  if (!chosen)
    return { ...base, period: null, rows: [], total: 0, page: 1, computed: false, inactive: 0, notes: query.notes };
  // People who have left (deactivated) are not on the team's scorecard; their person page keeps their history.
  const page = await listScorecardPage(
    { teamIds: view.inView.map((team) => team.id), q: query.q, activeOnly: true },
    chosen.current,
    query.sort,
    query.page,
    query.pageSize,
  );
  return {
    ...base,
    ...page,
    period: { name: chosen.current.name, status: chosen.current.status },
    notes: [...(chosen.note ? [chosen.note] : []), ...query.notes],
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  onlyHiddenColumnsChanged(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

const rowId = (row: { id: string }) => row.id;

export default function ScorecardPage() {
  const { scope, teams, team, q, sort, pageSize, periods, period, rows, total, page, computed, inactive, notes } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const tableSort = useMemo(() => ({ id: sort.key, dir: sort.dir }), [sort.key, sort.dir]);
  if (!period) {
    return (
      <>
        <h1>Team scorecard</h1>
        <p>There is no compensation period yet, so there is nothing to measure.</p>
      </>
    );
  }
  return (
    <>
      <h1>Team scorecard · {period.name}</h1>
      <p className="muted">
        Each salesperson's claims made, quizzes submitted and six-month surveys due in {period.name}. Coverage counts
        the deals won (closed) in {period.name} that have at least one claim on record — logged, observed, from the
        customer or from a conversation — so “4 of 9” means five won deals have no claim at all. Lowest accuracy first;
        choose a column to sort by it.
        {computed
          ? period.status === "OPEN"
            ? " The multiplier is the projection of the period's latest computation."
            : " The multiplier is the one the locked period paid."
          : ` ${period.name} has not been computed yet, so there is no ${period.status === "OPEN" ? "projected " : ""}multiplier.`}
        {inactive > 0
          ? ` ${inactive === 1 ? "One person who has left is" : `${inactive} people who have left are`} not listed; their history stays on their own page.`
          : null}
      </p>
      <p>
        <Link to={dashboardHref("/dashboard", { period: period.name, team })}>Back to the dashboard</Link>
      </p>
      <DashboardFilters
        key={`${period.name}|${team ?? ""}|${q ?? ""}`}
        action="/dashboard/scorecard"
        periods={periods}
        period={period.name}
        teams={teams}
        team={team}
        allTeamsLabel={scope === "any" ? "Every team" : "All my teams"}
      >
        <div className="field">
          <label htmlFor="scorecard-q">Name contains</label>
          <input id="scorecard-q" name="q" type="search" defaultValue={q ?? ""} maxLength={120} />
        </div>
        <TableStateInputs search={search} />
      </DashboardFilters>
      <TableNotes notes={notes} />
      {total > 0 ? (
        <p>
          <a href={exportHref("/dashboard/scorecard.csv", search)} download>
            Export these {total === 1 ? "figures" : `${total.toLocaleString("en-US")} salespeople`} as CSV
          </a>
        </p>
      ) : null}
      <DataTable
        caption={`Team scorecard, ${period.name}`}
        columns={scorecardColumns}
        data={rows}
        getRowId={rowId}
        total={total}
        page={page}
        pageSize={pageSize}
        pageSizes={SCORECARD_PAGE_SIZES}
        sort={tableSort}
        rowHeader="name"
        noun={["salesperson", "salespeople"]}
        emptyMessage={q ? "No salesperson's name matches this search." : "No salespeople in these teams."}
      />
    </>
  );
}
