import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPeriodForm } from "../components/comp/new-period-form.tsx";
import { OwnStatementsTable, PeriodsTable } from "../components/comp/periods-table.tsx";
import { permissionScope, userHasPermission } from "../domain/permissions.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission, requireUserWithScope } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createPeriod, listPeriods } from "../models/comp-periods.server.ts";
import { listOwnStatements } from "../models/comp-statements.server.ts";
import { newPeriodSchema } from "../schemas/comp.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Compensation · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUserWithScope(
    request,
    "read:statement",
    "Compensation statements are for salespeople, their managers and admins.",
  );
  const computeScope = permissionScope(user, "compute:comp");
  return {
    userId: user.id,
    scope,
    periods: scope === "own" ? [] : await listPeriods(),
    ownStatements: scope === "own" ? await listOwnStatements(user.id) : [],
    canCompute: computeScope !== null,
    computeLabel: computeScope === "team" ? "for my teams" : "for everyone",
    canCreate: userHasPermission(user, "lock:comp"),
    canEditPlan: userHasPermission(user, "edit:plan"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "lock:comp", "Only admins can create compensation periods.");
  const submission = parseSubmission(await readForm(request), { schema: newPeriodSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { name, startsOn, endsOn } = submission.value;
  const outcome = await createPeriod(auditContextFrom(request, admin.id), {
    name,
    startsOn: new Date(`${startsOn}T00:00:00Z`),
    endsOn: new Date(`${endsOn}T00:00:00Z`),
  });
  if (!outcome.ok) return answerRefusal(outcome, submission);
  return redirectWithToast(`/comp/${encodeURIComponent(outcome.value.name)}`, {
    kind: "success",
    message: `Created the period ${outcome.value.name}.`,
  });
}

export default function CompPage() {
  const { userId, scope, periods, ownStatements, canCompute, computeLabel, canCreate, canEditPlan } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Compensation</h1>
      {scope === "own" ? (
        <>
          <p className="muted">
            Each statement shows every claim, quiz attempt and survey that counted, and the arithmetic from them to your
            payout. Statements of a locked period never change; a later correction is paid as an adjustment in the next
            open period.
          </p>
          <OwnStatementsTable statements={ownStatements} userId={userId} />
        </>
      ) : (
        <>
          <p className="muted">
            {scope === "team"
              ? "Periods and the statements of the salespeople in the teams you manage."
              : "Every period and statement."}{" "}
            Open periods can be computed again at any time; a locked period is frozen for good.
            {canEditPlan ? (
              <>
                {" "}
                The plan&apos;s weights and rules are on <Link to="/admin/plan">the plan page</Link>.
              </>
            ) : null}
          </p>
          <PeriodsTable periods={periods} canCompute={canCompute} computeLabel={computeLabel} />
          {canCreate ? <NewPeriodForm lastResult={actionData?.result} /> : null}
        </>
      )}
    </>
  );
}
