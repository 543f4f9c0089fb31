import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { DataTable } from "../components/data-table/data-table.tsx";
import { TableNotes } from "../components/data-table/table-notes.tsx";
import { columnFormRedirect, onlyHiddenColumnsChanged } from "../components/data-table/table-url.ts";
import { dealColumns, DealsSearch } from "../components/deals/deals-table.tsx";
import { DEAL_PAGE_SIZES, parseDealsQuery } from "../domain/deals-query.ts";
import { userHasPermission } from "../domain/permissions.ts";
import { forbidden, requireUserWithAudience } from "../services/session.server.ts";
import { listDealsPage } from "../models/deals.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Deals · Candor" }];

const DEALS_FORBIDDEN = "Deals are for managers and admins.";

export async function loader({ request }: LoaderFunctionArgs) {
  // Readers of a team's deals or more; a salesperson's own deals show on their home.
  const { user, scope, audience } = await requireUserWithAudience(request, "read:deal", DEALS_FORBIDDEN);
  if (scope === "own") forbidden(DEALS_FORBIDDEN);
  const url = new URL(request.url);
  // The "Columns" form without JavaScript: answered with the short address that hides them.
  const canonical = columnFormRedirect(url);
  if (canonical) throw redirect(canonical);
  // The same address rules as /claims and the team scorecard: sort=<column>&dir=asc|desc&page&pageSize.
  const query = parseDealsQuery(url.searchParams);
  const result = await listDealsPage(audience, query);
  return {
    ...result,
    q: query.q,
    status: query.status,
    sort: query.sort,
    pageSize: query.pageSize,
    notes: query.notes,
    allTeams: audience.kind === "all",
    canImport: userHasPermission(user, "import:deals"),
    now: new Date(),
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  onlyHiddenColumnsChanged(currentUrl, nextUrl) ? false : defaultShouldRevalidate;

const dealRowId = (row: { id: string }) => row.id;

export default function DealsPage() {
  const { rows, total, page, pageSize, q, status, sort, notes, allTeams, canImport, now } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const columns = useMemo(() => dealColumns(new Date(now)), [now]);
  const tableSort = useMemo(() => ({ id: sort.key, dir: sort.dir }), [sort.key, sort.dir]);
  return (
    <>
      <h1>Deals</h1>
      <p className="muted">
        {allTeams ? "Every deal imported from the CRM." : "The deals of the salespeople in the teams you manage."}{" "}
        Newest close first; choose a column to sort by it.
      </p>
      <p>
        {canImport ? <Link to="/deals/import">Import deals from the CRM</Link> : null}
        {canImport ? " · " : null}
        <Link to="/surveys">Six-month surveys</Link>
      </p>
      <DealsSearch key={`${q}|${status ?? ""}`} q={q} status={status} search={search} />
      <TableNotes notes={notes} />
      <DataTable
        caption="Deals"
        columns={columns}
        data={rows}
        getRowId={dealRowId}
        total={total}
        page={page}
        pageSize={pageSize}
        pageSizes={DEAL_PAGE_SIZES}
        sort={tableSort}
        rowHeader="externalId"
        noun={["deal", "deals"]}
        emptyMessage={q || status ? "No deals match this search." : "No deals have been imported yet."}
      />
    </>
  );
}
