import { useForm, type SubmissionResult } from "@conform-to/react";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { mapClaimSchema } from "../../schemas/customer-claims.ts";
import { usePickedSubject, type PickerProduct } from "../capabilities/capability-picker.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { ClaimSubjectFields } from "./claim-subject-fields.tsx";

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
    ...conformOptions("map-claim", mapClaimSchema, lastResult),
    defaultValue: mapped
      ? {
          productId: claim.product.id,
          capabilityId: claim.capability?.id ?? NOT_IN_MATRIX,
          assertedLevel: claim.assertedLevel ?? undefined,
        }
      : {},
  });
  const picker = usePickedSubject(fields);
  return (
    <section className="panel" aria-labelledby="claim-map">
      <h2 id="claim-map">{mapped ? "Mapping of the customer's words" : "Map the customer's words"}</h2>
      <p className="muted">
        {mapped
          ? "You can change the mapping until the claim has its verdict; the matrix check is computed again as of the claim's date."
          : "Read what the customer wrote, then say which capability it is about and what they were told. The matrix check is computed as of the claim's date, and the verdict form opens."}
      </p>
      <ConformForm
        form={form}
        intent="map"
        hidden={{ version: claim.version }}
        submitLabel={mapped ? "Save the mapping" : "Map the claim"}
      >
        <ClaimSubjectFields
          products={products}
          picker={picker}
          assertedLevel={fields.assertedLevel}
          hint="Choose “Not in the matrix” when the customer was told about something the matrix has no row for (then choose the product)."
        />
      </ConformForm>
    </section>
  );
}
