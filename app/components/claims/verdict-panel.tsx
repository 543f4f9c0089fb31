import { useForm, type SubmissionResult } from "@conform-to/react";
import type { VerifyDecision } from "../../domain/claim-rules.ts";
import { severityLabel } from "../../domain/levels.ts";
import { verdictAuthorOf } from "../../domain/verdict-author.ts";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { verdictSchema } from "../../schemas/claims.ts";
import { ClaimStatusBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";
import { conformOptions } from "../ui/conform-options.ts";
import { ConformForm } from "../ui/conform-form.tsx";
import { VerdictFields } from "./verdict-fields.tsx";

/** The engineer's verdict, or the form to record it, or why there is none yet. */
export function VerdictPanel({
  claim,
  verify,
  canSeeVerifyForm,
  lastResult,
}: {
  claim: ClaimOnPage;
  verify: VerifyDecision;
  canSeeVerifyForm: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const author = verdictAuthorOf(claim);
  return (
    <section className="panel" aria-labelledby="claim-verdict">
      <h2 id="claim-verdict">Verdict</h2>
      {claim.status === "PENDING" ? (
        <p>
          <ClaimStatusBadge status="PENDING" /> Awaiting an engineer&rsquo;s verdict.
        </p>
      ) : (
        <dl className="facts">
          <dt>Verdict</dt>
          <dd>
            <ClaimStatusBadge status={claim.status} />
          </dd>
          <dt>Severity</dt>
          <dd>{claim.severity ? severityLabel(claim.severity) : "—"}</dd>
          <dt>Note</dt>
          <dd>{claim.verdictNote ?? <span className="muted">None</span>}</dd>
          <dt>{author.kind === "overturned" ? "Verdict set by" : "Verified by"}</dt>
          <dd>
            {author.name ?? "—"}
            {author.at ? (
              <>
                {" on "}
                <When at={author.at} withTime />
              </>
            ) : null}
            {author.kind === "overturned"
              ? `, overturning the verdict ${author.originalName ? `${author.originalName} gave` : "first given"} (see Dispute)`
              : null}
          </dd>
        </dl>
      )}
      {verify.allowed ? (
        <VerdictForm version={claim.version} lastResult={lastResult} />
      ) : canSeeVerifyForm && !verify.alreadyDecided ? (
        <p className="muted">{verify.reason}</p>
      ) : null}
    </section>
  );
}

function VerdictForm({ version, lastResult }: { version: number; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm(conformOptions("verify", verdictSchema, lastResult));
  return (
    <ConformForm
      form={form}
      title="Record your verdict"
      titleId="verdict-form-title"
      intent="verify"
      hidden={{ version }}
      submitLabel="Record verdict"
    >
      <VerdictFields fields={fields} labels={{ status: "Verdict", severity: "Severity", note: "Note" }} />
    </ConformForm>
  );
}
