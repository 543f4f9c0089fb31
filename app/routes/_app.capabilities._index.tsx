import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaleBadge } from "../components/capabilities/review-status.tsx";
import { CAPABILITY_LEVELS, levelLabel } from "../domain/levels.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { listMatrixProducts } from "../models/capabilities.server.ts";
import { TableScroll } from "../components/ui/table-scroll.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Capability matrix · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:matrix");
  return { products: await listMatrixProducts(new Date()) };
}

export default function CapabilitiesIndex() {
  const { products } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Capability matrix</h1>
      <p className="muted">
        What each product really does, kept by its engineers. Check here before you promise anything to a customer.
      </p>
      {products.length === 0 ? <p className="muted">No products yet.</p> : null}
      <TableScroll label="Products and their capability counts">
        <table className="matrix-table">
          <caption className="visually-hidden">Products and their capability counts</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Capabilities
              </th>
              {CAPABILITY_LEVELS.map((level) => (
                <th key={level} scope="col" className="num">
                  {levelLabel(level)}
                </th>
              ))}
              <th scope="col" className="num">
                Stale rows
              </th>
              <th scope="col">Spec sheet</th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.id}>
                <th scope="row">
                  <Link to={`/capabilities/${product.slug}`}>{product.name}</Link>
                  {product.description ? <div className="muted small">{product.description}</div> : null}
                </th>
                <td className="num">{product.total}</td>
                {CAPABILITY_LEVELS.map((level) => (
                  <td key={level} className="num">
                    {product.counts[level]}
                  </td>
                ))}
                <td className="num">
                  {product.stale > 0 ? (
                    // The name keeps the visible words (WCAG 2.5.3), with the product said first.
                    <Link to={`/capabilities/${product.slug}?review=overdue`}>
                      <span className="visually-hidden">{product.name}: </span>
                      {product.stale} <StaleBadge />
                    </Link>
                  ) : (
                    "0"
                  )}
                </td>
                <td>
                  <a href={`/capabilities/${product.slug}/spec-sheet.md`} download>
                    Markdown<span className="visually-hidden"> spec sheet for {product.name}</span>
                  </a>{" "}
                  ·{" "}
                  <a href={`/capabilities/${product.slug}/spec-sheet.csv`} download>
                    CSV<span className="visually-hidden"> spec sheet for {product.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
