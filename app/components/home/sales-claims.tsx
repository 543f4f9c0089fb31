import { Link } from "@remix-run/react";
import type { CapabilityLevel, ClaimStatus, MatrixCheckResult } from "../../domain/levels.ts";
import { AssertedLevelBadge, ClaimStatusBadge, MatrixCheckBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";
import { SimpleTable } from "../ui/simple-table.tsx";

export interface HomeClaimRow {
  id: string;
  madeAt: string | Date;
  accountName: string;
  assertedLevel: CapabilityLevel | null;
  matrixCheck: MatrixCheckResult;
  status: ClaimStatus;
  product: { name: string };
  capability: { title: string } | null;
}

/** A salesperson's claims as a short table: on their home ("You said") and on their page for a manager. */
export function ClaimRows({
  rows,
  saidLabel = "You said",
  caption,
}: {
  rows: HomeClaimRow[];
  saidLabel?: string;
  caption?: string;
}) {
  return (
    <SimpleTable
      label={caption ?? "Claims"}
      caption={caption}
      columns={[
        {
          header: "Made",
          cell: (claim: HomeClaimRow) => <Link to={`/claims/${claim.id}`}>{formatDate(claim.madeAt)}</Link>,
        },
        { header: "Account", cell: (claim) => claim.accountName },
        {
          header: "Product / capability",
          cell: (claim) => (
            <>
              {claim.product.name}
              {claim.capability ? ` · ${claim.capability.title}` : ""}
            </>
          ),
        },
        { header: saidLabel, cell: (claim) => <AssertedLevelBadge level={claim.assertedLevel} /> },
        { header: "Matrix check", cell: (claim) => <MatrixCheckBadge check={claim.matrixCheck} /> },
        { header: "Verdict", cell: (claim) => <ClaimStatusBadge status={claim.status} /> },
      ]}
      rows={rows}
      rowKey={(claim) => claim.id}
    />
  );
}

export function RecentClaims({ rows }: { rows: HomeClaimRow[] }) {
  return (
    <section aria-labelledby="claims">
      <h2 id="claims">Your recent claims</h2>
      {rows.length === 0 ? <p className="muted">You have not logged any claims yet.</p> : <ClaimRows rows={rows} />}
      <p>
        <Link to="/claims">All your claims</Link> · <Link to="/claims/new">Log a claim</Link>
      </p>
    </section>
  );
}

/**
 * Claims whose customer still has to be told the truth (app/domain/next-steps.ts
 * isCustomerToCorrect): the newest few, or all of them with ?correct=all.
 */
export function ClaimsToCorrect({
  count,
  rows,
  showingAll,
}: {
  count: number;
  rows: HomeClaimRow[];
  showingAll: boolean;
}) {
  if (count === 0) return null;
  return (
    <section aria-labelledby="to-correct">
      <h2 id="to-correct">Customers to correct ({count})</h2>
      <p className="muted">
        An engineer judged these claims inaccurate or only partly accurate: the customer was told more than the product
        does. Open one, tell the customer what the product really does, then record the correction on the claim.
      </p>
      <ClaimRows rows={rows} caption={rows.length < count ? `The ${rows.length} most recent of ${count}` : undefined} />
      {rows.length < count && !showingAll ? (
        <p>
          <Link to="/home?correct=all#to-correct">Show all {count} claims to correct</Link>
        </p>
      ) : showingAll && count > SHORT_LIST ? (
        <p>
          <Link to="/home#to-correct">Show only the {SHORT_LIST} most recent</Link>
        </p>
      ) : null}
    </section>
  );
}

const SHORT_LIST = 10;
