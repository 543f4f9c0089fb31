import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { VerifyQueueTable } from "../components/claims/verify-queue-table.tsx";
import { VERIFICATION_TARGET_WORKING_DAYS } from "../domain/claim-rules.ts";
import { MATRIX_CHECKS, matrixCheckLabel } from "../domain/levels.ts";
import { requireUserWithPermission } from "../lib/session.server.ts";
import { listVerificationQueue } from "../models/claim-verdicts.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Verification queue · Candor" }];

// Unknown or malformed values fall back to "no filter" rather than failing the page.
const filterSchema = z.object({
  product: z.string().trim().max(100).optional().catch(undefined),
  check: z.enum(MATRIX_CHECKS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "verify:claim", "Only engineers verify claims.");
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const queue = await listVerificationQueue({ productSlug: filters.product, matrixCheck: filters.check, page: filters.page }, new Date());
  return { ...queue, check: filters.check ?? null, viewerId: user.id };
}

export default function VerifyQueuePage() {
  const { rows, products, productSlug, check, total, page, pageCount, viewerId } = useLoaderData<typeof loader>();
  const search = new URLSearchParams();
  if (productSlug) search.set("product", productSlug);
  if (check) search.set("check", check);
  const pageLink = (to: number) => {
    const next = new URLSearchParams(search);
    next.set("page", String(to));
    return `?${next}`;
  };
  return (
    <>
      <h1>Verification queue</h1>
      <p className="muted">
        Pending claims, oldest first. The target is a verdict within {VERIFICATION_TARGET_WORKING_DAYS} working days of a claim being logged.
      </p>
      <Form method="get" className="filters" role="search" aria-label="Filter the queue">
        <div className="field">
          <label htmlFor="filter-product">Product</label>
          <select id="filter-product" name="product" defaultValue={productSlug ?? ""}>
            <option value="">All products</option>
            {products.map((product) => (
              <option key={product.id} value={product.slug}>
                {product.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-check">Matrix check</label>
          <select id="filter-check" name="check" defaultValue={check ?? ""}>
            <option value="">Any result</option>
            {MATRIX_CHECKS.map((value) => (
              <option key={value} value={value}>
                {matrixCheckLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </Form>
      <p className="muted small" role="status">
        {total} claim{total === 1 ? "" : "s"} awaiting a verdict
      </p>
      <VerifyQueueTable rows={rows} viewerId={viewerId} />
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? <Link to={pageLink(page - 1)}>Previous</Link> : null}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
