import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MatrixFilters } from "../components/capabilities/matrix-filters.tsx";
import { MatrixTable } from "../components/capabilities/matrix-table.tsx";
import { NewCapabilityForm } from "../components/capabilities/new-capability-form.tsx";
import { userHasPermission } from "../domain/permissions.ts";
import { parseListQuery } from "../domain/list-query.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  createCapability,
  getMatrixProduct,
  listMatrixOwners,
  listMatrixRows,
  listOwnerCandidates,
} from "../models/capabilities.server.ts";
import { matrixFilterSchema, newCapabilitySchema } from "../schemas/capability.ts";
import { answerForm, redirectWithSuccess } from "../lib/form-action.server.ts";
import { BackLink } from "../components/ui/back-link.tsx";

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
  return answerForm(formData, newCapabilitySchema, {
    change: (input) =>
      createCapability(
        auditContextFrom(request, user.id),
        product.id,
        { ...input, docsUrl: input.docsUrl ?? null },
        user.id,
      ),
    done: (capability, input) =>
      redirectWithSuccess(`/capabilities/${product.slug}/${capability.key}`, `Added “${input.title}” to the matrix.`),
  });
}

export default function ProductMatrix() {
  const { product, filters, rows, owners, engineers, canEdit, staleCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const filtered = Boolean(filters.q || filters.status || filters.owner || filters.review);
  return (
    <>
      <BackLink to="/capabilities" label="All products" />
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
