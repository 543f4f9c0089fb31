import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaleBadge } from "../components/capabilities/review-status.tsx";
import { CAPABILITY_LEVELS, levelLabel } from "../domain/levels.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { listMatrixProducts } from "../models/capabilities.server.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Capability matrix · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:matrix");
  return { products: await listMatrixProducts(new Date()) };
}

const PRODUCT_COLUMNS: SimpleColumns<Awaited<ReturnType<typeof listMatrixProducts>>[number]> = [
  {
    header: "Product",
    rowHeader: true,
    cell: (product) => (
      <>
        <Link to={`/capabilities/${product.slug}`}>{product.name}</Link>
        {product.description ? <div className="muted small">{product.description}</div> : null}
      </>
    ),
  },
  { header: "Capabilities", numeric: true, cell: (product) => product.total },
  ...CAPABILITY_LEVELS.map((level) => ({
    header: levelLabel(level),
    key: level,
    numeric: true,
    cell: (product: Awaited<ReturnType<typeof listMatrixProducts>>[number]) => product.counts[level],
  })),
  {
    header: "Stale rows",
    numeric: true,
    cell: (product) =>
      product.stale > 0 ? (
        // The name keeps the visible words (WCAG 2.5.3), with the product said first.
        <Link to={`/capabilities/${product.slug}?review=overdue`}>
          <span className="visually-hidden">{product.name}: </span>
          {product.stale} <StaleBadge />
        </Link>
      ) : (
        "0"
      ),
  },
  {
    header: "Spec sheet",
    cell: (product) => (
      <>
        <a href={`/capabilities/${product.slug}/spec-sheet.md`} download>
          Markdown<span className="visually-hidden"> spec sheet for {product.name}</span>
        </a>{" "}
        ·{" "}
        <a href={`/capabilities/${product.slug}/spec-sheet.csv`} download>
          CSV<span className="visually-hidden"> spec sheet for {product.name}</span>
        </a>
      </>
    ),
  },
];

export default function CapabilitiesIndex() {
  const { products } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Capability matrix</h1>
      <p className="muted">
        What each product really does, kept by its engineers. Check here before you promise anything to a customer.
      </p>
      {products.length === 0 ? <p className="muted">No products yet.</p> : null}
      <SimpleTable
        label="Products and their capability counts"
        hiddenCaption
        className="matrix-table"
        columns={PRODUCT_COLUMNS}
        rows={products}
        rowKey={(product) => product.id}
      />
    </>
  );
}
