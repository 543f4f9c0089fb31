import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_BODY_MAX_BYTES } from "../domain/api-tokens.ts";
import { ANSWERED_THROUGH_LINK } from "../domain/survey-results-import.ts";
import { apiError, apiJson, handleApiRequest, methodNotAllowed, readJsonBody } from "../services/api.server.ts";
import { importSurveyResults } from "../models/survey-results.server.ts";
import { parseSurveyResultsBody } from "../schemas/api-v1.ts";

// POST /api/v1/survey-results (PRODUCT.md §9): the survey results CSV import's fields and rules
// for results posted as JSON, for every team.

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, "POST");
}

export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest(request, "surveys:write", async (caller) => {
    const parsed = parseSurveyResultsBody(await readJsonBody(request, API_BODY_MAX_BYTES));
    if (!parsed.ok) return apiError(parsed.status, parsed.error, parsed.problems);
    const outcome = await importSurveyResults(caller.audit, parsed.batch, null);
    if (!outcome.ok) {
      const problems = outcome.problems.map((problem) => ({
        index: problem.index,
        field: problem.key,
        reason: problem.reason,
      }));
      // Valid results that meet an answer the customer already gave are a conflict with what is
      // stored, not a malformed request: the CRM should drop them rather than fix them.
      if (problems.every((problem) => problem.reason === ANSWERED_THROUGH_LINK)) {
        return apiError(
          409,
          "The customer already answered these surveys through their links; those answers are kept, so nothing was saved.",
          problems,
        );
      }
      return apiError(
        400,
        `${problems.length === 1 ? "A survey result is" : "Some survey results are"} invalid, so nothing was saved.`,
        problems,
      );
    }
    const { record, update, unchanged } = outcome.plan.counts;
    return apiJson({ recorded: record, updated: update, unchanged });
  });
}
