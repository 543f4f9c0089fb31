import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClaimForm } from "../components/claims/claim-form.tsx";
import { SalespersonChooser } from "../components/claims/salesperson-chooser.tsx";
import { madeAtFromDay, utcDayOf } from "../domain/claim-rules.ts";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithScope } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createClaim, getClaimFormOptions } from "../models/claims.server.ts";
import { NOT_IN_MATRIX, newClaimSchema } from "../schemas/claims.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Log a claim · Candor" }];

const CANNOT_LOG = "Your role cannot log claims.";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUserWithScope(request, "log:claim", CANNOT_LOG);
  const params = new URL(request.url).searchParams;
  // ?salesperson= from the chooser; ?salespersonId=&dealId= from links that name a deal.
  const requested = params.get("salesperson") ?? params.get("salespersonId");
  const options = await getClaimFormOptions({ userId: user.id, role: user.role }, requested, params.get("dealId"));
  return { ...options, today: utcDayOf(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireUserWithScope(request, "log:claim", CANNOT_LOG);
  const submission = parseSubmission(await readForm(request), { schema: newClaimSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const values = submission.value;
  const salespersonId = values.salespersonId ?? (scope === "own" ? user.id : null);
  if (!salespersonId)
    return data(
      { result: submission.reply({ formErrors: ["Choose the salesperson who made the claim."] }) },
      { status: 400 },
    );
  const madeAt = madeAtFromDay(values.madeOn, new Date());
  if (!madeAt)
    return data(
      { result: submission.reply({ fieldErrors: { madeOn: ["Enter the date the claim was made."] } }) },
      { status: 400 },
    );

  const outcome = await createClaim(
    auditContextFrom(request, user.id),
    { userId: user.id, role: user.role },
    {
      salespersonId,
      productId: values.productId ?? null,
      capabilityId: values.capabilityId === NOT_IN_MATRIX ? null : values.capabilityId,
      assertedLevel: values.assertedLevel,
      statement: values.statement,
      channel: values.channel,
      madeAt,
      dealId: values.dealId ?? null,
      accountName: values.accountName ?? null,
      evidence: values.evidence ?? "",
    },
  );
  if (!outcome.ok) return answerRefusal(outcome, submission);
  const overstated = outcome.value.matrixCheck === "OVERSTATES";
  return redirectWithToast(`/claims/${outcome.value.id}`, {
    kind: overstated ? "info" : "success",
    message: overstated ? "Claim logged. It promises more than the matrix: see below." : "Claim logged.",
  });
}

export default function LogClaimPage() {
  const { scope, salespeople, salespersonId, products, deals, dealId, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const observed = scope !== "own";
  return (
    <>
      <h1>Log a claim</h1>
      <p className="muted">
        {observed
          ? "Record what you heard a salesperson tell a customer. It is logged as observed, and an engineer verifies it."
          : "Record what you told a customer about the product. The matrix check shows at once; an engineer verifies the claim."}
      </p>
      {observed ? <SalespersonChooser salespeople={salespeople} chosenId={salespersonId} /> : null}
      {salespersonId ? (
        <ClaimForm
          key={salespersonId}
          products={products}
          deals={deals}
          dealId={dealId}
          salespersonId={salespersonId}
          today={today}
          lastResult={actionData?.result}
        />
      ) : (
        <p className="muted">Choose whose claim this is to continue.</p>
      )}
    </>
  );
}
