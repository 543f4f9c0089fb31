import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ManagerCheckboxes } from "../components/manager-checkboxes.tsx";
import { ErrorList, InputField } from "../components/ui/field.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createTeam, listManagerCandidates, listTeams } from "../models/teams.server.ts";
import { teamSchema } from "../schemas/team.ts";
import { TableScroll } from "../components/ui/table-scroll.tsx";
import { SubmitButton } from "../components/ui/submit-button.tsx";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Teams · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:teams");
  const [teams, managerCandidates] = await Promise.all([listTeams(), listManagerCandidates()]);
  return { teams, managerCandidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:teams");
  const submission = parseSubmission(await readForm(request), { schema: teamSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createTeam(auditContextFrom(request, admin.id), submission.value);
  if (!outcome.ok) return answerRefusal(outcome, submission);
  return redirectWithToast(`/admin/teams/${outcome.value.id}`, {
    kind: "success",
    message: `Created the team ${submission.value.name}.`,
  });
}

export default function TeamsPage() {
  const { teams, managerCandidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-team",
    lastResult: actionData?.result,
    constraint: getZodConstraint(teamSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
  });

  return (
    <>
      <h1>Teams</h1>
      <TableScroll label="Teams">
        <table>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="num">
                Active members
              </th>
              <th scope="col">Managers</th>
            </tr>
          </thead>
          <tbody>
            {teams.length === 0 ? (
              <tr>
                <td colSpan={3} className="muted">
                  No teams yet.
                </td>
              </tr>
            ) : null}
            {teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td className="num">{team.memberCount}</td>
                <td>
                  {team.managers.length ? (
                    team.managers.map((manager) => manager.name).join(", ")
                  ) : (
                    <span className="badge warn">No manager</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section className="panel" aria-labelledby="new-team-title">
        <h2 id="new-team-title">New team</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <InputField label="Name" meta={fields.name} autoComplete="off" />
          <ManagerCheckboxes meta={fields.managerIds} candidates={managerCandidates} />
          <div>
            <SubmitButton>Create team</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}
