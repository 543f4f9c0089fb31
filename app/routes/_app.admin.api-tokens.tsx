import { getCollectionProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { conformOptions } from "../components/ui/conform-options.ts";
import { ConformForm } from "../components/ui/conform-form.tsx";
import { ErrorList, InputField } from "../components/ui/field.tsx";
import { When } from "../components/ui/when.tsx";
import { API_REQUESTS_PER_MINUTE, API_SCOPE_LABEL, API_SCOPES } from "../domain/api-tokens.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { parseSubmission } from "../lib/submission.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../models/api-tokens.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { apiTokenSchema, revokeApiTokenSchema } from "../schemas/api-token.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { throwRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "API tokens · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:api-tokens");
  return { tokens: await listApiTokens(), origin: new URL(request.url).origin };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:api-tokens");
  const form = await readForm(request);
  const audit = { ...auditContextFrom(request, admin.id), actorId: admin.id };
  if (form.get("intent") === "revoke") {
    const submission = parseSubmission(form, { schema: revokeApiTokenSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
    const outcome = await revokeApiToken(audit, submission.value.tokenId);
    if (!outcome.ok) throwRefusal(outcome);
    const { name, already } = outcome.value;
    const message = already
      ? `The token ${name} was already revoked.`
      : `Revoked the token ${name}: its next request is refused.`;
    return redirectWithToast("/admin/api-tokens", { kind: "success", message });
  }
  const submission = parseSubmission(form, { schema: apiTokenSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const created = await createApiToken(audit, submission.value);
  // Shown in this answer only, never in a redirect or toast cookie: Candor keeps just its hash.
  return { result: submission.reply({ resetForm: true }), created: { name: created.name, token: created.token } };
}

const TOKEN_COLUMNS: SimpleColumns<Awaited<ReturnType<typeof listApiTokens>>[number]> = [
  { header: "Name", rowHeader: true, cell: (token) => token.name },
  { header: "Starts with", cell: (token) => <code>{token.prefix}…</code> },
  { header: "Scopes", cell: (token) => token.scopes.join(", ") || <span className="muted">none</span> },
  {
    header: "Created",
    cell: (token) => (
      <>
        <When at={token.createdAt} withTime /> <span className="muted small">by {token.createdBy}</span>
      </>
    ),
  },
  {
    header: "Last used",
    cell: (token) =>
      token.lastUsedAt ? <When at={token.lastUsedAt} withTime /> : <span className="muted">Never</span>,
  },
  {
    header: "State",
    cell: (token) =>
      token.revokedAt ? (
        <>
          <span className="badge bad">Revoked</span>{" "}
          <span className="muted small">
            <When at={token.revokedAt} withTime />
            {token.revokedBy ? ` by ${token.revokedBy}` : ""}
          </span>
        </>
      ) : (
        <Form method="post" className="inline-form">
          <span className="badge good">Active</span>
          <input type="hidden" name="tokenId" value={token.id} />
          <button
            type="submit"
            name="intent"
            value="revoke"
            className="button danger"
            aria-label={`Revoke the token ${token.name}`}
          >
            Revoke
          </button>
        </Form>
      ),
  },
];

export default function ApiTokensPage() {
  const { tokens, origin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm(conformOptions("new-api-token", apiTokenSchema, actionData?.result));
  const scopeBoxes = getCollectionProps(fields.scopes, { type: "checkbox", options: [...API_SCOPES] });
  const created = actionData?.created ?? null;

  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        Tokens let the CRM and other systems use Candor&apos;s JSON API (
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>, set-up in docs/crm.md). A token acts for every team,
        each may make {API_REQUESTS_PER_MINUTE} requests a minute, and every use is recorded in the audit log.
      </p>

      {created ? (
        <section className="panel" aria-labelledby="created-token-title" role="status">
          <h2 id="created-token-title">The token {created.name}</h2>
          <p>Copy it now: Candor keeps only a fingerprint of it and cannot show it again.</p>
          <label htmlFor="created-token">Token</label>
          <input id="created-token" type="text" readOnly value={created.token} size={60} />
          <p className="small">Try it:</p>
          <pre className="small">{`curl -H "Authorization: Bearer ${created.token}" "${origin}/api/v1/claims?pageSize=25"`}</pre>
        </section>
      ) : null}

      <SimpleTable
        label="API tokens"
        caption="Tokens, newest first; revoked ones last"
        captionClassName="muted small"
        columns={TOKEN_COLUMNS}
        rows={tokens}
        rowKey={(token) => token.id}
        empty="No API tokens yet."
      />

      <section className="panel" aria-labelledby="new-token-title">
        <h2 id="new-token-title">New token</h2>
        <ConformForm form={form} intent="create" submitLabel="Create token">
          <InputField
            label="Name"
            meta={fields.name}
            autoComplete="off"
            hint="The system that will use it, e.g. Salesforce (production)."
          />
          <fieldset
            className="field"
            aria-describedby={fields.scopes.errors?.length ? fields.scopes.errorId : undefined}
          >
            <legend>Scopes</legend>
            {scopeBoxes.map(({ key, ...props }) => (
              <label key={key} className="checkbox">
                <input {...props} />
                <span>
                  <code>{props.value}</code>{" "}
                  <span className="muted small">{API_SCOPE_LABEL[props.value as (typeof API_SCOPES)[number]]}</span>
                </span>
              </label>
            ))}
            <ErrorList id={fields.scopes.errorId} errors={fields.scopes.errors} />
          </fieldset>
        </ConformForm>
      </section>
    </>
  );
}
