import { type Prisma } from "../generated/prisma/client.ts";
import { addDays } from "../domain/dates.ts";
import { invalid, ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import { prisma, transactionUnlessTaken, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

export interface ProductInput {
  name: string;
  slug: string;
  description: string;
  reviewCycleDays: number;
}

type ProductChangeFailure = Refusal<keyof ProductInput>;
type ProductChangeResult<T> = Outcome<T, keyof ProductInput>;

/** A product as the admin pages and the matrix show it. */
export const productSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  reviewCycleDays: true,
} satisfies Prisma.ProductSelect;

export async function listProducts() {
  const products = await prisma.product.findMany({
    orderBy: { name: "asc" },
    select: { ...productSelect, _count: { select: { capabilities: true } } },
  });
  return products.map(({ _count, ...product }) => ({ ...product, capabilityCount: _count.capabilities }));
}

/** Products with their capabilities (and what the matrix says of each), for the capability pickers and filters. */
export async function listProductsWithCapabilities() {
  return prisma.product.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      capabilities: { orderBy: { title: "asc" }, select: { id: true, title: true, key: true, status: true } },
    },
  });
}

export async function getProduct(id: string) {
  const product = await prisma.product.findUnique({
    where: { id },
    select: { ...productSelect, createdAt: true, updatedAt: true, _count: { select: { capabilities: true } } },
  });
  if (!product) return null;
  const { _count, ...rest } = product;
  return { ...rest, capabilityCount: _count.capabilities };
}

function normalise(input: ProductInput): ProductInput {
  return {
    name: input.name.trim(),
    slug: input.slug.trim(),
    description: input.description.trim(),
    reviewCycleDays: input.reviewCycleDays,
  };
}

/** Field errors for a name or slug another product already uses, or null. */
async function conflicts(
  db: Tx | typeof prisma,
  input: ProductInput,
  productId: string | null,
): Promise<ProductChangeFailure | null> {
  const [byName, bySlug] = await Promise.all([
    db.product.findUnique({ where: { name: input.name }, select: { id: true } }),
    db.product.findUnique({ where: { slug: input.slug }, select: { id: true } }),
  ]);
  const fieldErrors: Partial<Record<keyof ProductInput, string[]>> = {};
  if (byName && byName.id !== productId) fieldErrors.name = ["A product with this name already exists."];
  if (bySlug && bySlug.id !== productId) fieldErrors.slug = ["Another product already uses this slug."];
  return Object.keys(fieldErrors).length ? invalid(fieldErrors) : null;
}

/**
 * Saves the normalised input in one transaction; a unique-constraint race that slipped past the
 * change's own check becomes field errors.
 */
async function saveProduct<T>(
  rawInput: ProductInput,
  productId: string | null,
  change: (tx: Tx, input: ProductInput) => Promise<ProductChangeResult<T>>,
): Promise<ProductChangeResult<T>> {
  const input = normalise(rawInput);
  return transactionUnlessTaken<ProductChangeResult<T>>(
    (tx) => change(tx, input),
    async () =>
      (await conflicts(prisma, input, productId)) ??
      refused(400, "Another change was saved at the same time; please try again."),
  );
}

export async function createProduct(
  audit: AuditContext,
  rawInput: ProductInput,
): Promise<ProductChangeResult<{ id: string }>> {
  return saveProduct(rawInput, null, async (tx, input) => {
    const refusal = await conflicts(tx, input, null);
    if (refusal) return refusal;
    const product = await tx.product.create({ data: input, select: productSelect });
    await recordAudit(tx, audit, {
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      after: product,
    });
    return ok({ id: product.id });
  });
}

export async function updateProduct(
  audit: AuditContext,
  id: string,
  rawInput: ProductInput,
): Promise<ProductChangeResult<{ id: string }>> {
  return saveProduct(rawInput, id, async (tx, input) => {
    const before = await tx.product.findUnique({ where: { id }, select: productSelect });
    if (!before) return refused(400, "This product no longer exists.");
    const refusal = await conflicts(tx, input, id);
    if (refusal) return refusal;
    const after = await tx.product.update({ where: { id }, data: input, select: productSelect });
    // reviewDueAt is verifiedAt + the product's review cycle (PRODUCT.md §1), so a new
    // cycle moves the due date of every verified row.
    let capabilitiesRescheduled = 0;
    if (after.reviewCycleDays !== before.reviewCycleDays) {
      const verified = await tx.capability.findMany({
        where: { productId: id, verifiedAt: { not: null } },
        select: { id: true, verifiedAt: true },
      });
      for (const capability of verified) {
        if (!capability.verifiedAt) continue;
        await tx.capability.update({
          where: { id: capability.id },
          data: { reviewDueAt: addDays(capability.verifiedAt, after.reviewCycleDays) },
        });
      }
      capabilitiesRescheduled = verified.length;
    }
    await recordAudit(tx, audit, {
      action: "product.update",
      entityType: "Product",
      entityId: id,
      before,
      after: capabilitiesRescheduled ? { ...after, capabilitiesRescheduled } : after,
    });
    return ok({ id });
  });
}
