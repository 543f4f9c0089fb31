import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_BODY_MAX_BYTES } from "../domain/api-tokens.ts";
import { apiError, apiJson, handleApiRequest, methodNotAllowed, readJsonBody } from "../services/api.server.ts";
import { importDealBatch } from "../models/deals.server.ts";
import { parseDealsBody } from "../schemas/api-v1.ts";

// POST /api/v1/deals (PRODUCT.md §9, docs/crm.md): the deals CSV import's fields and rules for
// deals posted as JSON. The token is an admin-made integration, so it imports for every team.

export function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, "POST");
}

export function action({ request }: ActionFunctionArgs) {
  return handleApiRequest(request, "deals:write", async (caller) => {
    const parsed = parseDealsBody(await readJsonBody(request, API_BODY_MAX_BYTES));
    if (!parsed.ok) return apiError(parsed.status, parsed.error, parsed.problems);
    const outcome = await importDealBatch(caller.audit, parsed.batch, null);
    if (!outcome.ok) {
      const problems = outcome.problems.map((problem) => ({
        index: problem.index,
        field: problem.key,
        reason: problem.reason,
      }));
      return apiError(
        400,
        `${problems.length === 1 ? "A deal is" : "Some deals are"} invalid, so nothing was saved.`,
        problems,
      );
    }
    const { create, update, unchanged } = outcome.plan.counts;
    return apiJson({ created: create, updated: update, unchanged });
  });
}
