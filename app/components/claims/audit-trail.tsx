import type { ClaimPageData } from "../../models/claims.server.ts";
import { When } from "../ui/when.tsx";

/** Every recorded change to this claim, oldest first, in plain words (domain/claim-history.ts). */
export function AuditTrail({ events }: { events: ClaimPageData["auditTrail"] }) {
  return (
    <section className="panel" aria-labelledby="claim-audit">
      <h2 id="claim-audit">History</h2>
      {events.length === 0 ? (
        <p className="muted">No changes to this claim have been recorded in Candor.</p>
      ) : (
        <ol className="small audit-trail" data-testid="claim-history">
          {events.map((event) => (
            <li key={event.id}>
              <When at={event.at} withTime /> {event.text}
              {event.details.length > 0 ? (
                <ul>
                  {event.details.map((detail) => (
                    <li key={detail}>{detail}</li>
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
