import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { claimsColumns } from "../components/claims-table/claims-columns.tsx";
import { claimsColumnsToOmit } from "../components/claims-table/claims-column-rules.ts";
import { ClaimsFilters } from "../components/claims-table/claims-filters.tsx";
import { DataTable } from "../components/data-table/data-table.tsx";
import { TableNotes } from "../components/data-table/table-notes.tsx";
import { columnFormRedirect, exportHref, onlyHiddenColumnsChanged } from "../components/data-table/table-url.ts";
import { CLAIM_PAGE_SIZES, hasClaimsFilter, parseClaimsQuery } from "../domain/claims-filter.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { listClaimsPage } from "../models/claims-table.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Claims · Candor" }];

const SCOPE_TEXT = {
  any: "Every claim logged in Candor.",
  team: "The claims of the salespeople in the teams you manage.",
  own: "The claims you have made to customers, with their verdicts.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, audience } = await requireUserWithAudience(request, "read:claim");
  const url = new URL(request.url);
  const canonical = columnFormRedirect(url);
  if (canonical) throw redirect(canonical);
  const query = parseClaimsQuery(url.searchParams);
  const page = await listClaimsPage(audience, query.filter, query.sort, query.page, query.pageSize);
  return { ...page, notes: [...query.notes, ...page.notes], sort: query.sort, pageSize: query.pageSize, scope };
}

// Hiding a column changes only the address; the rows the browser has are still right.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  onlyHiddenColumnsChanged(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

const claimRowId = (row: { id: string }) => row.id;

export default function ClaimsPage() {
  const { rows, total, page, pageSize, filter, notes, options, sort, scope } = useLoaderData<typeof loader>();
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const tableSort = useMemo(() => ({ id: sort.key, dir: sort.dir }), [sort.key, sort.dir]);
  const emptyMessage = hasClaimsFilter(filter)
    ? "No claims match these filters."
    : scope === "own"
      ? "You have not logged any claims yet."
      : "No claims have been logged yet.";

  return (
    <>
      <h1>Claims</h1>
      <p className="muted">{SCOPE_TEXT[scope]}</p>
      {/* Keyed by the applied filter so the fields show it again after "Clear filters" or Back. */}
      <ClaimsFilters key={JSON.stringify(filter)} filter={filter} options={options} search={search} />
      <TableNotes notes={notes} />
      {total > 0 ? (
        <p>
          <a href={exportHref("/claims.csv", search)} download>
            Export {total === 1 ? "this claim" : `these ${total.toLocaleString("en-US")} claims`} as CSV
          </a>
        </p>
      ) : null}
      <DataTable
        caption={scope === "own" ? "Your claims" : "Claims"}
        columns={claimsColumns}
        data={rows}
        getRowId={claimRowId}
        total={total}
        page={page}
        pageSize={pageSize}
        pageSizes={CLAIM_PAGE_SIZES}
        sort={tableSort}
        rowHeader="madeAt"
        omit={claimsColumnsToOmit({ scope, teamCount: options.teams.length })}
        noun={["claim", "claims"]}
        emptyMessage={emptyMessage}
      />
    </>
  );
}
