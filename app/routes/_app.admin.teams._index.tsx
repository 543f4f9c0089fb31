import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TeamForm } from "../components/team-form.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createTeam, listManagerCandidates, listTeams } from "../models/teams.server.ts";
import { teamSchema } from "../schemas/team.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Teams · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:teams");
  const [teams, managerCandidates] = await Promise.all([listTeams(), listManagerCandidates()]);
  return { teams, managerCandidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:teams");
  return answerForm(await readForm(request), teamSchema, {
    change: (input) => createTeam(auditContextFrom(request, admin.id), input),
    done: (team, input) => redirectWithSuccess(`/admin/teams/${team.id}`, `Created the team ${input.name}.`),
  });
}

const TEAM_COLUMNS: SimpleColumns<Awaited<ReturnType<typeof listTeams>>[number]> = [
  { header: "Team", cell: (team) => <Link to={`/admin/teams/${team.id}`}>{team.name}</Link> },
  { header: "Active members", numeric: true, cell: (team) => team.memberCount },
  {
    header: "Managers",
    cell: (team) =>
      team.managers.length ? (
        team.managers.map((manager) => manager.name).join(", ")
      ) : (
        <span className="badge warn">No manager</span>
      ),
  },
];

export default function TeamsPage() {
  const { teams, managerCandidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Teams</h1>
      <SimpleTable label="Teams" columns={TEAM_COLUMNS} rows={teams} rowKey={(team) => team.id} empty="No teams yet." />

      <section className="panel" aria-labelledby="new-team-title">
        <h2 id="new-team-title">New team</h2>
        <TeamForm candidates={managerCandidates} lastResult={actionData?.result} />
      </section>
    </>
  );
}
