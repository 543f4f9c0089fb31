import type { ClaimOnPage } from "../../models/claims.server.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";

/** The matrix row as it stood on the claim date, beside the row as it stands today. */
export function RevisionCompare({ claim }: { claim: ClaimOnPage }) {
  const { revision, capability } = claim;
  if (!capability) {
    return (
      <p className="muted">
        The matrix has no row for this, so there is nothing to compare; the engineer judges it on its own.
      </p>
    );
  }
  const changed =
    revision !== null && (revision.status !== capability.status || revision.conditions !== capability.conditions);
  return (
    <div className="revision-compare">
      <div>
        <h3>On the claim date</h3>
        {revision ? (
          <>
            <p>
              <LevelBadge level={revision.status} />
            </p>
            <p>{revision.conditions || <span className="muted">No conditions.</span>}</p>
            <p className="muted small">
              In force since <When at={revision.validFrom} />, by {revision.author.name}
              {revision.note ? ` — ${revision.note}` : ""}
            </p>
          </>
        ) : (
          <p className="muted">The row did not exist yet on the claim date.</p>
        )}
      </div>
      <div>
        <h3>Today</h3>
        <p>
          <LevelBadge level={capability.status} />
          {changed ? <span className="badge info">Changed since the claim</span> : null}
        </p>
        <p>{capability.conditions || <span className="muted">No conditions.</span>}</p>
        <p className="muted small">
          Last verified <When at={capability.verifiedAt} />; review due <When at={capability.reviewDueAt} />
        </p>
      </div>
    </div>
  );
}
