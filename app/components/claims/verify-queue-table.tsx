import { Link } from "@remix-run/react";
import type { VerificationAge } from "../../domain/claim-rules.ts";
import { needsMapping } from "../../domain/customer-claims.ts";
import {
  claimSourceLabel,
  type CapabilityLevel,
  type ClaimSource,
  type MatrixCheckResult,
} from "../../domain/levels.ts";
import { AssertedLevelBadge, LevelBadge, MatrixCheckBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";
import { SlaBadge } from "./sla-badge.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface QueueRow {
  id: string;
  madeAt: Date;
  accountName: string;
  statement: string;
  assertedLevel: CapabilityLevel | null;
  source: ClaimSource;
  matrixCheck: MatrixCheckResult;
  loggedById: string;
  salesperson: { name: string };
  product: { name: string };
  capability: { title: string } | null;
  revision: { status: CapabilityLevel; conditions: string; validFrom: Date } | null;
  age: VerificationAge;
}

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 217)}…` : text);

function queueColumns(viewerId: string, claimSearch: string): SimpleColumns<QueueRow> {
  return [
    { header: "Made", cell: (row) => <When at={row.madeAt} /> },
    { header: "Waiting", cell: (row) => <SlaBadge age={row.age} /> },
    {
      header: "Claim",
      cell: (row) => (
        <>
          {row.source === "CUSTOMER" ? (
            <div>
              <span className="badge info">{claimSourceLabel("CUSTOMER")}</span>
            </div>
          ) : null}
          <Link to={`/claims/${row.id}${claimSearch}`}>
            {needsMapping(row)
              ? `${row.product.name} · to be mapped`
              : `${row.product.name} · ${row.capability?.title ?? "not in the matrix"}`}
          </Link>
          <div className="small">
            {row.salesperson.name} told {row.accountName}: <AssertedLevelBadge level={row.assertedLevel} />
          </div>
          {needsMapping(row) ? (
            <div className="small muted">
              Map it to a capability and set what the customer was told, then record the verdict.
            </div>
          ) : null}
          <div className="small muted">&ldquo;{excerpt(row.statement)}&rdquo;</div>
          {row.loggedById === viewerId ? (
            <div className="small muted">You logged this claim, so another engineer must verify it.</div>
          ) : null}
        </>
      ),
    },
    {
      header: "Matrix on the claim date",
      cell: (row) =>
        row.revision ? (
          <>
            <LevelBadge level={row.revision.status} />
            <div className="small">{row.revision.conditions || <span className="muted">No conditions</span>}</div>
            <div className="small muted">
              since <When at={row.revision.validFrom} />
            </div>
          </>
        ) : (
          <span className="muted small">No matrix row</span>
        ),
    },
    { header: "Check", cell: (row) => <MatrixCheckBadge check={row.matrixCheck} /> },
  ];
}

/**
 * Pending claims with the matrix row as it stood on each claim's date beside it. `claimSearch` is
 * added to each claim's link, so the claim page can keep the queue's filter ("Next claim").
 */
export function VerifyQueueTable({
  rows,
  viewerId,
  claimSearch = "",
}: {
  rows: readonly QueueRow[];
  viewerId: string;
  claimSearch?: string;
}) {
  return (
    <SimpleTable
      label="Claims awaiting a verdict, oldest first"
      hiddenCaption
      columns={queueColumns(viewerId, claimSearch)}
      rows={rows}
      rowKey={(row) => row.id}
      empty="No claims are waiting for a verdict with these filters."
    />
  );
}
