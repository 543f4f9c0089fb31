import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { VerifyQueueTable } from "../components/claims/verify-queue-table.tsx";
import { FilterBar } from "../components/ui/filter-bar.tsx";
import { FilterSelect } from "../components/ui/filter-select.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { VERIFICATION_TARGET_WORKING_DAYS } from "../domain/claim-rules.ts";
import { CLAIM_SOURCES, MATRIX_CHECKS, claimSourceLabel, matrixCheckLabel } from "../domain/levels.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { listVerificationQueue } from "../models/verify-queue.server.ts";
import { parseVerifyQueueFilter, QUEUE_PARAM, verifyQueueSearch } from "../schemas/verify-queue.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Verification queue · Candor" }];

const CHECK_OPTIONS = MATRIX_CHECKS.map((value) => ({ value, label: matrixCheckLabel(value) }));
const SOURCE_OPTIONS = CLAIM_SOURCES.map((value) => ({ value, label: claimSourceLabel(value) }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "verify:claim", "Only engineers verify claims.");
  const filters = parseVerifyQueueFilter(new URL(request.url).searchParams);
  const queue = await listVerificationQueue(
    { productSlug: filters.product, matrixCheck: filters.check, source: filters.source, page: filters.page },
    new Date(),
  );
  return { ...queue, check: filters.check ?? null, source: filters.source ?? null, viewerId: user.id };
}

export default function VerifyQueuePage() {
  const { rows, products, productSlug, check, source, total, page, pageCount, viewerId } =
    useLoaderData<typeof loader>();
  const filter = { product: productSlug ?? undefined, check: check ?? undefined, source: source ?? undefined };
  const search = new URLSearchParams(verifyQueueSearch(filter));
  // A claim opened from here remembers the queue's filter (and page): its "Next claim" and its way back keep them.
  const claimSearch = `?${new URLSearchParams({ [QUEUE_PARAM]: verifyQueueSearch({ ...filter, page }) }).toString()}`;
  return (
    <>
      <h1>Verification queue</h1>
      <p className="muted">
        Pending claims, oldest first. The target is a verdict within {VERIFICATION_TARGET_WORKING_DAYS} working days of
        a claim being logged.
      </p>
      <FilterBar label="Filter the queue">
        <FilterSelect
          name="product"
          label="Product"
          anyLabel="All products"
          defaultValue={productSlug}
          options={products.map((product) => ({ value: product.slug, label: product.name }))}
        />
        <FilterSelect
          name="check"
          label="Matrix check"
          anyLabel="Any result"
          defaultValue={check}
          options={CHECK_OPTIONS}
        />
        <FilterSelect
          name="source"
          label="Source"
          anyLabel="Every source"
          defaultValue={source}
          options={SOURCE_OPTIONS}
        />
      </FilterBar>
      <p className="muted small" role="status">
        {total} claim{total === 1 ? "" : "s"} awaiting a verdict
      </p>
      <VerifyQueueTable rows={rows} viewerId={viewerId} claimSearch={claimSearch} />
      <Pagination page={page} pageCount={pageCount} search={search} />
    </>
  );
}
