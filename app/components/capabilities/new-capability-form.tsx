import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { newCapabilitySchema } from "../../schemas/capability.ts";
import { ErrorList, InputField } from "../ui/field.tsx";
import { CapabilityFields } from "./capability-fields.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

export function NewCapabilityForm({
  lastResult,
  owners,
  reviewCycleDays,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  owners: ReadonlyArray<{ id: string; name: string }>;
  reviewCycleDays: number;
}) {
  const [form, fields] = useForm({
    id: "new-capability",
    lastResult,
    constraint: getZodConstraint(newCapabilitySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCapabilitySchema }),
  });
  return (
    <section className="panel" aria-labelledby="new-capability-title">
      <h2 id="new-capability-title">New capability</h2>
      <p className="muted small">
        Saving it counts as its first verification: the row is due for review again in {reviewCycleDays} days.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <ErrorList id={form.errorId} errors={form.errors} />
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
        <div>
          <SubmitButton intent="create">Create capability</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
