// Formatting shared by pages. Dates are stored in UTC and shown in UTC, in one fixed format
// ("27 Nov 2026", "27 Nov 2026, 14:05 UTC"), so the server's HTML and the browser's render
// agree to the character and a claim's calendar day (PRODUCT.md: stored as a UTC day) reads
// the same for everyone, whatever their machine's time zone.

// Building a formatter costs ~100 µs; a table of dates reuses one.
const dateFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTimeFormat.format(new Date(value))} UTC`;
}

/** Whole counts with thousands separators, the same on server and browser. */
export const formatCount = (value: number) => value.toLocaleString("en-US");

export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
}

export function daysSince(value: Date | string, now = new Date()): number {
  return Math.floor((now.getTime() - new Date(value).getTime()) / 86_400_000);
}
