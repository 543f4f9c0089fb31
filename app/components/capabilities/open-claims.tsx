import { Link } from "@remix-run/react";
import type { CapabilityLevel, ClaimStatus } from "../../domain/levels.ts";
import { AssertedLevelBadge, ClaimStatusBadge, LevelBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface OpenClaimRow {
  id: string;
  madeAt: Date;
  assertedLevel: CapabilityLevel | null;
  statement: string;
  accountName: string;
  status: ClaimStatus;
  salesperson: { name: string };
  deal: { externalId: string; status: string } | null;
  then: { status: CapabilityLevel; conditions: string } | null;
}

function Facts({ facts }: { facts: { status: CapabilityLevel; conditions: string } }) {
  return (
    <>
      <LevelBadge level={facts.status} />
      {facts.conditions ? <div className="small">{facts.conditions}</div> : null}
    </>
  );
}

function openClaimColumns(now: { status: CapabilityLevel; conditions: string }): SimpleColumns<OpenClaimRow> {
  return [
    { header: "Made", cell: (claim) => <When at={claim.madeAt} /> },
    { header: "Salesperson", cell: (claim) => claim.salesperson.name },
    {
      header: "Account",
      cell: (claim) => (
        <>
          {claim.accountName}
          {claim.deal ? <div className="muted small">Deal {claim.deal.externalId}</div> : null}
        </>
      ),
    },
    {
      header: "What the salesperson said",
      cell: (claim) => (
        <>
          <AssertedLevelBadge level={claim.assertedLevel} />
          <div className="small">&ldquo;{claim.statement}&rdquo;</div>
        </>
      ),
    },
    {
      header: "Engineering said then",
      cell: (claim) => (claim.then ? <Facts facts={claim.then} /> : <span className="muted">No row yet</span>),
    },
    { header: "Engineering says now", cell: () => <Facts facts={now} /> },
    {
      header: "Claim",
      cell: (claim) => (
        <>
          <ClaimStatusBadge status={claim.status} />{" "}
          <Link to={`/claims/${claim.id}`}>
            View<span className="visually-hidden"> the claim to {claim.accountName}</span>
          </Link>
        </>
      ),
    },
  ];
}

/**
 * Claims still in play that were made before this row last changed: their customers may have
 * been told something engineering no longer says.
 */
export function OpenClaimsSinceChange({
  claims,
  total,
  now,
}: {
  claims: readonly OpenClaimRow[];
  total: number;
  now: { status: CapabilityLevel; conditions: string };
}) {
  return (
    <section aria-labelledby="open-claims-title">
      <h2 id="open-claims-title">Open claims made before the latest change</h2>
      <p className="muted small">
        Pending claims, and claims on open deals, that you may read, made when this row said something other than it
        says now.
      </p>
      {claims.length === 0 ? (
        <p className="muted">None: no open claim about this capability predates its current status and conditions.</p>
      ) : (
        <SimpleTable
          label="Open claims made before the latest change"
          hiddenCaption
          columns={openClaimColumns(now)}
          rows={claims}
          rowKey={(claim) => claim.id}
        />
      )}
      {total > claims.length ? (
        <p className="muted small">
          Showing the {claims.length} most recent of {total}.
        </p>
      ) : null}
    </section>
  );
}
