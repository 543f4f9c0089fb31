import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { newPeriodSchema } from "../../schemas/comp.ts";
import { ErrorList, InputField } from "../ui/field.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

export function NewPeriodForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "new-period",
    lastResult,
    constraint: getZodConstraint(newPeriodSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPeriodSchema }),
  });
  return (
    <section className="panel" aria-labelledby="new-period-title">
      <h2 id="new-period-title">New period</h2>
      <p className="muted small">
        A period runs from the start of its first day to the end of its last day (UTC) and may not overlap another. It
        uses the current plan version until it is locked.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <ErrorList id={form.errorId} errors={form.errors} />
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
        <div>
          <SubmitButton intent="create">Create period</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
