import { CLAIM_SOURCES, MATRIX_CHECKS, type ClaimSource, type MatrixCheckResult } from "../domain/levels.ts";
import { enumParam, listQuerySchema, pageParam, parseListQuery, textParam } from "../domain/list-query.ts";

// The verification queue's filters (PRODUCT.md §3: /verify, filters by product, matrix check and
// source), read from /verify's URL — and carried to a claim opened from the queue as one `queue`
// parameter, so "Next claim" and "back to the queue" keep the engineer's filter.

// Unknown or malformed values fall back to "no filter" rather than failing the page.
const verifyQueueFilterSchema = listQuerySchema({
  product: textParam(100),
  check: enumParam(MATRIX_CHECKS),
  source: enumParam(CLAIM_SOURCES),
  page: pageParam(),
});

export interface VerifyQueueFilter {
  product?: string;
  check?: MatrixCheckResult;
  source?: ClaimSource;
  page?: number;
}

export function parseVerifyQueueFilter(params: URLSearchParams): VerifyQueueFilter {
  return parseListQuery(verifyQueueFilterSchema, params).value;
}

/** The filter as /verify's query string (without "?"); empty for the whole queue. */
export function verifyQueueSearch(filter: VerifyQueueFilter): string {
  const search = new URLSearchParams();
  if (filter.product) search.set("product", filter.product);
  if (filter.check) search.set("check", filter.check);
  if (filter.source) search.set("source", filter.source);
  if (filter.page && filter.page > 1) search.set("page", String(filter.page));
  return search.toString();
}

/** The name of the claim page's parameter that holds the queue's filter. */
export const QUEUE_PARAM = "queue";

/** A claim's address when opened from the queue with `filter`. */
export function claimInQueueHref(claimId: string, filter: VerifyQueueFilter): string {
  return `/claims/${claimId}?${new URLSearchParams({ [QUEUE_PARAM]: verifyQueueSearch(filter) }).toString()}`;
}

/** The queue filter a claim page was opened with, or null when it was not opened from the queue. */
export function queueFilterOf(url: URL): VerifyQueueFilter | null {
  const value = url.searchParams.get(QUEUE_PARAM);
  return value === null ? null : parseVerifyQueueFilter(new URLSearchParams(value));
}
