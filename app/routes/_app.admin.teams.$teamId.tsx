import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TeamForm } from "../components/team-form.tsx";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getTeam, updateTeam } from "../models/teams.server.ts";
import { teamSchema } from "../schemas/team.ts";
import { ActiveBadge } from "../components/ui/badges.tsx";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.team.name ?? "Not found"} · Candor` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:teams");
  const team = await getTeam(params.teamId ?? "");
  if (!team) notFound("There is no team with that id.");
  return { team };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:teams");
  const teamId = params.teamId ?? "";
  return answerForm(await readForm(request), teamSchema, {
    change: (input) => updateTeam(auditContextFrom(request, admin.id), teamId, input),
    done: () => redirectWithSuccess(`/admin/teams/${teamId}`, "Team saved."),
  });
}

type Member = NonNullable<Awaited<ReturnType<typeof getTeam>>>["members"][number];

const MEMBER_COLUMNS: SimpleColumns<Member> = [
  { header: "Name", cell: (member) => <Link to={`/admin/users/${member.id}`}>{member.name}</Link> },
  { header: "Email", cell: (member) => member.email },
  { header: "Role", cell: (member) => ROLE_LABEL[member.role] },
  { header: "Status", cell: (member) => <ActiveBadge active={member.active} /> },
];

export default function TeamPage() {
  const { team } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/admin/teams" label="All teams" />
      <h1>{team.name}</h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">Members</h2>
          {team.members.length === 0 ? (
            <p className="muted">No one belongs to this team yet. Salespeople join a team from their user page.</p>
          ) : (
            <SimpleTable label="Members" columns={MEMBER_COLUMNS} rows={team.members} rowKey={(member) => member.id} />
          )}
        </section>

        <section className="panel" aria-labelledby="edit-title">
          <h2 id="edit-title">Name and managers</h2>
          <TeamForm team={team} candidates={team.managerCandidates} lastResult={actionData?.result} />
        </section>
      </div>
    </>
  );
}
