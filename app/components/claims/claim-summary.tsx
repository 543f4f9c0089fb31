import { Link } from "@remix-run/react";
import { channelLabel, claimSourceLabel } from "../../domain/levels.ts";
import type { ClaimOnPage } from "../../models/claims.server.ts";
import { CUSTOMER_CHANNEL_LABEL, needsMapping } from "../../domain/customer-claims.ts";
import { AssertedLevelBadge } from "../ui/badges.tsx";
import { formatCents } from "../ui/format.ts";
import { When } from "../ui/when.tsx";

const isLink = (text: string) => /^https?:\/\/\S+$/.test(text.trim());

/** Who said what to whom, when and how, and who logged it. */
export function ClaimSummary({ claim }: { claim: ClaimOnPage }) {
  return (
    <section className="panel" aria-labelledby="claim-said">
      <h2 id="claim-said">What was said</h2>
      <blockquote className="claim-statement">{claim.statement}</blockquote>
      <dl className="facts">
        <dt>Salesperson</dt>
        <dd>
          {claim.salesperson.name}
          {claim.salesperson.team ? <span className="muted"> · {claim.salesperson.team.name}</span> : null}
        </dd>
        <dt>Customer was told</dt>
        <dd>
          <AssertedLevelBadge level={claim.assertedLevel} />
        </dd>
        <dt>About</dt>
        <dd>
          {claim.product.name}
          {claim.capability ? (
            <>
              {" · "}
              <Link to={`/capabilities/${claim.product.slug}/${claim.capability.key}`}>{claim.capability.title}</Link>
            </>
          ) : needsMapping(claim) ? (
            <span className="muted"> · to be mapped by an engineer</span>
          ) : (
            <span className="muted"> · not in the matrix</span>
          )}
        </dd>
        <dt>Account</dt>
        <dd>{claim.accountName}</dd>
        <dt>Deal</dt>
        <dd>
          {claim.deal ? (
            `${claim.deal.externalId} · ${claim.deal.status.toLowerCase()} · ${formatCents(claim.deal.amountCents)}`
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Made</dt>
        <dd>
          <When at={claim.madeAt} />{" "}
          {claim.source === "CUSTOMER" ? (
            // The customer does not say how they were told; the day is the deal's close, by which the words had been said.
            <span className="muted">(the deal&rsquo;s close) · channel {CUSTOMER_CHANNEL_LABEL.toLowerCase()}</span>
          ) : (
            <>by {channelLabel(claim.channel).toLowerCase()}</>
          )}
        </dd>
        <dt>Source</dt>
        <dd>
          {claim.source === "CUSTOMER" ? (
            <>
              <span className="badge info">{claimSourceLabel(claim.source)}</span> in the six-month survey, answered on{" "}
              <When at={claim.createdAt} withTime />
            </>
          ) : (
            <>
              {claimSourceLabel(claim.source)}: logged by {claim.loggedBy.name} on{" "}
              <When at={claim.createdAt} withTime />
            </>
          )}
        </dd>
        <dt>Evidence</dt>
        <dd>
          {claim.evidence.trim() === "" ? (
            <span className="muted">None given</span>
          ) : isLink(claim.evidence) ? (
            <a href={claim.evidence.trim()} rel="noreferrer noopener" target="_blank">
              {claim.evidence.trim()}
            </a>
          ) : (
            <q>{claim.evidence}</q>
          )}
        </dd>
      </dl>
    </section>
  );
}
