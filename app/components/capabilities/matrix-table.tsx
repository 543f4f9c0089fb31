import { Link } from "@remix-run/react";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { safeDocsUrl } from "../../domain/spec-sheet.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { LastVerified, ReviewDue } from "./review-status.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";

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
    <TableScroll label={`${productName} capability matrix`}>
      <table className="matrix-table">
        <caption className="visually-hidden">{productName} capability matrix</caption>
        <thead>
          <tr>
            <th scope="col">Capability</th>
            <th scope="col">Status</th>
            <th scope="col">Conditions and limitations</th>
            <th scope="col">Customer pain points</th>
            <th scope="col">Docs</th>
            <th scope="col">Owner</th>
            <th scope="col">Last verified</th>
            <th scope="col">Review due</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                No capabilities match these filters.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.id} className={row.stale ? "stale-row" : undefined}>
              <th scope="row">
                <Link to={`/capabilities/${productSlug}/${row.key}`}>{row.title}</Link>
                <div className="muted small">
                  <code>{row.key}</code>
                </div>
              </th>
              <td>
                <LevelBadge level={row.status} />
              </td>
              <td>
                <Text value={row.conditions} />
              </td>
              <td>
                <Text value={row.painPoints} />
              </td>
              <td>
                <DocsLink url={row.docsUrl} title={row.title} />
              </td>
              <td>{row.owner?.name ?? <span className="muted">No owner</span>}</td>
              <td>
                <LastVerified verifiedAt={row.verifiedAt} verifiedBy={row.verifiedBy} />
              </td>
              <td>
                <ReviewDue reviewDueAt={row.reviewDueAt} stale={row.stale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
