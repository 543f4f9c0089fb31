import { When } from "../ui/when.tsx";

/** Shown wherever a matrix row appears once its review date has passed: words, not colour alone. */
export function StaleBadge() {
  return <span className="badge bad stale-badge">Stale — review overdue</span>;
}

export function ReviewDue({ reviewDueAt, stale }: { reviewDueAt: Date | null; stale: boolean }) {
  return (
    <span className="review-due">
      {reviewDueAt ? <When at={reviewDueAt} /> : <span className="muted">Never verified</span>}
      {stale ? (
        <>
          {" "}
          <StaleBadge />
        </>
      ) : null}
    </span>
  );
}

export function LastVerified({
  verifiedAt,
  verifiedBy,
}: {
  verifiedAt: Date | null;
  verifiedBy: { name: string } | null;
}) {
  if (!verifiedAt) return <span className="muted">Never</span>;
  return (
    <span>
      <When at={verifiedAt} />
      {verifiedBy ? <span className="muted small"> by {verifiedBy.name}</span> : null}
    </span>
  );
}
