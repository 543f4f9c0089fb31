import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Link } from "@remix-run/react";
import { lockSchema } from "../../schemas/comp.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { InputField } from "../ui/field.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

/**
 * The second step of locking: what locking does, what is still unsettled in the period (time
 * left, claims waiting, open disputes), and the period's name typed to confirm it.
 */
export function LockConfirmation({
  periodName,
  warnings,
  lastResult,
}: {
  periodName: string;
  warnings: readonly string[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: "lock-period",
    lastResult,
    constraint: getZodConstraint(lockSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lockSchema }),
  });
  return (
    <section className="panel" aria-labelledby="lock-title" role="alertdialog" aria-describedby="lock-what">
      <h2 id="lock-title">Lock {periodName}?</h2>
      <div id="lock-what">
        <p>
          Locking first computes every salesperson&apos;s statement once more with today&apos;s data, then freezes them.
          After that:
        </p>
        <ul>
          <li>no one can recompute or unlock {periodName} — there is no way back;</li>
          <li>later changes to its claims, quiz attempts or surveys never alter its statements;</li>
          <li>a change that would have moved a payout is paid as an adjustment line in the next open period.</li>
        </ul>
        {warnings.length > 0 ? (
          <div className="check-notice warn">
            <p>
              <strong>Before you lock {periodName}:</strong>
            </p>
            <ul data-testid="lock-warnings">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
            <p>You can still lock it now.</p>
          </div>
        ) : null}
      </div>
      <ConformForm form={form} intent="lock">
        <InputField label={`Type ${periodName} to confirm`} meta={fields.confirmName} autoComplete="off" />
        <div className="inline-form">
          <SubmitButton intent="lock">Lock {periodName} for good</SubmitButton>{" "}
          <Link to={`/comp/${encodeURIComponent(periodName)}`}>Cancel</Link>
        </div>
      </ConformForm>
    </section>
  );
}
