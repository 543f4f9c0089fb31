import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { CAPABILITY_LEVELS, levelLabel } from "../../domain/levels.ts";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { mapClaimSchema } from "../../schemas/customer-claims.ts";
import { CapabilityPicker, type PickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { ErrorList, SelectField } from "../ui/field.tsx";
import { claimFormOptions } from "./form-options.ts";
import { SubmitButton } from "../ui/submit-button.tsx";

const LEVEL_OPTIONS = CAPABILITY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }));

/**
 * A customer's report reaches the queue as words only (PRODUCT.md §7). The engineer says which
 * matrix row they are about and what the customer was told; the matrix check follows, and the
 * verdict form opens. A mapped report may be mapped again until it has its verdict.
 */
export function MapClaimPanel({
  claim,
  products,
  lastResult,
}: {
  claim: ClaimOnPage;
  products: readonly PickerProduct[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const mapped = claim.assertedLevel !== null;
  const [form, fields] = useForm({
    ...claimFormOptions("map-claim", mapClaimSchema, lastResult),
    defaultValue: mapped
      ? {
          productId: claim.product.id,
          capabilityId: claim.capability?.id ?? NOT_IN_MATRIX,
          assertedLevel: claim.assertedLevel ?? undefined,
        }
      : {},
  });
  const initial = (value: unknown) => (typeof value === "string" ? value : "");
  const [subject, setSubject] = useState<PickedSubject>({
    productId: initial(fields.productId.initialValue),
    capabilityId: initial(fields.capabilityId.initialValue),
  });
  return (
    <section className="panel" aria-labelledby="claim-map">
      <h2 id="claim-map">{mapped ? "Mapping of the customer's words" : "Map the customer's words"}</h2>
      <p className="muted">
        {mapped
          ? "You can change the mapping until the claim has its verdict; the matrix check is computed again as of the claim's date."
          : "Read what the customer wrote, then say which capability it is about and what they were told. The matrix check is computed as of the claim's date, and the verdict form opens."}
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="map" />
        <input type="hidden" name="version" value={claim.version} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <CapabilityPicker
          products={products}
          value={subject}
          onChange={setSubject}
          productMeta={fields.productId}
          capabilityMeta={fields.capabilityId}
          capabilityLabel="Capability"
          extraOption={{ value: NOT_IN_MATRIX, label: "Not in the matrix" }}
          hint="Choose “Not in the matrix” when the customer was told about something the matrix has no row for (then choose the product)."
        />
        <SelectField
          label="What the customer was told"
          meta={fields.assertedLevel}
          options={LEVEL_OPTIONS}
          placeholder="Choose a level"
        />
        <div>
          <SubmitButton intent="map">{mapped ? "Save the mapping" : "Map the claim"}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
