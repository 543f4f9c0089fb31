import type { LoaderFunctionArgs } from "@remix-run/node";
import { API_BODY_MAX_BYTES, type ApiScope } from "../domain/api-tokens.ts";
import type { BatchProblem } from "../domain/csv-import.ts";
import type { AuditContext } from "../models/audit.server.ts";
import type { ApiProblem, BatchParse } from "../schemas/api-v1.ts";
import { apiError, apiJson, handleApiRequest, methodNotAllowed, readJsonBody } from "./api.server.ts";

// The API's import endpoints (PRODUCT.md §9, docs/crm.md): the CSV imports' fields and rules for
// items posted as JSON. The token is an admin-made integration, so it imports for every team.

type BatchOutcome<Plan> = { ok: true; plan: Plan } | { ok: false; problems: BatchProblem<string>[] };

export interface ApiBatchImport<Values, Plan> {
  scope: ApiScope;
  parse: (body: unknown) => BatchParse<Values>;
  /** Checks every item and writes them all, or none. */
  write: (audit: AuditContext, batch: Values[]) => Promise<BatchOutcome<Plan>>;
  /** How the refusal names one bad item and several: ["A deal is", "Some deals are"]. */
  invalid: [one: string, several: string];
  /** An answer other than 400 for some refusals (undefined: 400). */
  conflict?: (problems: ApiProblem[]) => Response | undefined;
  /** The body of the answer to a saved batch: its counts. */
  saved: (plan: Plan) => unknown;
}

/** An import address answers POST only. */
export function postOnly({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, "POST");
}

/** Reads, checks and saves a posted batch; bad items are named by their index in the array and their field. */
export function apiBatchImport<Values, Plan>(request: Request, endpoint: ApiBatchImport<Values, Plan>) {
  return handleApiRequest(request, endpoint.scope, async (caller) => {
    const parsed = endpoint.parse(await readJsonBody(request, API_BODY_MAX_BYTES));
    if (!parsed.ok) return apiError(parsed.status, parsed.error, parsed.problems);
    const outcome = await endpoint.write(caller.audit, parsed.batch);
    if (outcome.ok) return apiJson(endpoint.saved(outcome.plan));
    const problems = outcome.problems.map((problem) => ({
      index: problem.index,
      field: problem.key,
      reason: problem.reason,
    }));
    const [one, several] = endpoint.invalid;
    return (
      endpoint.conflict?.(problems) ??
      apiError(400, `${problems.length === 1 ? one : several} invalid, so nothing was saved.`, problems)
    );
  });
}
