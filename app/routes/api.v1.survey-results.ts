import type { ActionFunctionArgs } from "@remix-run/node";
import { ANSWERED_THROUGH_LINK } from "../domain/survey-results-import.ts";
import { apiBatchImport } from "../services/api-batch.server.ts";
import { apiError } from "../services/api.server.ts";
import { importSurveyResults } from "../models/survey-results.server.ts";
import { parseSurveyResultsBody } from "../schemas/api-v1.ts";

// POST /api/v1/survey-results (PRODUCT.md §9): the survey results CSV import's fields and rules
// for results posted as JSON, for every team.

export { postOnly as loader } from "../services/api-batch.server.ts";

export function action({ request }: ActionFunctionArgs) {
  return apiBatchImport(request, {
    scope: "surveys:write",
    parse: parseSurveyResultsBody,
    write: (audit, batch) => importSurveyResults(audit, batch, null),
    invalid: ["A survey result is", "Some survey results are"],
    // Valid results that meet an answer the customer already gave are a conflict with what is
    // stored, not a malformed request: the CRM should drop them rather than fix them.
    conflict: (problems) =>
      problems.every((problem) => problem.reason === ANSWERED_THROUGH_LINK)
        ? apiError(
            409,
            "The customer already answered these surveys through their links; those answers are kept, so nothing was saved.",
            problems,
          )
        : undefined,
    saved: ({ counts: { record, update, unchanged } }) => ({ recorded: record, updated: update, unchanged }),
  });
}
