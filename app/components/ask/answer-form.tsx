import { getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { LEVEL_OPTIONS } from "../../schemas/capability.ts";
import { ANSWER_MAX, answerQuestionSchema } from "../../schemas/engineer-question.ts";
import { SelectField, TextareaField } from "../ui/field.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";

/**
 * The engineer's answer, optionally with a new revision of the capability. The update fields
 * show only while the box is ticked (CSS :has, so it works without JavaScript too); the server
 * ignores them otherwise.
 */
export function AnswerForm({
  capability,
  lastResult,
}: {
  capability: { title: string; status: CapabilityLevel; conditions: string; version: number } | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    ...conformOptions("answer-question", answerQuestionSchema, lastResult),
    defaultValue: capability ? { status: capability.status, conditions: capability.conditions } : undefined,
  });
  return (
    <section className="panel" aria-labelledby="answer-form-title">
      <h2 id="answer-form-title">Answer</h2>
      <ConformForm form={form} submitLabel="Send the answer">
        <TextareaField
          label="Your answer"
          meta={fields.answer}
          rows={6}
          hint={`What the salesperson may tell the customer. At most ${ANSWER_MAX} characters.`}
        />
        {capability ? (
          <fieldset className="ask-update">
            <legend>Capability matrix</legend>
            <div className="checkbox">
              <input
                {...getInputProps(fields.updateCapability, { type: "checkbox" })}
                key={fields.updateCapability.key}
              />
              <label htmlFor={fields.updateCapability.id}>Update the capability too</label>
            </div>
            <p className="hint muted small">
              Tick this when the question showed that “{capability.title}” is wrong or incomplete: the answer and a new
              revision are saved together.
            </p>
            <div className="ask-update-fields stack">
              <input type="hidden" name="capabilityVersion" value={capability.version} />
              <SelectField label="New status" meta={fields.status} options={LEVEL_OPTIONS} />
              <TextareaField
                label="Conditions and limitations"
                meta={fields.conditions}
                rows={3}
                hint="Leave empty when there are none."
              />
              <TextareaField
                label="Why the matrix changes"
                meta={fields.note}
                rows={2}
                hint="Kept with the revision in the capability's history."
              />
            </div>
          </fieldset>
        ) : null}
      </ConformForm>
    </section>
  );
}
