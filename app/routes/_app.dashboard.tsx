import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatPercent } from "../components/ui/format.ts";
import { permissionScope, ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../lib/session.server.ts";
import { summariseClaimsByTeam } from "../models/claims.server.ts";
import { getManagedTeamIds } from "../models/teams.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction = () => [{ title: "Dashboard · Candor" }];

const DAY = 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = permissionScope(user, "read:dashboard");
  if (!scope) throw redirect(ROLE_HOME[user.role]);
  const teamIds = scope === "any" ? "all" : await getManagedTeamIds(user.id);
  const teams = await summariseClaimsByTeam(teamIds, new Date(Date.now() - 90 * DAY));
  return { name: user.name, scope, teams };
}

export default function Dashboard() {
  const { name, scope, teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dashboard · {name}</h1>
      <p className="muted">{scope === "any" ? "Every team" : "The teams you manage"}, claims made in the last 90 days.</p>
      {teams.length === 0 ? (
        <p>You do not manage any team yet. An admin can add you as a team's manager.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Claims by team in the last 90 days</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="num">Salespeople</th>
                <th scope="col" className="num">Claims</th>
                <th scope="col" className="num">Pending verdict</th>
                <th scope="col" className="num">Overstate the matrix</th>
                <th scope="col" className="num">Accuracy (weighted)</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.teamId}>
                  <th scope="row">{team.teamName}</th>
                  <td className="num">{team.salespeople}</td>
                  <td className="num">{team.claims}</td>
                  <td className="num">{team.pending}</td>
                  <td className="num">{formatPercent(team.claims ? team.overstated / team.claims : null)}</td>
                  <td className="num">{formatPercent(team.weight ? team.weightedCredit / team.weight : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
