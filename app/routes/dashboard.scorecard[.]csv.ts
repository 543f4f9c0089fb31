import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../domain/csv-safety.ts";
import { parseScorecardQuery } from "../domain/scorecard-query.ts";
import { notFound, requireUserWithAudience } from "../services/session.server.ts";
import { resolveDashboardTeams } from "../services/dashboard-view.server.ts";
import { chooseDashboardPeriods, listDashboardTeams } from "../models/dashboard.server.ts";
import { listScorecardRows, SCORECARD_CSV_HEADER, scorecardCsvRow } from "../models/scorecard.server.ts";

// /dashboard/scorecard.csv takes the same period, team, name search and sort as the page and
// answers every matching salesperson (all pages; at most the teams' salespeople).
export async function loader({ request }: LoaderFunctionArgs) {
  const { audience } = await requireUserWithAudience(
    request,
    "read:dashboard",
    "The team scorecard is for managers and admins.",
  );
  const query = parseScorecardQuery(new URL(request.url).searchParams);
  const [teams, { chosen }] = await Promise.all([listDashboardTeams(audience), chooseDashboardPeriods(query.period)]);
  const view = resolveDashboardTeams(teams, query.team);
  if (!chosen) notFound("There is no compensation period yet, so there is no scorecard to export.");
  // As on the page: people who have left (deactivated) are not on the team's scorecard.
  const rows = await listScorecardRows(
    { teamIds: view.inView.map((team) => team.id), q: query.q, activeOnly: true },
    chosen.current,
    query.sort,
  );
  // The BOM makes Excel read the file as UTF-8 (accented names).
  const body = `\uFEFF${toCsv(SCORECARD_CSV_HEADER, rows.map(scorecardCsvRow))}`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="candor-scorecard-${chosen.current.name}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
