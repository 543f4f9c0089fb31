import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { DealPreviewTable } from "../components/deals/deal-preview.tsx";
import { ImportStep, PROBLEMS_SHOWN } from "../components/imports/import-parts.tsx";
import { importCountsSentence } from "../domain/csv-import.ts";
import { DEAL_COLUMNS } from "../domain/deal-import.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { audienceFor, audienceTeamIds } from "../models/audience.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { readCsvUpload } from "../services/csv-upload.server.ts";
import { importDeals, planDealImport } from "../models/deals.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Import deals · Candor" }];

const PREVIEW_ROWS = 100;
const EXAMPLE = `External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date
CRM-1042,Acme Corp,Jane Doe,jane@acme.example,sales@candor.test,ledgerline,"12,500.00",WON,2026-05-31
CRM-1043,Globex,Hank Scorpio,hank@globex.example,sales@candor.test,,8000,OPEN,`;

async function requireImporter(request: Request) {
  const user = await requireUserWithPermission(request, "import:deals", "Only managers and admins import deals.");
  return { user, teamIds: audienceTeamIds(await audienceFor(user, "read:deal")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { teamIds } = await requireImporter(request);
  return { allTeams: teamIds === null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, teamIds } = await requireImporter(request);
  const upload = await readCsvUpload(request);
  if (upload.text.trim() === "") return data({ kind: "empty" as const }, { status: 400 });
  if (upload.intent === "import") {
    const outcome = await importDeals(auditContextFrom(request, user.id), upload.text, teamIds);
    if (!outcome.ok) {
      return data(
        {
          kind: "problems" as const,
          problems: outcome.problems.slice(0, PROBLEMS_SHOWN),
          problemCount: outcome.problems.length,
          rowCount: outcome.rowCount,
        },
        { status: 400 },
      );
    }
    const { create, update, unchanged } = outcome.plan.counts;
    return redirectWithToast("/deals", {
      kind: "success",
      message: `Deals imported: ${importCountsSentence({ created: create, updated: update, unchanged })}.`,
    });
  }
  if (upload.intent !== "preview") throw data({ message: "Choose the file and check it first." }, { status: 400 });
  const planned = await planDealImport(upload.text, teamIds);
  if (!planned.ok) {
    return data(
      {
        kind: "problems" as const,
        problems: planned.problems.slice(0, PROBLEMS_SHOWN),
        problemCount: planned.problems.length,
        rowCount: planned.rowCount,
      },
      { status: 400 },
    );
  }
  const { rows, counts } = planned.plan;
  return {
    kind: "preview" as const,
    fileName: upload.fileName,
    csv: upload.text,
    total: rows.length,
    counts,
    rows: rows.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      externalId: row.externalId,
      accountName: row.accountName,
      contactName: row.contactName,
      contactEmail: row.contactEmail,
      ownerEmail: row.ownerEmail,
      product: row.productSlug,
      amountCents: row.amountCents,
      status: row.status,
      closedAt: row.closedAt,
      outcome: row.outcome,
      changed: row.changed,
    })),
  };
}

export default function ImportDealsPage() {
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to="/deals">← Deals</Link>
      </p>
      <h1>Import deals</h1>
      <p className="muted">
        Upload a CSV export from the CRM. Every row is checked first and nothing is written unless every row is valid.
        Deals are matched by their external ID, so importing the same file again changes nothing. Each won deal gets its
        six-month survey; answers already given are kept.
      </p>
      <ImportStep
        columns={DEAL_COLUMNS}
        example={EXAMPLE}
        result={result}
        uploadLabel="CRM export (CSV)"
        plan={
          result?.kind === "preview"
            ? importCountsSentence(
                { created: result.counts.create, updated: result.counts.update, unchanged: result.counts.unchanged },
                "new",
              )
            : ""
        }
        preview={result?.kind === "preview" ? <DealPreviewTable rows={result.rows} total={result.total} /> : null}
      />
    </>
  );
}
