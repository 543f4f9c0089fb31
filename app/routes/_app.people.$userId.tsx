import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  PersonAttempts,
  PersonClaims,
  PersonFigures,
  PersonStatements,
} from "../components/people/person-sections.tsx";
import { SurveysOfDeals } from "../components/surveys/surveys-of-deals.tsx";
import { notFound, requireUser } from "../services/session.server.ts";
import { audienceFor } from "../models/audience.server.ts";
import { findVisibleSalesperson, getPersonPage } from "../models/people.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.person.name} · Candor` : "Salesperson · Candor" },
];

const NOT_FOUND = "We could not find that salesperson among the people you can see.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Engineers hold no "read:person": for them, too, the page does not exist (404, not 403).
  const audience = await audienceFor(user, "read:person");
  if (!audience) notFound(NOT_FOUND);
  const person = await findVisibleSalesperson(audience, params.userId ?? "");
  if (!person) notFound(NOT_FOUND);
  return getPersonPage(person);
}

export default function PersonPageRoute() {
  const { person, period, figures, claims, attempts, surveys, statements } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {person.name}
        {person.active ? null : <span className="small muted"> (deactivated)</span>}
      </h1>
      <p className="muted">
        Salesperson{person.team ? `, ${person.team.name}` : ", no team"} · {person.email}
      </p>
      <PersonFigures figures={figures} period={period} />
      <PersonClaims personId={person.id} claims={claims} />
      <PersonAttempts attempts={attempts} />
      <SurveysOfDeals reader="manager" total={surveys.total} answered={surveys.answered} surveys={surveys.surveys} />
      <PersonStatements personId={person.id} statements={statements} />
    </>
  );
}
