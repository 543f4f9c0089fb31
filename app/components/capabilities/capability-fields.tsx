import type { FieldMetadata } from "@conform-to/react";
import { LEVEL_OPTIONS } from "../../schemas/capability.ts";
import { InputField, SelectField, TextareaField } from "../ui/field.tsx";

type Meta = FieldMetadata<string | undefined | null>;

export interface CapabilityFieldMetas {
  title: Meta;
  description: Meta;
  status: Meta;
  conditions: Meta;
  painPoints: Meta;
  docsUrl: Meta;
  ownerId: Meta;
  note: Meta;
}

/** The fields the new and edit forms share. */
export function CapabilityFields({
  fields,
  owners,
  noteHint,
}: {
  fields: CapabilityFieldMetas;
  owners: ReadonlyArray<{ id: string; name: string }>;
  noteHint: string;
}) {
  return (
    <>
      <InputField label="Title" meta={fields.title} autoComplete="off" />
      <TextareaField
        label="Description"
        meta={fields.description}
        hint="What it does, in words a customer would understand."
      />
      <SelectField label="Status" meta={fields.status} options={LEVEL_OPTIONS} placeholder="Choose a status" />
      <TextareaField
        label="Conditions and limitations"
        meta={fields.conditions}
        hint='What must be true for it to work, and what it does not do, e.g. "xlsx only; .xls is not supported".'
      />
      <TextareaField
        label="Customer pain points"
        meta={fields.painPoints}
        hint="What customers hate most about it. Internal: not on the spec sheet."
      />
      <InputField label="Docs link" meta={fields.docsUrl} type="url" hint="A full https:// link, or empty." />
      <SelectField
        label="Owner"
        meta={fields.ownerId}
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
        placeholder="Choose an engineer"
      />
      <TextareaField label="Why (note for the history)" meta={fields.note} hint={noteHint} rows={2} />
    </>
  );
}
