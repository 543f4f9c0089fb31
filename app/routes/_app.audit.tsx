import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { formatDateTime } from "../components/ui/format.ts";
import { auditEntityLabel } from "../domain/audit-vocabulary.ts";
import { addDays } from "../domain/dates.ts";
import { dayParam, listQuerySchema, pageParam, parseListQuery, textParam } from "../domain/list-query.ts";
import { NONE } from "../domain/format.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { listAuditEvents } from "../models/audit-log.server.ts";
import { TableScroll } from "../components/ui/table-scroll.tsx";

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

export default function AuditPage() {
  const { events, total, page, pageCount, entityTypes, filters, allTeams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        {allTeams ? "Every recorded change, newest first." : "Changes that concern the teams you manage, newest first."}{" "}
        Entries cannot be edited or removed.
      </p>
      <Form method="get" className="filters" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="filter-action">Action code starts with</label>
          <input
            id="filter-action"
            name="action"
            type="search"
            placeholder="claim."
            defaultValue={filters.action ?? ""}
            aria-describedby="filter-action-hint"
          />
          <span id="filter-action-hint" className="hint">
            The code under each action, e.g. claim.verify
          </span>
        </div>
        <div className="field">
          <label htmlFor="filter-actor">Actor email</label>
          <input id="filter-actor" name="actor" type="search" defaultValue={filters.actor ?? ""} />
        </div>
        <FilterSelect
          id="filter-entity"
          name="entityType"
          label="Kind of record"
          anyLabel="Any"
          defaultValue={filters.entityType}
          options={entityTypes.map((type) => ({ value: type, label: auditEntityLabel(type) }))}
        />
        <div className="field">
          <label htmlFor="filter-from">From (UTC)</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To (UTC, inclusive)</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </Form>

      <p className="muted small" role="status">
        {total} event{total === 1 ? "" : "s"}
      </p>
      <TableScroll label="Audit events, newest first">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {events.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No events match these filters.
                </td>
              </tr>
            ) : null}
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
                </td>
                <td>
                  {event.actor ? (
                    <span title={event.actor.email}>{event.actor.name}</span>
                  ) : (
                    <span className="muted">System</span>
                  )}
                </td>
                <td>
                  {event.actionLabel}
                  {/* The event's code stays in reach: admins filter by it ("Action starts with"). */}
                  <div className="muted small">
                    <code>{event.action}</code>
                  </div>
                </td>
                <td>
                  {event.entityLabel}
                  <div className="muted small">{event.entityId}</div>
                </td>
                <td className="small">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
