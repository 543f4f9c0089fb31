import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { CommentList } from "../components/surveys/comment-list.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { listQuerySchema, pageParam, parseListQuery, textParam } from "../domain/list-query.ts";
import { readForm } from "../lib/form-data.server.ts";
import { safeRedirectPath } from "../lib/request.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  attachCommentToCapability,
  listCommentProducts,
  listLeastLikedComments,
} from "../models/customer-comments.server.ts";
import { throwRefusal } from "../lib/outcome.server.ts";
import { SelectOptions } from "../components/ui/field.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "What customers like least · Candor" }];

const FORBIDDEN = "Customer comments are for engineers and admins, who keep the capability matrix.";

const commentsQuerySchema = listQuerySchema({ product: textParam(200), page: pageParam() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "edit:capability", FORBIDDEN);
  const { product: slug = null, page } = parseListQuery(commentsQuerySchema, new URL(request.url).searchParams).value;
  const [products, list] = await Promise.all([listCommentProducts(), listLeastLikedComments(slug, page)]);
  if (slug && !list.product) notFound("There is no product with that name.");
  return { products, ...list };
}

const attachSchema = z.object({
  surveyId: z.string().trim().min(1).max(100),
  capabilityId: z.string().trim().min(1).max(100),
  returnTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "edit:capability", FORBIDDEN);
  const parsed = attachSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ message: "Choose the capability the comment is about." }, { status: 400 });
  const outcome = await attachCommentToCapability(
    auditContextFrom(request, user.id),
    parsed.data.surveyId,
    parsed.data.capabilityId,
  );
  if (!outcome.ok) throwRefusal(outcome);
  const { added, capabilityTitle } = outcome.value;
  const back = safeRedirectPath(parsed.data.returnTo) ?? "/customer-comments";
  const message = added
    ? `Added to the pain points of ${capabilityTitle}.`
    : `${capabilityTitle} already lists this comment.`;
  return redirectWithToast(back.startsWith("/customer-comments") ? back : "/customer-comments", {
    kind: "success",
    message,
  });
}

export default function CustomerCommentsPage() {
  const { products, product, comments, total, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  return (
    <>
      <h1>What customers like least</h1>
      <p className="muted">
        The answers to “What do you like least?” from six-month surveys, newest first. Add one to a capability's pain
        points in one step; it appears in the capability matrix, quoted, as the customer's words.
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="comments-product">Product</label>
          <select id="comments-product" name="product" defaultValue={product?.slug ?? ""}>
            <option value="">Every product</option>
            <SelectOptions options={products.map((option) => ({ value: option.slug, label: option.name }))} />
          </select>
        </div>
        <button type="submit">Show</button>
      </Form>
      <p role="status">
        {total} {total === 1 ? "comment" : "comments"}
        {product ? ` about ${product.name}` : ""}
      </p>
      <CommentList comments={comments} returnTo={location.pathname + location.search} />
      <Pagination page={page} pageCount={pageCount} search={search} label="Comment pages" />
    </>
  );
}
