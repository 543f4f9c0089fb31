import { useForm, type SubmissionResult } from "@conform-to/react";
import { productSchema } from "../schemas/product.ts";
import { conformOptions } from "./ui/conform-options.ts";
import { ConformForm } from "./ui/conform-form.tsx";
import { InputField, TextareaField } from "./ui/field.tsx";

type EditedProduct = { name: string; slug: string; description: string; reviewCycleDays: number };

/** The product form: it edits `product` when given one, and creates a new product otherwise. */
export function ProductForm({
  product,
  lastResult,
}: {
  product?: EditedProduct;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    ...conformOptions(product ? "edit-product" : "new-product", productSchema, lastResult),
    defaultValue: product
      ? {
          name: product.name,
          slug: product.slug,
          description: product.description,
          reviewCycleDays: String(product.reviewCycleDays),
        }
      : { reviewCycleDays: "90" },
  });
  const slugHint = product
    ? "Changing it changes the product's addresses (/capabilities/<slug>); old bookmarks stop working."
    : "Used in addresses such as /capabilities/report-builder.";
  const reviewCycleHint = product
    ? "1 to 730 days. A change moves the review date of every verified capability of this product."
    : "How long a verified capability stays current: 1 to 730 days.";
  return (
    <ConformForm form={form} submitLabel={product ? "Save product" : "Create product"}>
      <InputField label="Name" meta={fields.name} autoComplete="off" />
      <InputField label="Slug" meta={fields.slug} autoComplete="off" hint={slugHint} />
      <TextareaField label="Description" meta={fields.description} />
      <InputField label="Review cycle (days)" meta={fields.reviewCycleDays} type="number" hint={reviewCycleHint} />
    </ConformForm>
  );
}
