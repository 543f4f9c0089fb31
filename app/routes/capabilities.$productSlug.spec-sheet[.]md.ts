import type { LoaderFunctionArgs } from "@remix-run/node";
import { specSheetMarkdown } from "../domain/spec-sheet.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { getSpecSheetData } from "../models/capabilities.server.ts";

// A resource route (no page around it), so it guards itself and answers errors as plain text.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:matrix");
  const product = await getSpecSheetData(params.productSlug ?? "");
  if (!product) {
    throw new Response("There is no product with that address in the capability matrix.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(specSheetMarkdown(product, product.capabilities, new Date()), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${product.slug}-spec-sheet.md"`,
      "cache-control": "private, no-store",
    },
  });
}
