import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorList, InputField, TextareaField } from "../components/ui/field.tsx";
import { notFound, requireUserWithPermission } from "../lib/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getProduct, updateProduct } from "../models/products.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? "Not found"} · Candor` }];

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

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "admin:products");
  const product = await getProduct(params.productId ?? "");
  if (!product) notFound("There is no product with that id.");
  return { product };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "admin:products");
  const productId = params.productId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: productSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateProduct(auditContextFrom(request, admin.id), productId, submission.value);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }) }, { status: 400 });
  return redirectWithToast(`/admin/products/${productId}`, { kind: "success", message: "Product saved." });
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "edit-product",
    lastResult: actionData?.result,
    defaultValue: { name: product.name, slug: product.slug, description: product.description, reviewCycleDays: String(product.reviewCycleDays) },
    constraint: getZodConstraint(productSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productSchema }),
  });

  return (
    <>
      <p className="small">
        <Link to="/admin/products">← All products</Link>
      </p>
      <h1>{product.name}</h1>
      <dl className="facts panel">
        <dt>Capabilities</dt>
        <dd>
          <Link to={`/capabilities/${product.slug}`}>{product.capabilityCount} in the capability matrix</Link>
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={product.createdAt.toISOString()} suppressHydrationWarning>
            {product.createdAt.toLocaleDateString(undefined, { dateStyle: "medium" })}
          </time>
        </dd>
      </dl>
      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">Edit product</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <InputField label="Name" meta={fields.name} autoComplete="off" />
          <InputField
            label="Slug"
            meta={fields.slug}
            autoComplete="off"
            hint="Changing it changes the product's addresses (/capabilities/<slug>); old bookmarks stop working."
          />
          <TextareaField label="Description" meta={fields.description} />
          <InputField
            label="Review cycle (days)"
            meta={fields.reviewCycleDays}
            type="number"
            hint="1 to 730 days. A change moves the review date of every verified capability of this product."
          />
          <div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Save product
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
