import { getSpecSheetData } from "../models/capabilities.server.ts";
import { requireUserWithPermission } from "./session.server.ts";

// The spec-sheet downloads are resource routes (no page around them), so they guard themselves
// and answer errors as plain text.

/** The product whose spec sheet a reader of the matrix asks for; a plain-text 404 when there is none. */
export async function requireSpecSheetProduct(request: Request, productSlug: string | undefined) {
  await requireUserWithPermission(request, "read:matrix");
  const product = await getSpecSheetData(productSlug ?? "");
  if (!product) {
    throw new Response("There is no product with that address in the capability matrix.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return product;
}

/** The sheet as a download named after the product: "<slug>-spec-sheet.<extension>". */
export function specSheetDownload(body: string, slug: string, extension: "csv" | "md") {
  return new Response(body, {
    headers: {
      "content-type": `${extension === "csv" ? "text/csv" : "text/markdown"}; charset=utf-8`,
      "content-disposition": `attachment; filename="${slug}-spec-sheet.${extension}"`,
      "cache-control": "private, no-store",
    },
  });
}
