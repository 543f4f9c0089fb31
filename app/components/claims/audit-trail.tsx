import type { ClaimPageData } from "../../models/claims.server.ts";
import { When } from "../ui/when.tsx";

/** Every recorded change to this claim, oldest first. */
export function AuditTrail({ events }: { events: ClaimPageData["auditTrail"] }) {
  return (
    <section className="panel" aria-labelledby="claim-audit">
      <h2 id="claim-audit">Audit trail</h2>
      {events.length === 0 ? (
        <p className="muted">No changes to this claim have been recorded in Candor.</p>
      ) : (
        <ol className="small audit-trail">
          {events.map((event) => (
            <li key={event.id}>
              <When at={event.at} withTime />{" "}
              <code>{event.action}</code> by {event.actorName ?? "the system"}
              {event.changes.length > 0 ? (
                <ul>
                  {event.changes.map((change) => (
                    <li key={change.key}>
                      {change.key}: {change.before} → {change.after}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
