import { formatDate, formatDateTime } from "./format.ts";

/** A stored UTC instant as a `<time>` element, in the shared UTC format of ui/format.ts. */
export function When({ at, withTime = false }: { at: Date | null; withTime?: boolean }) {
  if (!at) return <span className="muted">—</span>;
  return <time dateTime={at.toISOString()}>{withTime ? formatDateTime(at) : formatDate(at)}</time>;
}
