import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ManagerCheckboxes } from "../components/manager-checkboxes.tsx";
import { ErrorList, InputField } from "../components/ui/field.tsx";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getTeam, updateTeam } from "../models/teams.server.ts";
import { teamSchema } from "../schemas/team.ts";
import { TableScroll } from "../components/ui/table-scroll.tsx";
import { SubmitButton } from "../components/ui/submit-button.tsx";
import { answerRefusal } from "../lib/outcome.server.ts";

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
  const submission = parseSubmission(await readForm(request), { schema: teamSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateTeam(auditContextFrom(request, admin.id), teamId, submission.value);
  if (!outcome.ok) return answerRefusal(outcome, submission);
  return redirectWithToast(`/admin/teams/${teamId}`, { kind: "success", message: "Team saved." });
}

export default function TeamPage() {
  const { team } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-team",
    lastResult: actionData?.result,
    defaultValue: { name: team.name, managerIds: team.managers.map((manager) => manager.id) },
    constraint: getZodConstraint(teamSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
  });

  return (
    <>
      <p className="small">
        <Link to="/admin/teams">← All teams</Link>
      </p>
      <h1>{team.name}</h1>
      <div className="grid-2">
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">Members</h2>
          {team.members.length === 0 ? (
            <p className="muted">No one belongs to this team yet. Salespeople join a team from their user page.</p>
          ) : (
            <TableScroll label="Members">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {team.members.map((member) => (
                    <tr key={member.id}>
                      <td>
                        <Link to={`/admin/users/${member.id}`}>{member.name}</Link>
                      </td>
                      <td>{member.email}</td>
                      <td>{ROLE_LABEL[member.role]}</td>
                      <td>
                        {member.active ? (
                          <span className="badge good">Active</span>
                        ) : (
                          <span className="badge bad">Deactivated</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>

        <section className="panel" aria-labelledby="edit-title">
          <h2 id="edit-title">Name and managers</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <ErrorList id={form.errorId} errors={form.errors} />
            <InputField label="Name" meta={fields.name} autoComplete="off" />
            <ManagerCheckboxes meta={fields.managerIds} candidates={team.managerCandidates} />
            <div>
              <SubmitButton>Save team</SubmitButton>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
