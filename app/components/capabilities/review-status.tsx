import { formatDate, formatDateTime } from "../ui/format.ts";

/** A date as the reader's locale shows it; the server's rendering may differ, so hydration is told not to mind. */
export function When({ value, withTime = false }: { value: Date | null; withTime?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {withTime ? formatDateTime(value) : formatDate(value)}
    </time>
  );
}

/** Shown wherever a matrix row appears once its review date has passed: words, not colour alone. */
export function StaleBadge() {
  return <span className="badge bad stale-badge">Stale — review overdue</span>;
}

export function ReviewDue({ reviewDueAt, stale }: { reviewDueAt: Date | null; stale: boolean }) {
  return (
    <span className="review-due">
      {reviewDueAt ? <When value={reviewDueAt} /> : <span className="muted">Never verified</span>}
      {stale ? (
        <>
          {" "}
          <StaleBadge />
        </>
      ) : null}
    </span>
  );
}

export function LastVerified({ verifiedAt, verifiedBy }: { verifiedAt: Date | null; verifiedBy: { name: string } | null }) {
  if (!verifiedAt) return <span className="muted">Never</span>;
  return (
    <span>
      <When value={verifiedAt} />
      {verifiedBy ? <span className="muted small"> by {verifiedBy.name}</span> : null}
    </span>
  );
}
