import { Link } from "@remix-run/react";
import type { CapabilityLevel, ClaimStatus, MatrixCheckResult } from "../../domain/levels.ts";
import { AssertedLevelBadge, ClaimStatusBadge, MatrixCheckBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";

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
export function ClaimRows({ rows, saidLabel = "You said", caption }: { rows: HomeClaimRow[]; saidLabel?: string; caption?: string }) {
  return (
    <div className="table-wrap">
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Account</th>
            <th scope="col">Product / capability</th>
            <th scope="col">{saidLabel}</th>
            <th scope="col">Matrix check</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((claim) => (
            <tr key={claim.id}>
              <td>
                <Link to={`/claims/${claim.id}`}>{formatDate(claim.madeAt)}</Link>
              </td>
              <td>{claim.accountName}</td>
              <td>
                {claim.product.name}
                {claim.capability ? ` · ${claim.capability.title}` : ""}
              </td>
              <td>
                <AssertedLevelBadge level={claim.assertedLevel} />
              </td>
              <td>
                <MatrixCheckBadge check={claim.matrixCheck} />
              </td>
              <td>
                <ClaimStatusBadge status={claim.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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

/** Claims that told a customer more than the product does, with no correction recorded yet. */
export function ClaimsToCorrect({ count, rows }: { count: number; rows: HomeClaimRow[] }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby="to-correct">
      <h2 id="to-correct">Customers to correct ({count})</h2>
      <p className="muted">
        These claims were judged inaccurate or said more than the matrix. Open one, tell the customer what the product really does, then
        record the correction on the claim.
      </p>
      <ClaimRows rows={rows} />
    </section>
  );
}
