import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, handleApiRequest, methodNotAllowed } from "../services/api.server.ts";
import { listClaimsPage } from "../models/claims-table.server.ts";
import { parseClaimsApiQuery } from "../schemas/api-v1.ts";

// GET /api/v1/claims (PRODUCT.md §9): the /claims table's filters, sort and pages as JSON. An
// admin-made token reads every team's claims.

/** The table's note says it ignored a filter; the API refuses it instead, for the same reason. */
function refusedFilter(note: string): string {
  const reason = note.replace(/^Ignored the [^:]+: /, "");
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
}

export function loader({ request }: LoaderFunctionArgs) {
  return handleApiRequest(request, "claims:read", async () => {
    const url = new URL(request.url);
    const parsed = parseClaimsApiQuery(url.searchParams);
    if (!parsed.ok)
      return apiError(400, "Some query parameters cannot be read, so no claims were listed.", parsed.problems);
    const { filter, sort, page, pageSize } = parsed.query;
    const result = await listClaimsPage({ kind: "all" }, filter, sort, page, pageSize);
    if (result.notes.length)
      return apiError(
        400,
        "Some filters name nothing Candor has, so no claims were listed.",
        result.notes.map((note) => ({ field: null, reason: refusedFilter(note) })),
      );
    // The page clamps a page past the end to the last one; a program following links must learn it went too far.
    if (page > result.pageCount)
      return apiError(
        404,
        `There is no page ${page}: these claims fill ${result.pageCount} page${result.pageCount === 1 ? "" : "s"}.`,
      );
    const pageUrl = (target: number) => {
      const next = new URL(url);
      next.searchParams.set("page", String(target));
      return `${next.pathname}${next.search}`;
    };
    return apiJson({
      data: result.rows,
      page: result.page,
      pageSize,
      pageCount: result.pageCount,
      total: result.total,
      links: {
        self: pageUrl(result.page),
        next: result.page < result.pageCount ? pageUrl(result.page + 1) : null,
        prev: result.page > 1 ? pageUrl(result.page - 1) : null,
      },
    });
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
