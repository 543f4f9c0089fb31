import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { DealPreviewTable, type DealPreviewRow } from "../components/deals/deal-preview.tsx";
import { CsvImportPage, type CsvImportPageText } from "../components/imports/csv-import-page.tsx";
import { importCountsSentence } from "../domain/csv-import.ts";
import { DEAL_COLUMNS } from "../domain/deal-import.ts";
import { csvImportAction, requireImporter, type CsvImporter } from "../services/csv-import.server.ts";
import { importDeals, planDealImport, type DealImportPlan } from "../models/deals.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Import deals · Candor" }];

const PAGE: CsvImportPageText = {
  back: { to: "/deals", label: "Deals" },
  title: "Import deals",
  intro:
    "Upload a CSV export from the CRM. Every row is checked first and nothing is written unless every row is valid. Deals are matched by their external ID, so importing the same file again changes nothing. Each won deal gets its six-month survey; answers already given are kept.",
  uploadLabel: "CRM export (CSV)",
  columns: DEAL_COLUMNS,
  example: `External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date
CRM-1042,Acme Corp,Jane Doe,jane@acme.example,sales@candor.test,ledgerline,"12,500.00",WON,2026-05-31
CRM-1043,Globex,Hank Scorpio,hank@globex.example,sales@candor.test,,8000,OPEN,`,
};

const counted = (counts: DealImportPlan["counts"]) => ({
  created: counts.create,
  updated: counts.update,
  unchanged: counts.unchanged,
});

const DEAL_IMPORTER: CsvImporter<DealImportPlan["rows"][number], DealImportPlan["counts"], DealPreviewRow> = {
  permission: "import:deals",
  refusal: "Only managers and admins import deals.",
  check: planDealImport,
  write: importDeals,
  done: (counts) => ({ to: "/deals", message: `Deals imported: ${importCountsSentence(counted(counts))}.` }),
  plan: (counts) => importCountsSentence(counted(counts), "new"),
  previewRow: (row) => ({
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
  }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { teamIds } = await requireImporter(request, DEAL_IMPORTER);
  return { allTeams: teamIds === null };
}

export function action({ request }: ActionFunctionArgs) {
  return csvImportAction(request, DEAL_IMPORTER);
}

export default function ImportDealsPage() {
  const result = useActionData<typeof action>();
  return (
    <CsvImportPage
      page={PAGE}
      result={result}
      preview={(checked) => <DealPreviewTable rows={checked.rows} total={checked.total} />}
    />
  );
}
