// The one set of formatters for everything a person reads: pages, CSV exports, statement
// reasons, a claim's history, messages built on the server (ADR 010, ADR 018).
//
// - Dates in words, in UTC: "3 Dec 2026"; times "3 Dec 2026, 14:05 UTC".
// - Percentages as "80%" (no space, never a bare fraction such as 0.80); scores, which are
//   fractions in [0, 1] (PRODUCT.md §4), are shown as percentages.
// - Money as "$1,234.56" (integer cents in, never a float out of the database).
//
// Pure and locale-free on purpose: the domain layer words reasons and messages with these, the
// browser renders pages with them, and both must produce the same text to the character (a
// hydration mismatch otherwise). Intl's "en-GB" short months differ between ICU versions
// ("Sep" or "Sept"), so months are spelt from a fixed list.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** What an empty value reads as on a page. CSV cells stay empty instead (the caller decides). */
export const NONE = "—";

type DateInput = Date | string | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const two = (n: number) => String(n).padStart(2, "0");

/** "3 Dec 2026" (the UTC day); "—" for no date. */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  if (date === null) return NONE;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()}`;
}

/** A calendar month "2026-03" as "Mar 2026"; anything else is returned as it is. */
export function formatMonth(month: string): string {
  const name = /^\d{4}-\d{2}$/.test(month) ? MONTHS[Number(month.slice(5)) - 1] : undefined;
  return name ? `${name} ${month.slice(0, 4)}` : month;
}

/** "3 Dec 2026, 14:05 UTC"; "—" for no date. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  if (date === null) return NONE;
  return `${formatDate(date)}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

/** Dates and times inside free text written by Candor itself (ISO 8601), reworded; anything else is left alone. */
export function formatIsoInText(text: string): string {
  return text
    .replace(/\b(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)\b/g, (match) =>
      formatDateTime(match),
    )
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b(?![-:T\d])/g, (match) =>
      toDate(`${match}T00:00:00Z`) === null ? match : formatDate(`${match}T00:00:00Z`),
    );
}

/** Whole numbers with thousands separators: 1,234. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return NONE;
  const sign = value < 0 ? "-" : "";
  const [whole = "0", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A fraction as a percentage: 0.8 → "80%", with `digits` decimals (a statement shows scores to
 * two, the precision of its four-decimal figures). "—" for no value.
 */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  // Scaled in integers first, so 0.285 reads 29% (not 28% from 28.499999999999996).
  const scaled = Math.round(Math.abs(value) * 100 * 10 ** digits + 1e-9) / 10 ** digits;
  const sign = value < 0 && scaled !== 0 ? "-" : "";
  return `${sign}${scaled.toFixed(digits)}%`;
}

/** Integer cents as dollars: 123456 → "$1,234.56", -100 → "-$1.00"; "—" for no amount. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return NONE;
  const magnitude = Math.abs(Math.round(cents));
  const whole = formatCount(Math.floor(magnitude / 100));
  return `${cents < 0 ? "-" : ""}$${whole}.${two(magnitude % 100)}`;
}

/** A difference in money with its sign: "+$7.00", "-$7.00", "$0.00". */
export function formatSignedCents(cents: number): string {
  return `${cents > 0 ? "+" : ""}${formatCents(cents)}`;
}
