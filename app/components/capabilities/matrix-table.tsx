import { Link } from "@remix-run/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { safeDocsUrl } from "../../domain/spec-sheet.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { LastVerified, ReviewDue } from "./review-status.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface MatrixRow {
  id: string;
  key: string;
  title: string;
  status: CapabilityLevel;
  conditions: string;
  painPoints: string;
  docsUrl: string | null;
  verifiedAt: Date | null;
  reviewDueAt: Date | null;
  stale: boolean;
  owner: { name: string } | null;
  verifiedBy: { name: string } | null;
}

function Text({ value }: { value: string }) {
  return value.trim() === "" ? <span className="muted">—</span> : <>{value}</>;
}

/** A link to the docs, only for http(s) addresses. */
export function DocsLink({ url, title }: { url: string | null; title: string }) {
  const href = safeDocsUrl(url);
  if (!href) return <span className="muted">—</span>;
  return (
    <a href={href} rel="noreferrer noopener" target="_blank">
      Docs<span className="visually-hidden"> for {title} (opens in a new tab)</span>
    </a>
  );
}

function matrixColumns(productSlug: string): SimpleColumns<MatrixRow> {
  return [
    {
      header: "Capability",
      rowHeader: true,
      cell: (row) => (
        <>
          <Link to={`/capabilities/${productSlug}/${row.key}`}>{row.title}</Link>
          <div className="muted small">
            <code>{row.key}</code>
          </div>
        </>
      ),
    },
    { header: "Status", cell: (row) => <LevelBadge level={row.status} /> },
    { header: "Conditions and limitations", cell: (row) => <Text value={row.conditions} /> },
    { header: "Customer pain points", cell: (row) => <Text value={row.painPoints} /> },
    { header: "Docs", cell: (row) => <DocsLink url={row.docsUrl} title={row.title} /> },
    { header: "Owner", cell: (row) => row.owner?.name ?? <span className="muted">No owner</span> },
    {
      header: "Last verified",
      cell: (row) => <LastVerified verifiedAt={row.verifiedAt} verifiedBy={row.verifiedBy} />,
    },
    { header: "Review due", cell: (row) => <ReviewDue reviewDueAt={row.reviewDueAt} stale={row.stale} /> },
  ];
}

export function MatrixTable({
  productSlug,
  productName,
  rows,
}: {
  productSlug: string;
  productName: string;
  rows: readonly MatrixRow[];
}) {
  return (
    <SimpleTable
      label={`${productName} capability matrix`}
      hiddenCaption
      className="matrix-table"
      columns={matrixColumns(productSlug)}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.stale ? "stale-row" : undefined)}
      empty="No capabilities match these filters."
    />
  );
}
