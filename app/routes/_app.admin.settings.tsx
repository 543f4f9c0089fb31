import { getInputProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { conformOptions } from "../components/ui/conform-options.ts";
import { ConformForm } from "../components/ui/conform-form.tsx";
import { Field } from "../components/ui/field.tsx";
import { formatDateTime } from "../components/ui/format.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { ok } from "../domain/outcome.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getCompanyNameSetting, setCompanyName } from "../models/settings.server.ts";
import { COMPANY_NAME_MAX, companySettingsSchema, DEFAULT_COMPANY_NAME } from "../schemas/settings.ts";
import { useIsPending } from "../components/ui/submit-button.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Company settings · Candor" }];

const ADMINS_ONLY = "Only admins can change the company settings.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:settings", ADMINS_ONLY);
  return { companyName: await getCompanyNameSetting() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:settings", ADMINS_ONLY);
  return answerForm(await readForm(request), companySettingsSchema, {
    // Any name that passes the schema is taken: the change is never refused.
    change: async ({ companyName }) => ok(await setCompanyName(auditContextFrom(request, admin.id), companyName)),
    done: ({ changed }, { companyName }) =>
      redirectWithSuccess(
        "/admin/settings",
        changed ? `Saved: customers now see “${companyName}”.` : "Nothing changed: that is already the company's name.",
      ),
  });
}

export default function SettingsPage() {
  const { companyName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm({
    ...conformOptions("company-settings", companySettingsSchema, actionData?.result),
    defaultValue: { companyName: companyName.value ?? "" },
  });
  const field = fields.companyName;
  return (
    <>
      <h1>Company settings</h1>
      <section className="panel" aria-labelledby="company-name-title">
        <h2 id="company-name-title">Company name</h2>
        <p className="muted">
          Customers see this name on the six-month survey page, beside the product and their salesperson&apos;s first
          name, so they know who is asking.
          {companyName.value === null ? ` No name is set yet, so the survey says “${DEFAULT_COMPANY_NAME}”.` : null}
          {companyName.updatedAt ? ` Last changed ${formatDateTime(companyName.updatedAt)}.` : null}
        </p>
        <ConformForm form={form}>
          <Field
            label="Company name"
            meta={field}
            hint={<>As your customers know it, e.g. “Brightwater Software”. At most {COMPANY_NAME_MAX} characters.</>}
          >
            <input
              {...getInputProps(field, { type: "text" })}
              key={field.key}
              autoComplete="organization"
              maxLength={COMPANY_NAME_MAX}
            />
          </Field>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </button>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
