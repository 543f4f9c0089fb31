import type { FieldMetadata } from "@conform-to/react";
import { NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { LEVEL_OPTIONS } from "../../schemas/capability.ts";
import { CapabilityPicker, type PickerProduct, type PickerState } from "../capabilities/capability-picker.tsx";
import { SelectField } from "../ui/field.tsx";

/**
 * What a claim is about — product, capability or "Not in the matrix" — and the level the
 * customer was told: the fields the new-claim form and the mapping of a customer's words share.
 */
export function ClaimSubjectFields({
  products,
  picker,
  assertedLevel,
  hint,
}: {
  products: readonly PickerProduct[];
  picker: PickerState;
  assertedLevel: FieldMetadata<string | undefined>;
  hint: string;
}) {
  return (
    <>
      <CapabilityPicker
        products={products}
        {...picker}
        capabilityLabel="Capability"
        extraOption={{ value: NOT_IN_MATRIX, label: "Not in the matrix" }}
        hint={hint}
      />
      <SelectField
        label="What the customer was told"
        meta={assertedLevel}
        options={LEVEL_OPTIONS}
        placeholder="Choose a level"
      />
    </>
  );
}
