import { Form } from "@remix-run/react";
import { needsCustomerCorrection } from "../../domain/claim-rules.ts";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { When } from "../ui/when.tsx";
import { MatrixCheckNotice } from "./matrix-check-notice.tsx";
import { RevisionCompare } from "./revision-compare.tsx";
import { SubmitButton } from "../ui/submit-button.tsx";

/** The check stored when the claim was logged, the row it used beside today's, and the customer correction. */
export function MatrixCheckPanel({ claim, canMarkCorrected }: { claim: ClaimOnPage; canMarkCorrected: boolean }) {
  return (
    <section className="panel" aria-labelledby="claim-check">
      <h2 id="claim-check">Matrix check</h2>
      <MatrixCheckNotice result={claim.matrixCheck} assertedLevel={claim.assertedLevel} revision={claim.revision} />
      {claim.customerCorrectedAt ? (
        <p>
          <span className="badge good">Customer corrected</span> <When at={claim.customerCorrectedAt} withTime />
        </p>
      ) : canMarkCorrected ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="correct" />
          <SubmitButton className="button secondary" intent="correct">
            I corrected this with the customer
          </SubmitButton>
          <span className="muted small">Records that the customer has been told the truth.</span>
        </Form>
      ) : needsCustomerCorrection(claim) ? (
        <p className="muted small">No correction of the customer has been recorded.</p>
      ) : null}
      <RevisionCompare claim={claim} />
    </section>
  );
}
