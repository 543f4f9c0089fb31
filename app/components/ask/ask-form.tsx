import { useForm, type SubmissionResult } from "@conform-to/react";
import { askQuestionSchema, CONTEXT_MAX, QUESTION_MAX } from "../../schemas/engineer-question.ts";
import { TextareaField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { CapabilityPicker, usePickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";

/** "Ask before you claim": the salesperson's question to engineering. */
export function AskForm({
  products,
  lastResult,
}: {
  products: readonly PickerProduct[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm(conformOptions("ask-question", askQuestionSchema, lastResult));
  const picker = usePickedSubject(fields);
  return (
    <section className="panel" aria-labelledby="ask-title">
      <h2 id="ask-title">New question</h2>
      <p className="muted small">
        Not sure what the product does? Ask before you tell the customer. The answer comes back here and on your home
        page.
      </p>
      <ConformForm form={form} submitLabel="Send the question">
        <CapabilityPicker
          products={products}
          {...picker}
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
      </ConformForm>
    </section>
  );
}
