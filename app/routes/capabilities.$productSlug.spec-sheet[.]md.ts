import type { LoaderFunctionArgs } from "@remix-run/node";
import { specSheetMarkdown } from "../domain/spec-sheet.ts";
import { requireSpecSheetProduct, specSheetDownload } from "../services/spec-sheet.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = await requireSpecSheetProduct(request, params.productSlug);
  return specSheetDownload(specSheetMarkdown(product, product.capabilities, new Date()), product.slug, "md");
}
