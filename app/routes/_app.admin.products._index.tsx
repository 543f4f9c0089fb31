import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorList, InputField, TextareaField } from "../components/ui/field.tsx";
import { requireUserWithPermission } from "../lib/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { createProduct, listProducts } from "../models/products.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Products · Candor" }];

const productSchema = z.object({
  name: z.string({ error: "Enter the product's name." }).trim().min(1, "Enter the product's name.").max(80, "Use at most 80 characters."),
  slug: z
    .string({ error: "Enter a slug." })
    .trim()
    .max(60, "Use at most 60 characters.")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits, with single hyphens between words (e.g. report-builder)."),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  reviewCycleDays: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(730, "Use at most 730 days (two years)."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:products");
  return { products: await listProducts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:products");
  const submission = parseWithZod(await request.formData(), { schema: productSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createProduct(auditContextFrom(request, admin.id), submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }) }, { status: 400 });
  return redirectWithToast(`/admin/products/${outcome.value.id}`, { kind: "success", message: `Created the product ${submission.value.name}.` });
}

export default function ProductsPage() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-product",
    lastResult: actionData?.result,
    defaultValue: { reviewCycleDays: "90" },
    constraint: getZodConstraint(productSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productSchema }),
  });

  return (
    <>
      <h1>Products</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Slug</th>
              <th scope="col" className="num">
                Capabilities
              </th>
              <th scope="col" className="num">
                Review cycle
              </th>
            </tr>
          </thead>
          <tbody>
            {products.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No products yet.
                </td>
              </tr>
            ) : null}
            {products.map((product) => (
              <tr key={product.id}>
                <td>
                  <Link to={`/admin/products/${product.id}`}>{product.name}</Link>
                  {product.description ? <div className="muted small">{product.description}</div> : null}
                </td>
                <td>
                  <code>{product.slug}</code>
                </td>
                <td className="num">
                  <Link to={`/capabilities/${product.slug}`}>{product.capabilityCount}</Link>
                </td>
                <td className="num">{product.reviewCycleDays} days</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="panel" aria-labelledby="new-product-title">
        <h2 id="new-product-title">New product</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <InputField label="Name" meta={fields.name} autoComplete="off" />
          <InputField label="Slug" meta={fields.slug} autoComplete="off" hint="Used in addresses such as /capabilities/report-builder." />
          <TextareaField label="Description" meta={fields.description} />
          <InputField
            label="Review cycle (days)"
            meta={fields.reviewCycleDays}
            type="number"
            hint="How long a verified capability stays current: 1 to 730 days."
          />
          <div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Create product
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
