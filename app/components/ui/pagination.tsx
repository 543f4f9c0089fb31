import { Link } from "@remix-run/react";
import { useId } from "react";
import { searchWith, TABLE_PARAMS } from "../data-table/table-url.ts";
import { formatCount } from "./format.ts";

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

/**
 * The one pager of every paged list and table: first / previous / "Page N of M" / next / last, and
 * the page sizes when the list offers them. Each control is a plain link carrying `search` (the
 * list's filters, sort and columns) with only the page or page size changed, so paging works
 * without JavaScript and a page can be bookmarked. Nothing is shown for a single page without
 * page sizes.
 */
export function Pagination({
  page,
  pageCount,
  search,
  pathname = "",
  label = "Pages",
  previousLabel = "Previous",
  nextLabel = "Next",
  pageSize,
  pageSizes,
}: {
  page: number;
  pageCount: number;
  search: URLSearchParams;
  /** The list's address when the links must name it (a table on a page with other query state). */
  pathname?: string;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  pageSize?: number;
  pageSizes?: readonly number[];
}) {
  const sizesLabel = useId();
  const sizes = pageSize !== undefined && pageSizes !== undefined && pageSizes.length > 1 ? pageSizes : null;
  if (pageCount <= 1 && !sizes) return null;
  const hrefWith = (changes: Record<string, string | number | null>) => {
    const query = searchWith(search, changes);
    return pathname ? pathname + query : query || "?";
  };
  const pageHref = (target: number) =>
    target === page || target < 1 || target > pageCount
      ? null
      : hrefWith({ [TABLE_PARAMS.page]: target === 1 ? null : target });
  return (
    <nav className="pager" aria-label={label}>
      <div className="pager-pages">
        <PageLink to={pageHref(1)} label="First" />
        <PageLink to={pageHref(page - 1)} label={previousLabel} rel="prev" />
        <span>
          Page {formatCount(page)} of {formatCount(Math.max(pageCount, 1))}
        </span>
        <PageLink to={pageHref(page + 1)} label={nextLabel} rel="next" />
        <PageLink to={pageHref(pageCount)} label="Last" />
      </div>
      {sizes ? (
        <div className="pager-sizes">
          <span id={sizesLabel}>Rows per page:</span>
          <ul aria-labelledby={sizesLabel}>
            {sizes.map((size) => (
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
      ) : null}
    </nav>
  );
}
