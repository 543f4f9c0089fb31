import { useForm, type SubmissionResult } from "@conform-to/react";
import { CapabilityPicker, usePickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { QUESTION_TYPES, questionTypeLabel } from "../../domain/levels.ts";
import type { QuestionContent } from "../../domain/quiz-rules.ts";
import { MAX_CHOICES, questionFormSchema } from "../../schemas/quiz.ts";
import { InputField, SelectField, TextareaField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";

export interface QuestionFormDefaults extends QuestionContent {
  productId: string;
}

export function QuestionForm({
  products,
  defaults,
  version,
  lastResult,
  submitLabel,
}: {
  products: readonly PickerProduct[];
  defaults: QuestionFormDefaults | null;
  version: number | null;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    ...conformOptions("question-form", questionFormSchema, lastResult),
    defaultValue: defaults
      ? {
          productId: defaults.productId,
          capabilityId: defaults.capabilityId ?? "",
          type: defaults.type,
          prompt: defaults.prompt,
          choices: defaults.type === "TRUE_FALSE" ? "" : defaults.choices.join("\n"),
          correct: defaults.correct.map((i) => i + 1).join(", "),
          explanation: defaults.explanation,
        }
      : { type: "SINGLE" },
  });
  const picker = usePickedSubject(fields);
  return (
    <ConformForm
      form={form}
      intent="save"
      hidden={version !== null ? { version } : undefined}
      submitLabel={submitLabel}
    >
      <CapabilityPicker
        products={products}
        {...picker}
        capabilityLabel="Capability (optional)"
        extraOption={{ value: "", label: "None: not about one capability" }}
        hint="When this capability's status or conditions change, the question waits for your review before it is drawn again."
      />
      <SelectField
        label="Kind of question"
        meta={fields.type}
        options={QUESTION_TYPES.map((t) => ({ value: t, label: questionTypeLabel(t) }))}
      />
      <TextareaField label="Question" meta={fields.prompt} rows={3} />
      <TextareaField
        label="Choices"
        meta={fields.choices}
        rows={5}
        hint={`One per line, 2 to ${MAX_CHOICES}. Left out for true/false questions, whose choices are “True” and “False”.`}
      />
      <InputField
        label="Right choice(s)"
        meta={fields.correct}
        hint="The number of the right choice, counting from 1 (true/false: 1 = True, 2 = False). Multiple choice: every right one, e.g. “1, 3”."
      />
      <TextareaField
        label="Explanation"
        meta={fields.explanation}
        rows={3}
        hint="Shown with the right answer on every result page."
      />
    </ConformForm>
  );
}
