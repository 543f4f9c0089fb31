import { useForm, type SubmissionResult } from "@conform-to/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { editCapabilitySchema } from "../../schemas/capability.ts";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";
import { CapabilityFields } from "./capability-fields.tsx";

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
    ...conformOptions("edit-capability", schema, editResult),
    defaultValue: {
      ...capability,
      docsUrl: capability.docsUrl ?? "",
      ownerId: capability.ownerId ?? "",
      note: "",
      version: String(capability.version),
    },
  });
  const [verifyForm] = useForm({ id: "verify-capability", lastResult: verifyResult });
  return (
    <div className="grid-2">
      <section className="panel" aria-labelledby="edit-capability-title">
        <h2 id="edit-capability-title">Edit capability</h2>
        <ConformForm
          form={editForm}
          intent="update"
          hidden={{ version: capability.version }}
          submitLabel="Save changes"
        >
          <CapabilityFields
            fields={edit}
            owners={owners}
            noteHint="Required when the status or conditions change; it is shown in the history."
          />
        </ConformForm>
      </section>
      <section className="panel" aria-labelledby="verify-capability-title">
        <h2 id="verify-capability-title">Verify</h2>
        <p className="small">
          Checked that this row is still true today? Marking it verified restarts the {capability.reviewCycleDays}-day
          review cycle and adds a &ldquo;Verified&rdquo; entry to the history.
        </p>
        <ConformForm form={verifyForm} className={null} intent="verify" hidden={{ version: capability.version }}>
          <SubmitButton className="button secondary" intent="verify">
            Mark verified
          </SubmitButton>
        </ConformForm>
      </section>
    </div>
  );
}
