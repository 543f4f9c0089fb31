import { madeAtFromDay } from "../../domain/claim-rules.ts";
import { isCapabilityLevel, type CapabilityLevel } from "../../domain/levels.ts";
import { checkClaimAgainstMatrix, revisionInForce } from "../../domain/matrix-check.ts";
import { NOT_IN_MATRIX } from "../../schemas/claims.ts";
import { MatrixCheckNotice } from "./matrix-check-notice.tsx";

type Revision = { status: CapabilityLevel; conditions: string; validFrom: Date };

export interface PreviewProduct {
  id: string;
  reviewCycleDays: number;
  capabilities: ReadonlyArray<{ id: string; revisions: readonly Revision[] }>;
}

export interface PreviewInput {
  productId: string;
  capabilityId: string;
  assertedLevel: string;
  madeOn: string;
}

/** The check for the form's current values, or null until capability, level and date are chosen. */
function previewCheck(products: readonly PreviewProduct[], input: PreviewInput, now: Date) {
  const madeAt = madeAtFromDay(input.madeOn, now);
  const offMatrix = input.capabilityId === NOT_IN_MATRIX;
  const product = products.find((candidate) =>
    offMatrix
      ? candidate.id === input.productId
      : candidate.capabilities.some((capability) => capability.id === input.capabilityId),
  );
  const capability = product?.capabilities.find((candidate) => candidate.id === input.capabilityId) ?? null;
  const assertedLevel = input.assertedLevel;
  if (!product || (!capability && !offMatrix) || !isCapabilityLevel(assertedLevel) || madeAt === null) return null;
  const revision = capability ? revisionInForce(capability.revisions, madeAt) : null;
  return {
    assertedLevel,
    revision,
    result: checkClaimAgainstMatrix({ assertedLevel, madeAt, revision, reviewCycleDays: product.reviewCycleDays }),
  };
}

/**
 * The matrix check while the form is filled in, computed in the browser by the same pure
 * function the server runs on submit (the server's result is the one stored).
 */
export function MatrixCheckPreview({ products, input }: { products: readonly PreviewProduct[]; input: PreviewInput }) {
  const check = previewCheck(products, input, new Date());
  return (
    <section className="check-preview" aria-labelledby="check-preview-title" aria-live="polite">
      <h2 id="check-preview-title">What the matrix says</h2>
      {check ? (
        <MatrixCheckNotice result={check.result} assertedLevel={check.assertedLevel} revision={check.revision} />
      ) : (
        <p className="muted small">
          Choose the capability, what the customer was told and the date, and the matrix check shows here at once.
        </p>
      )}
    </section>
  );
}
