import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SurveyCountsTable, SurveyTiles } from "../components/surveys/survey-overview.tsx";
import { addDays } from "../domain/dates.ts";
import { enumParam, listQuerySchema, parseListQuery } from "../domain/list-query.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { SURVEY_OVERDUE_DAYS } from "../domain/survey-links.ts";
import { SURVEY_LINK_VALID_DAYS } from "../domain/survey-schedule.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { getSurveyOverview } from "../models/surveys.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Six-month surveys · Candor" }];

const WINDOWS = { "12": 365, "24": 730, all: null } as const;
const windowQuerySchema = listQuerySchema({ months: enumParam(["12", "24", "all"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, audience } = await requireUserWithAudience(
    request,
    "read:survey",
    "Surveys are read by salespeople (their own), managers and admins.",
  );
  const window = parseListQuery(windowQuerySchema, new URL(request.url).searchParams).value.months ?? "12";
  const now = new Date();
  const days = WINDOWS[window];
  const since = days === null ? new Date(0) : addDays(now, -days);
  const overview = await getSurveyOverview(audience, now, since);
  return {
    ...overview,
    scope,
    window,
    canSend: userHasPermission(user, "send:surveys"),
    canImport: userHasPermission(user, "import:surveys"),
    canReadDeals: userHasPermission(user, "read:deal:team"),
  };
}

export default function SurveysPage() {
  const { salespeople, teams, all, scope, window, canSend, canImport, canReadDeals } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Six-month surveys</h1>
      <p className="muted">
        Every won deal's customer is asked, six calendar months after the close, how satisfied they are and whether the
        product did what the salesperson said.{" "}
        {scope === "own"
          ? "These are the surveys of your deals."
          : scope === "team"
            ? "The teams you manage."
            : "Every team."}
      </p>
      <p>
        {[
          canSend ? (
            <Link key="outbox" to="/surveys/outbox">
              Outbox: surveys to send
            </Link>
          ) : null,
          canImport ? (
            <Link key="import" to="/surveys/import">
              Import survey results
            </Link>
          ) : null,
          canReadDeals ? (
            <Link key="deals" to="/deals">
              Deals
            </Link>
          ) : null,
        ]
          .filter(Boolean)
          .flatMap((link, index) => (index === 0 ? [link] : [" · ", link]))}
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="surveys-window">Surveys due</label>
          <select id="surveys-window" name="months" defaultValue={window}>
            <option value="12">in the last 12 months (and scheduled)</option>
            <option value="24">in the last 24 months (and scheduled)</option>
            <option value="all">at any time</option>
          </select>
        </div>
        <button type="submit">Show</button>
      </Form>
      <SurveyTiles counts={all} />
      {scope !== "own" ? (
        <SurveyCountsTable
          caption="Per team"
          nameHeader="Team"
          showTeam={false}
          rows={teams.map((team) => ({ id: team.id, name: team.name, counts: team.counts }))}
        />
      ) : null}
      <SurveyCountsTable
        caption="Per salesperson"
        nameHeader="Salesperson"
        showTeam={scope !== "own"}
        rows={salespeople.map((person) => ({
          id: person.id,
          name: person.active ? person.name : `${person.name} (deactivated)`,
          team: person.team,
          counts: person.counts,
        }))}
      />
      <p className="small muted">
        Come due: due date reached. To send: due, not yet sent, link still valid; overdue when due more than{" "}
        {SURVEY_OVERDUE_DAYS} days ago. Expired: not answered within {SURVEY_LINK_VALID_DAYS} days of the due date.
        Response rate: answered of come due. CSAT is the mean of 1–5; “delivered as promised” is the share of “yes”
        among the answers to that question.
      </p>
    </>
  );
}
