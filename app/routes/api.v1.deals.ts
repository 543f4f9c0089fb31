import type { ActionFunctionArgs } from "@remix-run/node";
import { apiBatchImport } from "../services/api-batch.server.ts";
import { importDealBatch } from "../models/deals.server.ts";
import { parseDealsBody } from "../schemas/api-v1.ts";

// POST /api/v1/deals (PRODUCT.md §9, docs/crm.md): the deals CSV import's fields and rules for
// deals posted as JSON. The token is an admin-made integration, so it imports for every team.

export { postOnly as loader } from "../services/api-batch.server.ts";

export function action({ request }: ActionFunctionArgs) {
  return apiBatchImport(request, {
    scope: "deals:write",
    parse: parseDealsBody,
    write: (audit, batch) => importDealBatch(audit, batch, null),
    invalid: ["A deal is", "Some deals are"],
    saved: ({ counts: { create, update, unchanged } }) => ({ created: create, updated: update, unchanged }),
  });
}
