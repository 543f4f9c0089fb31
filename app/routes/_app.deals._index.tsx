import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DataTable } from "../components/data-table/data-table.tsx";
import { TABLE_PARAMS } from "../components/data-table/table-url.ts";
import { DEAL_PAGE_SIZES, dealColumns, DealsSearch } from "../components/deals/deals-table.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { forbidden, requireUserWithAudience } from "../lib/session.server.ts";
import { listDealsPage } from "../models/deals.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Deals · Candor" }];

const STATUSES = ["OPEN", "WON", "LOST"] as const;
const DEALS_FORBIDDEN = "Deals are for managers and admins.";

export async function loader({ request }: LoaderFunctionArgs) {
  // Readers of a team's deals or more; a salesperson's own deals show on their home.
  const { user, scope, audience } = await requireUserWithAudience(request, "read:deal", DEALS_FORBIDDEN);
  if (scope === "own") forbidden(DEALS_FORBIDDEN);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const rawStatus = url.searchParams.get("status");
  const status = STATUSES.find((candidate) => candidate === rawStatus) ?? null;
  const rawSize = Number(url.searchParams.get(TABLE_PARAMS.pageSize));
  const pageSize = (DEAL_PAGE_SIZES as readonly number[]).includes(rawSize) ? rawSize : DEAL_PAGE_SIZES[0];
  const rawPage = Number(url.searchParams.get(TABLE_PARAMS.page));
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 100_000 ? rawPage : 1;
  const result = await listDealsPage(audience, { q, status, page, pageSize });
  return { ...result, q, status, pageSize, allTeams: audience.kind === "all", canImport: userHasPermission(user, "import:deals"), now: new Date() };
}

const dealRowId = (row: { id: string }) => row.id;

export default function DealsPage() {
  const { rows, total, page, pageSize, q, status, allTeams, canImport, now } = useLoaderData<typeof loader>();
  const columns = useMemo(() => dealColumns(new Date(now)), [now]);
  return (
    <>
      <h1>Deals</h1>
      <p className="muted">{allTeams ? "Every deal imported from the CRM." : "The deals of the salespeople in the teams you manage."}</p>
      <p>
        {canImport ? <Link to="/deals/import">Import deals from the CRM</Link> : null}
        {canImport ? " · " : null}
        <Link to="/surveys">Six-month surveys</Link>
      </p>
      <DealsSearch key={`${q}|${status ?? ""}`} q={q} status={status} />
      <DataTable
        caption="Deals"
        columns={columns}
        data={rows}
        getRowId={dealRowId}
        total={total}
        page={page}
        pageSize={pageSize}
        pageSizes={DEAL_PAGE_SIZES}
        sort={null}
        rowHeader="externalId"
        noun={["deal", "deals"]}
        emptyMessage={q || status ? "No deals match this search." : "No deals have been imported yet."}
      />
    </>
  );
}
