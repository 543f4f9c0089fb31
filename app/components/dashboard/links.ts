// Drill-down addresses of the dashboard: the claims table (/claims, filters of
// app/domain/claims-filter.ts), quiz statistics and people pages.
import type { ClaimsFilter } from "../../domain/claims-filter.ts";

export function claimsHref(filter: ClaimsFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === "string" && value) params.set(key, value);
  const text = params.toString();
  return text ? `/claims?${text}` : "/claims";
}

export function dashboardHref(
  path: "/dashboard" | "/dashboard/scorecard",
  view: { period?: string | null; team?: string | null },
): string {
  const params = new URLSearchParams();
  if (view.period) params.set("period", view.period);
  if (view.team) params.set("team", view.team);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const personHref = (userId: string) => `/people/${encodeURIComponent(userId)}`;
export const quizStatsHref = (quizId: string) => `/quizzes/${encodeURIComponent(quizId)}/stats`;

/** The deals table searched for one deal's CRM id. */
export const dealHref = (externalId: string) => `/deals?q=${encodeURIComponent(externalId)}`;

/** "Log an observed claim" for a deal: /claims/new with the deal and its salesperson chosen. */
export function logObservedClaimHref(deal: { dealId: string; salespersonId: string }): string {
  return `/claims/new?${new URLSearchParams({ salespersonId: deal.salespersonId, dealId: deal.dealId }).toString()}`;
}

/** "Import the conversation" for a deal. */
export const importConversationHref = (dealId: string) =>
  `/conversations/import?${new URLSearchParams({ dealId }).toString()}`;
