import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ImportStep, PROBLEMS_SHOWN } from "../components/imports/import-parts.tsx";
import { ResultsPreviewTable } from "../components/surveys/results-preview.tsx";
import { importCountsSentence } from "../domain/csv-import.ts";
import { SURVEY_RESULT_COLUMNS } from "../domain/survey-results-import.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { audienceFor, audienceTeamIds } from "../models/audience.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { readCsvUpload } from "../services/csv-upload.server.ts";
import { importSurveyResults, planSurveyResults } from "../models/survey-results.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Import survey results · Candor" }];

const PREVIEW_ROWS = 100;
const EXAMPLE = `Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment,Untrue claim
CRM-1042,2026-11-30,4,PARTLY,8,"Slow reports.","We were told it exports to .xls for Excel 2003; it only does xlsx."
CRM-1077,2026-12-02,5,YES,,,`;

async function requireImporter(request: Request) {
  const user = await requireUserWithPermission(
    request,
    "import:surveys",
    "Only managers and admins import survey results.",
  );
  return { user, teamIds: audienceTeamIds(await audienceFor(user, "read:deal")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireImporter(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, teamIds } = await requireImporter(request);
  const upload = await readCsvUpload(request);
  if (upload.text.trim() === "") return data({ kind: "empty" as const }, { status: 400 });
  if (upload.intent !== "import" && upload.intent !== "preview")
    throw data({ message: "Choose the file and check it first." }, { status: 400 });
  const outcome =
    upload.intent === "import"
      ? await importSurveyResults(auditContextFrom(request, user.id), upload.text, teamIds)
      : await planSurveyResults(upload.text, teamIds);
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
  const { record, update, unchanged } = outcome.plan.counts;
  if (upload.intent === "import") {
    return redirectWithToast("/surveys", {
      kind: "success",
      message: `Survey results imported: ${importCountsSentence({ created: record, updated: update, unchanged }, "recorded")}.`,
    });
  }
  return {
    kind: "preview" as const,
    fileName: upload.fileName,
    csv: upload.text,
    total: outcome.plan.rows.length,
    counts: outcome.plan.counts,
    rows: outcome.plan.rows.slice(0, PREVIEW_ROWS).map(({ surveyId: _surveyId, ...row }) => row),
  };
}

export default function ImportSurveyResultsPage() {
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="small">
        <Link to="/surveys">← Six-month surveys</Link>
      </p>
      <h1>Import survey results</h1>
      <p className="muted">
        For six-month surveys answered through another survey tool. Each row is matched to its deal by the CRM's
        external ID; the answers are stored with the source “import”. Nothing is written unless every row is valid, and
        an answer a customer gave through Candor's own link is never overwritten.
      </p>
      <ImportStep
        columns={SURVEY_RESULT_COLUMNS}
        example={EXAMPLE}
        result={result}
        uploadLabel="Survey results (CSV)"
        plan={
          result?.kind === "preview"
            ? importCountsSentence(
                { created: result.counts.record, updated: result.counts.update, unchanged: result.counts.unchanged },
                "recorded",
              )
            : ""
        }
        preview={result?.kind === "preview" ? <ResultsPreviewTable rows={result.rows} total={result.total} /> : null}
      />
    </>
  );
}
