import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { askQuestionSchema, CONTEXT_MAX, QUESTION_MAX } from "../../schemas/engineer-question.ts";
import { ErrorList, TextareaField } from "../ui/field.tsx";
import { CapabilityPicker, type PickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

/** "Ask before you claim": the salesperson's question to engineering. */
export function AskForm({
  products,
  lastResult,
}: {
  products: readonly PickerProduct[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: "ask-question",
    lastResult,
    constraint: getZodConstraint(askQuestionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askQuestionSchema }),
  });
  const [subject, setSubject] = useState<PickedSubject>({
    productId: fields.productId.initialValue ?? "",
    capabilityId: fields.capabilityId.initialValue ?? "",
  });
  return (
    <section className="panel" aria-labelledby="ask-title">
      <h2 id="ask-title">New question</h2>
      <p className="muted small">
        Not sure what the product does? Ask before you tell the customer. The answer comes back here and on your home
        page.
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <CapabilityPicker
          products={products}
          value={subject}
          onChange={setSubject}
          productMeta={fields.productId}
          capabilityMeta={fields.capabilityId}
          capabilityLabel="Capability (optional)"
          extraOption={{ value: "", label: "None: a general question about the product" }}
          hint="The matrix row the question is about, with what the matrix says today."
        />
        <TextareaField
          label="Your question"
          meta={fields.question}
          rows={4}
          hint={`At most ${QUESTION_MAX} characters.`}
        />
        <TextareaField
          label="Context"
          meta={fields.context}
          rows={3}
          hint={`Optional: the customer and what they need, e.g. “Acme want to export 2 million rows to Excel 2010”. At most ${CONTEXT_MAX} characters.`}
        />
        <div>
          <SubmitButton>Send the question</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
