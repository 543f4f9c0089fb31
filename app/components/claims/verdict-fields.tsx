import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextareaField } from "../ui/field.tsx";
import { VERDICT_STATUSES } from "../../domain/claim-rules.ts";
import { claimStatusLabel, SEVERITIES, severityLabel } from "../../domain/levels.ts";

type Meta = FieldMetadata<string | undefined>;

const VERDICT_OPTIONS = VERDICT_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) }));
const SEVERITY_OPTIONS = SEVERITIES.map((severity) => ({ value: severity, label: severityLabel(severity) }));
const SEVERITY_HINT = "High: material to the customer's decision. Not needed when the claim is unverifiable.";
const NOTE_HINT = "Required for anything but Accurate: what is true, and what the customer was told.";

/** Verdict, severity and note: an engineer's verdict, and a manager's new verdict when overturning a dispute. */
export function VerdictFields({
  fields,
  labels,
}: {
  fields: { status: Meta; severity: Meta; note: Meta };
  labels: { status: string; severity: string; note: string };
}) {
  return (
    <>
      <SelectField
        label={labels.status}
        meta={fields.status}
        options={VERDICT_OPTIONS}
        placeholder="Choose a verdict"
      />
      <SelectField
        label={labels.severity}
        meta={fields.severity}
        options={SEVERITY_OPTIONS}
        placeholder="Choose a severity"
        hint={SEVERITY_HINT}
      />
      <TextareaField label={labels.note} meta={fields.note} hint={NOTE_HINT} />
    </>
  );
}
