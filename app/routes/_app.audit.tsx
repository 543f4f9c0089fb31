import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterBar, FilterInput } from "../components/ui/filter-bar.tsx";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { auditEntityLabel } from "../domain/audit-vocabulary.ts";
import { addDays } from "../domain/dates.ts";
import { dayParam, listQuerySchema, pageParam, parseListQuery, textParam } from "../domain/list-query.ts";
import { NONE } from "../domain/format.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { listAuditEvents } from "../models/audit-log.server.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { When } from "../components/ui/when.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Audit log · Candor" }];

// A filter the server cannot read is dropped rather than failing the page.
const filterSchema = listQuerySchema({
  action: textParam(100),
  actor: textParam(254),
  entityType: textParam(60),
  from: dayParam(),
  to: dayParam(),
  page: pageParam(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope, audience } = await requireUserWithAudience(request, "read:audit");
  const filters = parseListQuery(filterSchema, new URL(request.url).searchParams).value;
  // Dates are whole UTC days; "to" includes its whole day.
  const log = await listAuditEvents(audience, {
    actionPrefix: filters.action,
    actorEmail: filters.actor,
    entityType: filters.entityType,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    until: filters.to ? addDays(new Date(`${filters.to}T00:00:00Z`), 1) : undefined,
    page: filters.page,
  });
  return { ...log, filters, allTeams: scope === "any" };
}

function filterSearch(filters: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && key !== "page") search.set(key, String(value));
  }
  return search;
}

type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

const EVENT_COLUMNS: SimpleColumns<AuditEventRow> = [
  { header: "When", cell: (event) => <When at={event.at} withTime /> },
  {
    header: "Actor",
    cell: (event) =>
      event.actor ? <span title={event.actor.email}>{event.actor.name}</span> : <span className="muted">System</span>,
  },
  {
    header: "Action",
    cell: (event) => (
      <>
        {event.actionLabel}
        {/* The event's code stays in reach: admins filter by it ("Action starts with"). */}
        <div className="muted small">
          <code>{event.action}</code>
        </div>
      </>
    ),
  },
  {
    header: "Record",
    cell: (event) => (
      <>
        {event.entityLabel}
        <div className="muted small">{event.entityId}</div>
      </>
    ),
  },
  {
    header: "Changes",
    className: "small",
    cell: (event) => (
      <>
        {event.changes.length === 0 ? <span className="muted">—</span> : null}
        {event.changes.map((change) => (
          <div key={change.key}>
            <strong>{change.field}</strong>:{" "}
            {change.before === NONE ? null : (
              <>
                <del>{change.before}</del> →{" "}
              </>
            )}
            <ins>{change.after}</ins>
          </div>
        ))}
      </>
    ),
  },
];

export default function AuditPage() {
  const { events, total, page, pageCount, entityTypes, filters, allTeams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        {allTeams ? "Every recorded change, newest first." : "Changes that concern the teams you manage, newest first."}{" "}
        Entries cannot be edited or removed.
      </p>
      <FilterBar label="Filter the audit log">
        <FilterInput
          name="action"
          label="Action code starts with"
          placeholder="claim."
          defaultValue={filters.action}
          hint="The code under each action, e.g. claim.verify"
        />
        <FilterInput name="actor" label="Actor email" defaultValue={filters.actor} />
        <FilterSelect
          id="filter-entity"
          name="entityType"
          label="Kind of record"
          anyLabel="Any"
          defaultValue={filters.entityType}
          options={entityTypes.map((type) => ({ value: type, label: auditEntityLabel(type) }))}
        />
        <FilterInput name="from" label="From (UTC)" type="date" defaultValue={filters.from} />
        <FilterInput name="to" label="To (UTC, inclusive)" type="date" defaultValue={filters.to} />
      </FilterBar>

      <p className="muted small" role="status">
        {total} event{total === 1 ? "" : "s"}
      </p>
      <SimpleTable
        label="Audit events, newest first"
        columns={EVENT_COLUMNS}
        rows={events}
        rowKey={(event) => event.id}
        empty="No events match these filters."
      />
      <Pagination
        page={page}
        pageCount={pageCount}
        search={filterSearch(filters)}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </>
  );
}
