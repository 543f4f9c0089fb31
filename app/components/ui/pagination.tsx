import { Link } from "@remix-run/react";

function pageHref(search: URLSearchParams, page: number): string {
  const next = new URLSearchParams(search);
  next.set("page", String(page));
  return `?${next}`;
}

/**
 * Previous / "Page N of M" / Next links for a paged list. `search` holds the filters to keep
 * on every page link; its own `page` is replaced. Nothing is shown for a single page.
 */
export function Pagination({
  page,
  pageCount,
  search,
  label = "Pages",
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  page: number;
  pageCount: number;
  search: URLSearchParams;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link to={pageHref(search, page - 1)}>{previousLabel}</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link to={pageHref(search, page + 1)}>{nextLabel}</Link> : null}
    </nav>
  );
}
