import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActiveBadge } from "../components/ui/badges.tsx";
import { ConformForm } from "../components/ui/conform-form.tsx";
import { InputField, SelectField } from "../components/ui/field.tsx";
import { When } from "../components/ui/when.tsx";
import { NONE } from "../domain/format.ts";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { getEnv } from "../lib/env.server.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { listTeamsForPicker } from "../models/teams.server.ts";
import {
  getUserForAdmin,
  resetPassword,
  setUserActive,
  signOutEverywhere,
  updateUser,
} from "../models/users.server.ts";
import {
  ROLE_OPTIONS,
  toFormFieldErrors,
  toProfileDefaults,
  toProfileInput,
  userProfileSchema,
} from "../schemas/user-profile.ts";
import { SalespersonFields } from "../components/salesperson-fields.tsx";
import { answerRefusal } from "../lib/outcome.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "Not found"} · Candor` },
];

const passwordSchema = z
  .object({
    password: z
      .string({ error: "Enter a new password." })
      .min(12, "Use at least 12 characters.")
      .max(200, "Use at most 200 characters."),
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

const noFieldsSchema = z.object({});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:users");
  const env = getEnv();
  const [found, teams] = await Promise.all([
    getUserForAdmin(params.userId ?? "", {
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    }),
    listTeamsForPicker(),
  ]);
  if (!found) notFound("There is no user with that id.");
  return { ...found, teams, isSelf: found.user.id === admin.id };
}

type Intent = "update" | "set-active" | "reset-password" | "sign-out-everywhere";

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:users");
  const userId = params.userId ?? "";
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const audit = auditContextFrom(request, admin.id);
  const here = `/admin/users/${userId}`;
  const refuse = (which: Intent, result: SubmissionResult<string[]>) =>
    data({ intent: which, result }, { status: 400 });

  if (intent === "update") {
    const submission = parseSubmission(formData, { schema: userProfileSchema });
    if (submission.status !== "success") return refuse(intent, submission.reply());
    const outcome = await updateUser(audit, userId, toProfileInput(submission.value));
    if (!outcome.ok)
      return answerRefusal({ ...outcome, fieldErrors: toFormFieldErrors(outcome.fieldErrors) }, submission, { intent });
    return redirectWithToast(here, { kind: "success", message: "Saved." });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const submission = parseSubmission(formData, { schema: noFieldsSchema });
    const outcome = await setUserActive(audit, userId, intent === "reactivate");
    if (!outcome.ok) return answerRefusal(outcome, submission, { intent: "set-active" as const });
    const message = intent === "reactivate" ? "Account reactivated." : "Account deactivated and signed out everywhere.";
    return redirectWithToast(here, { kind: "success", message });
  }
  if (intent === "reset-password") {
    const submission = parseSubmission(formData, { schema: passwordSchema });
    const hideFields = ["password", "confirmPassword"];
    if (submission.status !== "success") return refuse(intent, submission.reply({ hideFields }));
    const outcome = await resetPassword(audit, userId, submission.value.password);
    if (!outcome.ok) return answerRefusal(outcome, submission, { intent }, { hideFields });
    return redirectWithToast(here, {
      kind: "success",
      message: "Password reset; every session of this account has ended.",
    });
  }
  if (intent === "sign-out-everywhere") {
    const submission = parseSubmission(formData, { schema: noFieldsSchema });
    const outcome = await signOutEverywhere(audit, userId);
    if (!outcome.ok) return answerRefusal(outcome, submission, { intent });
    const ended = outcome.value.sessionsEnded;
    return redirectWithToast(here, { kind: "success", message: `Ended ${ended} session${ended === 1 ? "" : "s"}.` });
  }
  throw data({ message: "That form is not known here." }, { status: 400 });
}

function useIntentForm<Schema extends z.ZodType>(intent: Intent, schema: Schema) {
  const actionData = useActionData<typeof action>();
  return {
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    shouldValidate: "onBlur" as const,
    constraint: getZodConstraint(schema),
  };
}

export default function UserPage() {
  const { user, activeSessionCount, recentEvents } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/admin/users" label="All users" />
      <h1>{user.name}</h1>
      <dl className="facts panel">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABEL[user.role]}</dd>
        <dt>Status</dt>
        <dd>
          <ActiveBadge active={user.active} />
        </dd>
        <dt>Active sessions</dt>
        <dd>{activeSessionCount}</dd>
        {user.managedTeams.length ? (
          <>
            <dt>Manages</dt>
            <dd>{user.managedTeams.map((team) => team.name).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {/* Every successful change adds an event, so the forms start afresh after one. */}
      <UserForms key={recentEvents[0]?.id ?? 0} />
      <RecentActivity />
    </>
  );
}

function UserForms() {
  const { user, teams, isSelf } = useLoaderData<typeof loader>();
  const [editForm, edit] = useForm({
    ...useIntentForm("update", userProfileSchema),
    defaultValue: toProfileDefaults(user),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userProfileSchema }),
  });
  const [passwordForm, password] = useForm({
    ...useIntentForm("reset-password", passwordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  const [activeForm] = useForm(useIntentForm("set-active", noFieldsSchema));
  const [signOutForm] = useForm(useIntentForm("sign-out-everywhere", noFieldsSchema));

  return (
    <div className="grid-2">
      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">Profile</h2>
        <ConformForm form={editForm} intent="update" submitLabel="Save changes">
          <InputField label="Name" meta={edit.name} />
          <SelectField label="Role" meta={edit.role} options={ROLE_OPTIONS} />
          <SalespersonFields fields={edit} teams={teams} />
        </ConformForm>
      </section>

      <section className="panel" aria-labelledby="access-title">
        <h2 id="access-title">Access</h2>
        <ConformForm form={activeForm} className={null}>
          {user.active ? (
            <button type="submit" name="intent" value="deactivate" className="button danger">
              Deactivate account
            </button>
          ) : (
            <button type="submit" name="intent" value="reactivate" className="button">
              Reactivate account
            </button>
          )}
          <p className="hint muted small">
            {isSelf
              ? "You cannot deactivate your own account."
              : "A deactivated person cannot sign in and is signed out at once; their history stays."}
          </p>
        </ConformForm>
        <ConformForm form={signOutForm} className={null}>
          <button type="submit" name="intent" value="sign-out-everywhere" className="button secondary">
            Sign out everywhere
          </button>
        </ConformForm>
        <h3>Reset password</h3>
        <ConformForm
          form={passwordForm}
          intent="reset-password"
          submitLabel="Reset password"
          submitClassName="button secondary"
        >
          <InputField
            label="New password"
            meta={password.password}
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. Also ends all their sessions."
          />
          <InputField
            label="Repeat the new password"
            meta={password.confirmPassword}
            type="password"
            autoComplete="new-password"
          />
        </ConformForm>
      </section>
    </div>
  );
}

function RecentActivity() {
  const { recentEvents } = useLoaderData<typeof loader>();
  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Recent activity</h2>
      {recentEvents.length === 0 ? <p className="muted">Nothing recorded yet.</p> : null}
      <ol className="small">
        {recentEvents.map((event) => (
          <li key={event.id}>
            <When at={event.at} withTime /> {event.actionLabel} by {event.actor?.name ?? "the system"}{" "}
            <code className="muted">{event.action}</code>
            {event.changes.map((change) => (
              <div key={change.key}>
                {change.field}: {change.before === NONE ? change.after : `${change.before} → ${change.after}`}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
