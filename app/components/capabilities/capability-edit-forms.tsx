import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { editCapabilitySchema } from "../../schemas/capability.ts";
import { ErrorList } from "../ui/field.tsx";
import { CapabilityFields } from "./capability-fields.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

export interface EditableCapability {
  title: string;
  description: string;
  status: CapabilityLevel;
  conditions: string;
  painPoints: string;
  docsUrl: string | null;
  ownerId: string | null;
  version: number;
  reviewCycleDays: number;
}

type Result = SubmissionResult<string[]> | undefined;

/** Edit and "Mark verified", for engineers and admins. Both carry the version the editor saw. */
export function CapabilityEditForms({
  capability,
  owners,
  editResult,
  verifyResult,
}: {
  capability: EditableCapability;
  owners: ReadonlyArray<{ id: string; name: string }>;
  editResult: Result;
  verifyResult: Result;
}) {
  const schema = editCapabilitySchema(capability);
  const [editForm, edit] = useForm({
    id: "edit-capability",
    lastResult: editResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      ...capability,
      docsUrl: capability.docsUrl ?? "",
      ownerId: capability.ownerId ?? "",
      note: "",
      version: String(capability.version),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const [verifyForm] = useForm({ id: "verify-capability", lastResult: verifyResult });
  return (
    <div className="grid-2">
      <section className="panel" aria-labelledby="edit-capability-title">
        <h2 id="edit-capability-title">Edit capability</h2>
        <Form method="post" className="stack" {...getFormProps(editForm)}>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="version" value={capability.version} />
          <ErrorList id={editForm.errorId} errors={editForm.errors} />
          <CapabilityFields
            fields={edit}
            owners={owners}
            noteHint="Required when the status or conditions change; it is shown in the history."
          />
          <div>
            <SubmitButton intent="update">Save changes</SubmitButton>
          </div>
        </Form>
      </section>
      <section className="panel" aria-labelledby="verify-capability-title">
        <h2 id="verify-capability-title">Verify</h2>
        <p className="small">
          Checked that this row is still true today? Marking it verified restarts the {capability.reviewCycleDays}-day
          review cycle and adds a &ldquo;Verified&rdquo; entry to the history.
        </p>
        <Form method="post" {...getFormProps(verifyForm)}>
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="version" value={capability.version} />
          <ErrorList id={verifyForm.errorId} errors={verifyForm.errors} />
          <SubmitButton className="button secondary" intent="verify">
            Mark verified
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
