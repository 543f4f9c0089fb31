import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProductForm } from "../components/product-fields.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createProduct, listProducts } from "../models/products.server.ts";
import { productSchema } from "../schemas/product.ts";
import { SimpleTable, type SimpleColumns } from "../components/ui/simple-table.tsx";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Products · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:products");
  return { products: await listProducts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:products");
  return answerForm(await readForm(request), productSchema, {
    change: (input) => createProduct(auditContextFrom(request, admin.id), input),
    done: (product, input) =>
      redirectWithSuccess(`/admin/products/${product.id}`, `Created the product ${input.name}.`),
  });
}

const PRODUCT_COLUMNS: SimpleColumns<Awaited<ReturnType<typeof listProducts>>[number]> = [
  {
    header: "Product",
    cell: (product) => (
      <>
        <Link to={`/admin/products/${product.id}`}>{product.name}</Link>
        {product.description ? <div className="muted small">{product.description}</div> : null}
      </>
    ),
  },
  { header: "Slug", cell: (product) => <code>{product.slug}</code> },
  {
    header: "Capabilities",
    numeric: true,
    cell: (product) => <Link to={`/capabilities/${product.slug}`}>{product.capabilityCount}</Link>,
  },
  { header: "Review cycle", numeric: true, cell: (product) => <>{product.reviewCycleDays} days</> },
];

export default function ProductsPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <>
      <h1>Products</h1>
      <SimpleTable
        label="Products"
        columns={PRODUCT_COLUMNS}
        rows={products}
        rowKey={(product) => product.id}
        empty="No products yet."
      />

      <section className="panel" aria-labelledby="new-product-title">
        <h2 id="new-product-title">New product</h2>
        <ProductForm lastResult={actionData?.result} />
      </section>
    </>
  );
}
