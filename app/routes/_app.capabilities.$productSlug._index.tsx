import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MatrixFilters } from "../components/capabilities/matrix-filters.tsx";
import { MatrixTable } from "../components/capabilities/matrix-table.tsx";
import { NewCapabilityForm } from "../components/capabilities/new-capability-form.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { parseListQuery } from "../domain/list-query.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  createCapability,
  getMatrixProduct,
  listMatrixOwners,
  listMatrixRows,
  listOwnerCandidates,
} from "../models/capabilities.server.ts";
import { matrixFilterSchema, newCapabilitySchema } from "../schemas/capability.ts";
import { answerRefusal } from "../lib/outcome.server.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.name ?? "Not found"} · Capability matrix · Candor` },
];

const NO_PRODUCT = "There is no product with that address in the capability matrix.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:matrix");
  const product = await getMatrixProduct(params.productSlug ?? "");
  if (!product) notFound(NO_PRODUCT);
  const filters = parseListQuery(matrixFilterSchema, new URL(request.url).searchParams).value;
  const canEdit = userHasPermission(user, "edit:capability");
  const now = new Date();
  const [rows, owners, engineers] = await Promise.all([
    listMatrixRows(
      product.id,
      { status: filters.status, ownerId: filters.owner, review: filters.review, q: filters.q },
      now,
    ),
    listMatrixOwners(product.id),
    canEdit ? listOwnerCandidates() : Promise.resolve([]),
  ]);
  return { product, filters, rows, owners, engineers, canEdit, staleCount: rows.filter((row) => row.stale).length };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(
    request,
    "edit:capability",
    "Only engineers and admins can change the capability matrix.",
  );
  const product = await getMatrixProduct(params.productSlug ?? "");
  if (!product) notFound(NO_PRODUCT);
  const formData = await readForm(request);
  if (formData.get("intent") !== "create") throw data({ message: "That form is not known here." }, { status: 400 });
  const submission = parseSubmission(formData, { schema: newCapabilitySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createCapability(
    auditContextFrom(request, user.id),
    product.id,
    { ...submission.value, docsUrl: submission.value.docsUrl ?? null },
    user.id,
  );
  if (!outcome.ok) return answerRefusal(outcome, submission);
  return redirectWithToast(`/capabilities/${product.slug}/${outcome.value.key}`, {
    kind: "success",
    message: `Added “${submission.value.title}” to the matrix.`,
  });
}

export default function ProductMatrix() {
  const { product, filters, rows, owners, engineers, canEdit, staleCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const filtered = Boolean(filters.q || filters.status || filters.owner || filters.review);
  return (
    <>
      <p className="small">
        <Link to="/capabilities">← All products</Link>
      </p>
      <h1>{product.name} capability matrix</h1>
      {product.description ? <p className="muted">{product.description}</p> : null}
      <p className="small">
        Spec sheet for customers:{" "}
        <a href={`/capabilities/${product.slug}/spec-sheet.md`} download>
          Markdown
        </a>{" "}
        ·{" "}
        <a href={`/capabilities/${product.slug}/spec-sheet.csv`} download>
          CSV
        </a>
        <span className="muted"> · Rows are reviewed every {product.reviewCycleDays} days.</span>
      </p>
      <MatrixFilters filters={filters} owners={owners} clearHref={`/capabilities/${product.slug}`} />
      <p className="muted small" role="status">
        {rows.length} capabilit{rows.length === 1 ? "y" : "ies"}
        {filtered ? " match these filters" : ""}
        {staleCount > 0 ? `, ${staleCount} stale (review overdue)` : ""}
      </p>
      <MatrixTable productSlug={product.slug} productName={product.name} rows={rows} />
      {canEdit ? (
        <NewCapabilityForm
          lastResult={actionData?.result}
          owners={engineers}
          reviewCycleDays={product.reviewCycleDays}
        />
      ) : null}
    </>
  );
}
