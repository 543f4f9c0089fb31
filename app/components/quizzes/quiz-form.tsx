import { getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { quizFormSchema } from "../../schemas/quiz.ts";
import { ErrorList, InputField, SelectField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";

export interface QuizFormDefaults {
  title: string;
  productId: string | null;
  questionCount: number;
  includeMatrixQuestions: boolean;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  requiredForComp: boolean;
  certificationDays: number;
  published: boolean;
}

function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<boolean | undefined>;
  label: string;
  hint: string;
}) {
  return (
    <div className="field">
      <div className="checkbox">
        <input {...getInputProps(meta, { type: "checkbox" })} key={meta.key} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      <span className="hint">{hint}</span>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function QuizForm({
  products,
  defaults,
  lastResult,
  submitLabel,
}: {
  products: ReadonlyArray<{ id: string; name: string }>;
  defaults: QuizFormDefaults | null;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    ...conformOptions("quiz-form", quizFormSchema, lastResult),
    defaultValue: defaults
      ? {
          ...defaults,
          productId: defaults.productId ?? "",
          passMarkPercent: Math.round(defaults.passMark * 10_000) / 100,
          includeMatrixQuestions: defaults.includeMatrixQuestions ? "on" : undefined,
          requiredForComp: defaults.requiredForComp ? "on" : undefined,
          published: defaults.published ? "on" : undefined,
        }
      : {
          questionCount: 10,
          timeLimitMinutes: 20,
          passMarkPercent: 70,
          maxAttempts: 3,
          certificationDays: 180,
          includeMatrixQuestions: "on",
        },
  });
  return (
    <ConformForm form={form} submitLabel={submitLabel}>
      <InputField label="Title" meta={fields.title} />
      <SelectField
        label="Product"
        meta={fields.productId}
        options={products.map((p) => ({ value: p.id, label: p.name }))}
        placeholder="All products"
        hint="Questions are drawn from this product's bank and matrix."
      />
      <InputField label="Questions per attempt" meta={fields.questionCount} type="number" />
      <CheckboxField
        meta={fields.includeMatrixQuestions}
        label="Include questions generated from the capability matrix"
        hint="One per capability verified within its review cycle, generated when an attempt starts."
      />
      <InputField label="Time limit (minutes)" meta={fields.timeLimitMinutes} type="number" />
      <InputField label="Pass mark (%)" meta={fields.passMarkPercent} type="number" />
      <InputField label="Attempts allowed per 90 days" meta={fields.maxAttempts} type="number" />
      <InputField label="Certification valid for (days)" meta={fields.certificationDays} type="number" />
      <CheckboxField
        meta={fields.requiredForComp}
        label="Required for compensation"
        hint="Its best score counts in the quiz part of the comp formula."
      />
      <CheckboxField meta={fields.published} label="Published" hint="Only published quizzes can be taken." />
    </ConformForm>
  );
}
