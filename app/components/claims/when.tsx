import { formatDate, formatDateTime } from "../ui/format.ts";

/**
 * A stored UTC instant in the reader's locale. The server renders it in its own locale, so the
 * browser's text may differ at hydration; that difference is expected.
 */
export function When({ at, withTime = false }: { at: Date | null; withTime?: boolean }) {
  if (!at) return <>—</>;
  return (
    <time dateTime={at.toISOString()} suppressHydrationWarning>
      {withTime ? formatDateTime(at) : formatDate(at)}
    </time>
  );
}
