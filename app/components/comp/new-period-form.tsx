import { useForm, type SubmissionResult } from "@conform-to/react";
import { newPeriodSchema } from "../../schemas/comp.ts";
import { InputField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";

export function NewPeriodForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm(conformOptions("new-period", newPeriodSchema, lastResult));
  return (
    <section className="panel" aria-labelledby="new-period-title">
      <h2 id="new-period-title">New period</h2>
      <p className="muted small">
        A period runs from the start of its first day to the end of its last day (UTC) and may not overlap another. It
        uses the current plan version until it is locked.
      </p>
      <ConformForm form={form} intent="create" submitLabel="Create period">
        <InputField
          label="Name"
          meta={fields.name}
          hint="Part of the page's address, e.g. 2027-Q1."
          autoComplete="off"
        />
        <div className="grid-2">
          <InputField label="First day" meta={fields.startsOn} type="date" />
          <InputField label="Last day" meta={fields.endsOn} type="date" />
        </div>
      </ConformForm>
    </section>
  );
}
