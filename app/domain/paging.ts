/** The rows one page of a list shows, for `skip` and `take`, and where that page lies among them all. */
export interface PageWindow {
  /** The page shown: the one asked for, kept between 1 and the last page. */
  page: number;
  /** At least 1: an empty list has one, empty, page. */
  pageCount: number;
  skip: number;
  take: number;
}

/**
 * The page of `total` rows, `pageSize` a page, that a list shows when page `requested` is asked
 * for: a page past the end shows the last one, and a missing, fractional or nonsensical number
 * counts as the whole page it starts (or page 1).
 */
export function pageWindow(total: number, requested: number | undefined, pageSize: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
