import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "../services/api.server.ts";

// Any other address under /api/v1 answers in the API's JSON shape rather than with an HTML page.

function notAnApiAddress(request: Request) {
  return apiError(
    404,
    `Candor's API has no ${new URL(request.url).pathname}. The addresses are listed in /api/v1/openapi.json.`,
  );
}

export function loader({ request }: LoaderFunctionArgs) {
  return notAnApiAddress(request);
}

export function action({ request }: ActionFunctionArgs) {
  return notAnApiAddress(request);
}
