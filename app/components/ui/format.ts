// Formatting shared by pages: the domain's one set of formatters (app/domain/format.ts, ADR 010),
// re-exported here so components keep importing from ui/. Dates read "27 Nov 2026" and
// "27 Nov 2026, 14:05 UTC", percentages "80%", money "$1,234.56" — on the server, in the
// browser, in CSV exports and in reasons worded by the domain alike.
export {
  formatCents,
  formatCount,
  formatDate,
  formatDateTime,
  formatMonth,
  formatPercent,
  formatSignedCents,
} from "../../domain/format.ts";
