import { useForm } from "@conform-to/react";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActiveBadge } from "../components/ui/badges.tsx";
import { conformOptions } from "../components/ui/conform-options.ts";
import { ConformForm } from "../components/ui/conform-form.tsx";
import { formatCents } from "../components/ui/format.ts";
import { InputField, SelectField } from "../components/ui/field.tsx";
import { FilterBar, FilterInput } from "../components/ui/filter-bar.tsx";
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
  withRoleRules,
} from "../schemas/user-profile.ts";
import { SalespersonFields } from "../components/salesperson-fields.tsx";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { When } from "../components/ui/when.tsx";
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

type UserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];

const USER_COLUMNS: SimpleColumns<UserRow> = [
  { header: "Name", cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.name}</Link> },
  { header: "Email", cell: (user) => user.email },
  { header: "Role", cell: (user) => ROLE_LABEL[user.role] },
  { header: "Team", cell: (user) => user.team?.name ?? "—" },
  { header: "Status", cell: (user) => <ActiveBadge active={user.active} /> },
  {
    header: "Target bonus",
    numeric: true,
    cell: (user) => (user.role === "SALES" ? formatCents(user.targetBonusCents) : "—"),
  },
  {
    header: "Last sign-in",
    cell: (user) =>
      user.lastSignInAt ? <When at={user.lastSignInAt} withTime /> : <span className="muted">Never</span>,
  },
];

export default function UsersPage() {
  const { users, total, page, pageCount, teams, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm(conformOptions("new-user", newUserSchema, actionData?.result));
  const search = new URLSearchParams();
  if (filters.q) search.set("q", filters.q);
  if (filters.role) search.set("role", filters.role);
  if (filters.status) search.set("status", filters.status);

  return (
    <>
      <h1>Users</h1>
      <FilterBar label="Filter users">
        <FilterInput name="q" label="Name or email" defaultValue={filters.q} />
        <FilterSelect name="role" label="Role" anyLabel="Any role" defaultValue={filters.role} options={ROLE_OPTIONS} />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Active and deactivated"
          defaultValue={filters.status}
          options={STATUS_OPTIONS}
        />
      </FilterBar>

      <p className="muted small" role="status">
        {total} user{total === 1 ? "" : "s"}
      </p>
      <SimpleTable
        label="Users"
        columns={USER_COLUMNS}
        rows={users}
        rowKey={(user) => user.id}
        empty="No users match these filters."
      />
      <Pagination page={page} pageCount={pageCount} search={search} />

      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">New user</h2>
        <ConformForm form={form} submitLabel="Create user">
          <InputField label="Name" meta={fields.name} autoComplete="off" />
          <InputField label="Email" meta={fields.email} type="email" autoComplete="off" />
          <SelectField label="Role" meta={fields.role} options={ROLE_OPTIONS} placeholder="Choose a role" />
          <SalespersonFields fields={fields} teams={teams} />
          <InputField
            label="Initial password"
            meta={fields.password}
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. Share it with the person privately."
          />
        </ConformForm>
      </section>
    </>
  );
}
