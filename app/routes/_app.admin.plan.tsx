import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PlanForm } from "../components/comp/plan-form.tsx";
import { PlanHistory } from "../components/comp/plan-history.tsx";
import type { CompPlanParams } from "../domain/comp-plan.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getPlanPage, savePlan } from "../models/comp-plan.server.ts";
import { planSchema } from "../schemas/comp.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Compensation plan · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "edit:plan", "Only admins can change the compensation plan.");
  return getPlanPage();
}

/** validateCompPlan's keys ("curve.2.x") as the form's field names ("curve[2].x"), mapped back to the rows as typed. */
function formKey(key: string, rowOf: number[]): string {
  const match = /^curve\.(\d+)(?:\.(x|y))?$/.exec(key);
  if (!match) return key;
  const row = rowOf[Number(match[1])] ?? Number(match[1]);
  return match[2] ? `curve[${row}].${match[2]}` : `curve[${row}]`;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "edit:plan", "Only admins can change the compensation plan.");
  const submission = parseSubmission(await readForm(request), { schema: planSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const fieldErrors: Record<string, string[]> = {};
  const rowOf: number[] = [];
  const curve: Array<[number, number]> = [];
  value.curve.forEach((point, row) => {
    if (point.x === undefined && point.y === undefined) return;
    if (point.x === undefined) fieldErrors[`curve[${row}].x`] = ["Enter C for this point, or empty both boxes."];
    if (point.y === undefined) fieldErrors[`curve[${row}].y`] = ["Enter M for this point, or empty both boxes."];
    if (point.x === undefined || point.y === undefined) return;
    rowOf.push(row);
    curve.push([point.x, point.y]);
  });
  if (Object.keys(fieldErrors).length > 0) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const params: CompPlanParams = {
    weights: value.weights,
    accuracyPrior: value.accuracyPrior,
    satisfactionPrior: value.satisfactionPrior,
    curve,
    gates: value.gates,
  };
  const outcome = await savePlan(auditContextFrom(request, admin.id), params, value.requiredQuizIds);
  if (!outcome.ok) {
    const mapped = Object.fromEntries(
      Object.entries(outcome.fieldErrors).map(([key, messages]) => [formKey(key, rowOf), messages]),
    );
    return answerRefusal({ ...outcome, fieldErrors: mapped }, submission);
  }
  return redirectWithToast("/admin/plan", {
    kind: "success",
    message: `Saved plan version ${outcome.value.version}; open periods use it from their next computation.`,
  });
}

export default function PlanPage() {
  const { current, history, quizzes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Compensation plan</h1>
      <p className="muted">
        How claim accuracy (A), required quizzes (Q) and six-month customer satisfaction (S) become the composite C, and
        C the multiplier M on each salesperson&apos;s target bonus. Saving creates version {current.version + 1}: open
        periods use it from their next computation; locked periods keep the version they were computed with. The
        required quizzes are the ones whose certification counts for pay.
      </p>
      <section className="panel" aria-labelledby="plan-edit-title">
        <h2 id="plan-edit-title">
          {current.version === 0 ? "The default plan (never saved)" : `Current plan: version ${current.version}`}
        </h2>
        <PlanForm
          params={current.params}
          quizzes={quizzes}
          nextVersion={current.version + 1}
          lastResult={actionData?.result}
        />
      </section>
      <PlanHistory history={history} />
    </>
  );
}
