import { Link } from "@remix-run/react";
import { formatCount } from "../ui/format.ts";
import { useId } from "react";
import { TABLE_PARAMS } from "./table-url.ts";

function PageLink({ to, label, rel }: { to: string | null; label: string; rel?: string }) {
  // A control that leads nowhere is shown, greyed, so the pager keeps its shape.
  if (to === null) {
    return (
      <span className="pager-disabled" aria-disabled="true">
        {label}
      </span>
    );
  }
  return (
    <Link to={to} rel={rel}>
      {label}
    </Link>
  );
}

/** First / previous / next / last and the page size, all plain links carrying the rest of the view. */
export function Pagination({
  page,
  pageCount,
  pageSize,
  pageSizes,
  hrefWith,
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  hrefWith: (changes: Record<string, string | number | null>) => string;
}) {
  const sizesLabel = useId();
  const pageHref = (target: number) =>
    target === page || target < 1 || target > pageCount
      ? null
      : hrefWith({ [TABLE_PARAMS.page]: target === 1 ? null : target });
  return (
    <nav className="pager" aria-label="Pages">
      <div className="pager-pages">
        <PageLink to={pageHref(1)} label="First" />
        <PageLink to={pageHref(page - 1)} label="Previous" rel="prev" />
        <span>
          Page {formatCount(page)} of {formatCount(pageCount)}
        </span>
        <PageLink to={pageHref(page + 1)} label="Next" rel="next" />
        <PageLink to={pageHref(pageCount)} label="Last" />
      </div>
      <div className="pager-sizes">
        <span id={sizesLabel}>Rows per page:</span>
        <ul aria-labelledby={sizesLabel}>
          {pageSizes.map((size) => (
            <li key={size}>
              {size === pageSize ? (
                <span aria-current="true">{size}</span>
              ) : (
                <Link to={hrefWith({ [TABLE_PARAMS.pageSize]: size, [TABLE_PARAMS.page]: null })}>{size}</Link>
              )}
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
