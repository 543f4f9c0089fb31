import { notFound } from "./session.server.ts";
import type { TeamOption } from "../models/dashboard.server.ts";

/**
 * The teams a dashboard or scorecard shows: the one named in the URL (which must be one the
 * reader may see — any other id answers 404, so a team's existence does not leak), else all.
 */
export function resolveDashboardTeams(
  teams: readonly TeamOption[],
  requested: string | null,
): { team: string | null; inView: TeamOption[] } {
  if (!requested || requested.trim() === "") return { team: null, inView: [...teams] };
  const chosen = teams.find((team) => team.id === requested);
  if (!chosen) notFound("We could not find that team among the teams you can see.");
  return { team: chosen.id, inView: [chosen] };
}
