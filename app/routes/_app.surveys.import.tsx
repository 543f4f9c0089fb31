import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CsvImportPage, type CsvImportPageText } from "../components/imports/csv-import-page.tsx";
import { ResultsPreviewTable, type ResultPreviewRow } from "../components/surveys/results-preview.tsx";
import { importCountsSentence } from "../domain/csv-import.ts";
import { SURVEY_RESULT_COLUMNS } from "../domain/survey-results-import.ts";
import { csvImportAction, requireImporter, type CsvImporter } from "../services/csv-import.server.ts";
import { importSurveyResults, planSurveyResults, type SurveyResultsPlan } from "../models/survey-results.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Import survey results · Candor" }];

const PAGE: CsvImportPageText = {
  back: { to: "/surveys", label: "Six-month surveys" },
  title: "Import survey results",
  intro:
    "For six-month surveys answered through another survey tool. Each row is matched to its deal by the CRM's external ID; the answers are stored with the source “import”. Nothing is written unless every row is valid, and an answer a customer gave through Candor's own link is never overwritten.",
  uploadLabel: "Survey results (CSV)",
  columns: SURVEY_RESULT_COLUMNS,
  example: `Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment,Untrue claim
CRM-1042,2026-11-30,4,PARTLY,8,"Slow reports.","We were told it exports to .xls for Excel 2003; it only does xlsx."
CRM-1077,2026-12-02,5,YES,,,`,
};

const recorded = (counts: SurveyResultsPlan["counts"]) =>
  importCountsSentence({ created: counts.record, updated: counts.update, unchanged: counts.unchanged }, "recorded");

const RESULTS_IMPORTER: CsvImporter<SurveyResultsPlan["rows"][number], SurveyResultsPlan["counts"], ResultPreviewRow> =
  {
    permission: "import:surveys",
    refusal: "Only managers and admins import survey results.",
    check: planSurveyResults,
    write: importSurveyResults,
    done: (counts) => ({ to: "/surveys", message: `Survey results imported: ${recorded(counts)}.` }),
    plan: recorded,
    previewRow: ({ surveyId: _surveyId, ...row }) => row,
  };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireImporter(request, RESULTS_IMPORTER);
  return null;
}

export function action({ request }: ActionFunctionArgs) {
  return csvImportAction(request, RESULTS_IMPORTER);
}

export default function ImportSurveyResultsPage() {
  const result = useActionData<typeof action>();
  return (
    <CsvImportPage
      page={PAGE}
      result={result}
      preview={(checked) => <ResultsPreviewTable rows={checked.rows} total={checked.total} />}
    />
  );
}
