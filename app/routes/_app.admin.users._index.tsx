import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatCents, formatDateTime } from "../components/ui/format.ts";
import { ErrorList, InputField, SelectField } from "../components/ui/field.tsx";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { enumParam, listQuerySchema, pageParam, parseListQuery, textParam } from "../domain/list-query.ts";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { listTeamsForPicker } from "../models/teams.server.ts";
import { createUser, listUsers } from "../models/users.server.ts";
import {
  nameField,
  ROLE_OPTIONS,
  ROLES,
  roleFields,
  toFormFieldErrors,
  toProfileInput,
  toTeamOptions,
  withRoleRules,
} from "../schemas/user-profile.ts";
import { TableScroll } from "../components/ui/table-scroll.tsx";
import { SubmitButton } from "../components/ui/submit-button.tsx";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Users · Candor" }];

const newUserSchema = withRoleRules(
  z.object({
    name: nameField,
    email: z
      .string({ error: "Enter an email address." })
      .trim()
      .max(254, "Use at most 254 characters.")
      .toLowerCase()
      .pipe(z.email("Enter a valid email address.")),
    ...roleFields,
    password: z
      .string({ error: "Enter an initial password." })
      .min(12, "Use at least 12 characters.")
      .max(200, "Use at most 200 characters."),
  }),
);

const filterSchema = listQuerySchema({
  q: textParam(100),
  role: enumParam(ROLES),
  status: enumParam(["active", "inactive"]),
  page: pageParam(),
});

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Deactivated" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:users");
  const filters = parseListQuery(filterSchema, new URL(request.url).searchParams).value;
  const active = filters.status === undefined ? undefined : filters.status === "active";
  const [list, teams] = await Promise.all([
    listUsers({ search: filters.q, role: filters.role, active, page: filters.page }),
    listTeamsForPicker(),
  ]);
  return { ...list, teams, filters };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:users");
  const submission = parseSubmission(await readForm(request), { schema: newUserSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const outcome = await createUser(auditContextFrom(request, admin.id), toProfileInput(submission.value));
  if (!outcome.ok) {
    const fieldErrors = toFormFieldErrors(outcome.fieldErrors);
    return answerRefusal({ ...outcome, fieldErrors }, submission, {}, { hideFields: ["password"] });
  }
  return redirectWithToast(`/admin/users/${outcome.value.id}`, {
    kind: "success",
    message: `Created the account for ${submission.value.name}.`,
  });
}

export default function UsersPage() {
  const { users, total, page, pageCount, teams, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult: actionData?.result,
    constraint: getZodConstraint(newUserSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newUserSchema }),
  });
  const search = new URLSearchParams();
  if (filters.q) search.set("q", filters.q);
  if (filters.role) search.set("role", filters.role);
  if (filters.status) search.set("status", filters.status);

  return (
    <>
      <h1>Users</h1>
      <Form method="get" className="filters" role="search" aria-label="Filter users">
        <div className="field">
          <label htmlFor="filter-q">Name or email</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <FilterSelect name="role" label="Role" anyLabel="Any role" defaultValue={filters.role} options={ROLE_OPTIONS} />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Active and deactivated"
          defaultValue={filters.status}
          options={STATUS_OPTIONS}
        />
        <button type="submit" className="button secondary">
          Filter
        </button>
      </Form>

      <p className="muted small" role="status">
        {total} user{total === 1 ? "" : "s"}
      </p>
      <TableScroll label="Users">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Target bonus
              </th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  No users match these filters.
                </td>
              </tr>
            ) : null}
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{ROLE_LABEL[user.role]}</td>
                <td>{user.team?.name ?? "—"}</td>
                <td>
                  {user.active ? (
                    <span className="badge good">Active</span>
                  ) : (
                    <span className="badge bad">Deactivated</span>
                  )}
                </td>
                <td className="num">{user.role === "SALES" ? formatCents(user.targetBonusCents) : "—"}</td>
                <td>
                  {user.lastSignInAt ? (
                    <time dateTime={user.lastSignInAt.toISOString()}>{formatDateTime(user.lastSignInAt)}</time>
                  ) : (
                    <span className="muted">Never</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} pageCount={pageCount} search={search} />

      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">New user</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <InputField label="Name" meta={fields.name} autoComplete="off" />
          <InputField label="Email" meta={fields.email} type="email" autoComplete="off" />
          <SelectField label="Role" meta={fields.role} options={ROLE_OPTIONS} placeholder="Choose a role" />
          <SelectField
            label="Team"
            meta={fields.teamId}
            options={toTeamOptions(teams)}
            placeholder="No team"
            hint="Required for salespeople; leave empty for everyone else."
          />
          <InputField
            label="Target bonus"
            meta={fields.targetBonus}
            hint="Salespeople only: the payout per period at a multiplier of 1.0, in currency units (e.g. 12000.50)."
          />
          <InputField
            label="Initial password"
            meta={fields.password}
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. Share it with the person privately."
          />
          <div>
            <SubmitButton>Create user</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}
