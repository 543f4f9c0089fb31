import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DealSearch, UploadConversationForm } from "../components/conversations/import-form.tsx";
import { ImportPreview } from "../components/conversations/import-preview.tsx";
import { formatDate } from "../components/ui/format.ts";
import { utcDayOf } from "../domain/claim-rules.ts";
import { parseListQuery } from "../domain/list-query.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { readConversationUpload } from "../models/conversation-upload.server.ts";
import {
  getImportableDeal,
  importConversations,
  listImportableDeals,
  previewConversationImport,
  type ImportRequest,
} from "../models/conversations.server.ts";
import { dealSearchSchema } from "../schemas/conversation.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Import a conversation · Candor" }];

const NOT_ALLOWED = "You may not import conversations.";

export async function loader({ request }: LoaderFunctionArgs) {
  const { audience } = await requireUserWithAudience(request, "import:conversation", NOT_ALLOWED);
  const search = parseListQuery(dealSearchSchema, new URL(request.url).searchParams).value;
  const { total, deals } = await listImportableDeals(audience, search.q);
  // A link from elsewhere ("import the conversation" for a deal) preselects its deal, listed or not.
  const linked =
    search.deal && !deals.some((deal) => deal.id === search.deal)
      ? await getImportableDeal(audience, search.deal)
      : null;
  return {
    q: search.q ?? "",
    total,
    deals: linked
      ? [
          {
            id: linked.id,
            externalId: linked.externalId,
            status: "",
            account: { name: linked.accountName },
            owner: { name: linked.ownerName },
            product: null,
          },
          ...deals,
        ]
      : deals,
    dealId: search.deal ?? "",
    today: utcDayOf(new Date()),
  };
}

function summary(outcome: {
  imported: { fileName: string; candidates: number }[];
  alreadyImported: { fileName: string; importedAt: Date }[];
}): string {
  const found = outcome.imported.reduce((sum, item) => sum + item.candidates, 0);
  const parts: string[] = [];
  if (outcome.imported.length > 0) {
    const what =
      outcome.imported.length === 1
        ? (outcome.imported[0]?.fileName ?? "")
        : `${outcome.imported.length} conversations`;
    parts.push(
      `Imported ${what}: ${found === 0 ? "no candidate claims" : found === 1 ? "1 candidate claim" : `${found} candidate claims`} found.`,
    );
  }
  for (const item of outcome.alreadyImported)
    parts.push(`${item.fileName} was already imported on ${formatDate(item.importedAt)}; nothing was added.`);
  return parts.join(" ");
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, audience } = await requireUserWithAudience(request, "import:conversation", NOT_ALLOWED);
  const upload = await readConversationUpload(request);
  const intent = upload.field("intent");
  const values = { dealId: upload.field("dealId"), occurredOn: upload.field("occurredOn") };
  const input: ImportRequest = {
    ...values,
    items: upload.items,
    speakerOf: (index) => upload.field(`speaker-${index}`),
    now: new Date(),
  };

  if (intent === "preview") {
    const outcome = await previewConversationImport(audience, input);
    if (!outcome.ok) return data({ kind: "problems" as const, ...outcome, values }, { status: outcome.status });
    return { kind: "preview" as const, ...outcome.value, values };
  }
  if (intent === "import") {
    const outcome = await importConversations(auditContextFrom(request, user.id), user.id, audience, input);
    if (!outcome.ok) return data({ kind: "problems" as const, ...outcome, values }, { status: outcome.status });
    const { imported } = outcome.value;
    const only = imported.length === 1 ? imported[0] : undefined;
    return redirectWithToast(only ? `/conversations/${only.id}` : "/conversations", {
      kind: imported.length > 0 ? "success" : "info",
      message: summary(outcome.value),
    });
  }
  throw data({ message: "Choose the files and preview them first." }, { status: 400 });
}

export default function ImportConversationPage() {
  const { q, total, deals, dealId, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to="/conversations">← Conversations</Link>
      </p>
      <h1>Import a conversation</h1>
      <p className="muted">
        Upload a call transcript (WebVTT or SubRip, as Zoom, Teams, Meet and call recorders export them; or plain text
        with “Speaker: words” lines) or an email thread. Candor finds the salesperson's sentences that speak about a
        capability and proposes them as candidate claims, checked against the matrix as it stood that day. Nothing is
        stored until you import; importing the same file for the same deal again adds nothing.
      </p>
      {result?.kind === "preview" ? (
        <ImportPreview files={result.files} deal={result.deal} occurredOn={result.values.occurredOn} />
      ) : (
        <>
          {result?.kind === "problems" ? <ImportProblems formErrors={result.formErrors} files={result.files} /> : null}
          <DealSearch q={q} shown={deals.length} total={total} />
          <UploadConversationForm
            deals={deals}
            dealId={result?.values.dealId ?? dealId}
            occurredOn={result?.values.occurredOn || today}
            today={today}
            errors={result?.kind === "problems" ? result.fieldErrors : {}}
          />
        </>
      )}
    </>
  );
}

function ImportProblems({
  formErrors,
  files,
}: {
  formErrors: string[];
  files: { index: number; fileName: string; ok: boolean; problem?: string }[];
}) {
  const refused = files.filter((file) => !file.ok);
  if (formErrors.length === 0 && refused.length === 0) return null;
  return (
    <div className="panel" role="alert">
      <p className="form-error">Nothing was imported.</p>
      <ul>
        {formErrors.map((error) => (
          <li key={error}>{error}</li>
        ))}
        {formErrors.length === 0
          ? refused.map((file) => (
              <li key={file.index}>
                <strong>{file.fileName}</strong>: {file.problem}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
