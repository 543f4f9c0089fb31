import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProductForm } from "../components/product-fields.tsx";
import { When } from "../components/ui/when.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getProduct, updateProduct } from "../models/products.server.ts";
import { productSchema } from "../schemas/product.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.name ?? "Not found"} · Candor` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:products");
  const product = await getProduct(params.productId ?? "");
  if (!product) notFound("There is no product with that id.");
  return { product };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:products");
  const productId = params.productId ?? "";
  return answerForm(await readForm(request), productSchema, {
    change: (input) => updateProduct(auditContextFrom(request, admin.id), productId, input),
    done: () => redirectWithSuccess(`/admin/products/${productId}`, "Product saved."),
  });
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <>
      <BackLink to="/admin/products" label="All products" />
      <h1>{product.name}</h1>
      <dl className="facts panel">
        <dt>Capabilities</dt>
        <dd>
          <Link to={`/capabilities/${product.slug}`}>{product.capabilityCount} in the capability matrix</Link>
        </dd>
        <dt>Created</dt>
        <dd>
          <When at={product.createdAt} />
        </dd>
      </dl>
      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">Edit product</h2>
        <ProductForm product={product} lastResult={actionData?.result} />
      </section>
    </>
  );
}
