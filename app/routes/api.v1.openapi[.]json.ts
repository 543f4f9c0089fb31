import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson } from "../services/api.server.ts";
import { openApiDocument } from "../lib/openapi.server.ts";

// GET /api/v1/openapi.json: the API's OpenAPI 3.1 description. Public: it describes what Candor
// accepts and holds no data, and tools that set up a CRM callout read it before they have a token.

export function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(new URL(request.url).origin), 200, { "cache-control": "public, max-age=300" });
}

export function action({ request }: ActionFunctionArgs) {
  return apiError(405, `${new URL(request.url).pathname} answers GET requests only.`, [], { allow: "GET" });
}
