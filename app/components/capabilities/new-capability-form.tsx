import { useForm, type SubmissionResult } from "@conform-to/react";
import { newCapabilitySchema } from "../../schemas/capability.ts";
import { InputField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { CapabilityFields } from "./capability-fields.tsx";

export function NewCapabilityForm({
  lastResult,
  owners,
  reviewCycleDays,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  owners: ReadonlyArray<{ id: string; name: string }>;
  reviewCycleDays: number;
}) {
  const [form, fields] = useForm(conformOptions("new-capability", newCapabilitySchema, lastResult));
  return (
    <section className="panel" aria-labelledby="new-capability-title">
      <h2 id="new-capability-title">New capability</h2>
      <p className="muted small">
        Saving it counts as its first verification: the row is due for review again in {reviewCycleDays} days.
      </p>
      <ConformForm form={form} intent="create" submitLabel="Create capability">
        <InputField
          label="Key"
          meta={fields.key}
          autoComplete="off"
          hint="Part of the page's address, unique in this product, e.g. excel-export."
        />
        <CapabilityFields
          fields={fields}
          owners={owners}
          noteHint='Optional. Kept on the first revision (default "Initial matrix row.").'
        />
      </ConformForm>
    </section>
  );
}
