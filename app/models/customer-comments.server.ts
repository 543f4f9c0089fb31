import { ok, refused, type Outcome } from "../domain/outcome.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

// "What customers like least" (PRODUCT.md: engineers can't answer "what do your customers hate
// most?"): the survey comments per product, each attachable to a capability as a pain point.
// Engineers read no surveys (PRODUCT.md §2), so a comment leaves this module as its words, its
// product, its date and the capabilities it is attached to — never the account, the contact,
// the salesperson or the scores of the survey it came from.

export const COMMENTS_PAGE_SIZE = 25;

export async function listCommentProducts() {
  return prisma.product.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}

export async function listLeastLikedComments(productSlug: string | null, page: number) {
  const product = productSlug
    ? await prisma.product.findUnique({ where: { slug: productSlug }, select: { id: true, slug: true, name: true } })
    : null;
  const where = {
    respondedAt: { not: null },
    leastLiked: { not: null },
    ...(product ? { deal: { productId: product.id } } : {}),
  };
  const total = await prisma.survey.count({ where });
  const { page: current, pageCount, skip, take } = pageWindow(total, page, COMMENTS_PAGE_SIZE);
  const rows = await prisma.survey.findMany({
    where,
    orderBy: [{ respondedAt: "desc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true,
      respondedAt: true,
      leastLiked: true,
      deal: { select: { product: { select: { id: true, name: true } } } },
    },
  });
  const productIds = [...new Set(rows.flatMap((row) => (row.deal.product ? [row.deal.product.id] : [])))];
  const capabilities = await prisma.capability.findMany({
    where: { productId: { in: productIds } },
    orderBy: { title: "asc" },
    select: { id: true, productId: true, key: true, title: true, painPoints: true },
  });
  return {
    product,
    total,
    page: current,
    pageCount,
    comments: rows.map((row) => {
      const text = row.leastLiked ?? "";
      const productId = row.deal.product?.id ?? null;
      const options = capabilities.filter((capability) => capability.productId === productId);
      return {
        surveyId: row.id,
        respondedAt: row.respondedAt,
        text,
        product: row.deal.product?.name ?? null,
        attachedTo: options
          .filter((capability) => painPointLines(capability.painPoints).includes(painPointLine(text)))
          .map((capability) => capability.title),
        capabilities: options.map((capability) => ({
          id: capability.id,
          title: capability.title,
          key: capability.key,
        })),
      };
    }),
  };
}

/** A comment as a pain-point line: quoted, on one line, so it reads as the customer's words. */
export function painPointLine(comment: string): string {
  return `“${comment.replace(/\s+/g, " ").trim()}” (customer survey)`;
}

function painPointLines(painPoints: string): string[] {
  return painPoints.split("\n").map((line) => line.replace(/^- /, "").trim());
}

type AttachOutcome = Outcome<{ added: boolean; capabilityTitle: string }>;

/**
 * Appends a survey comment to a capability's pain points in one step. Attaching the same comment
 * twice changes nothing (and writes no audit event); the capability's version moves on, so an
 * engineer editing the row meanwhile is told it changed.
 */
export async function attachCommentToCapability(
  audit: AuditContext,
  surveyId: string,
  capabilityId: string,
): Promise<AttachOutcome> {
  const survey = await prisma.survey.findFirst({
    where: { id: surveyId, respondedAt: { not: null }, leastLiked: { not: null } },
    select: { leastLiked: true, deal: { select: { productId: true } } },
  });
  if (!survey?.leastLiked) return refused(404, "We could not find that comment.");
  const line = painPointLine(survey.leastLiked);
  return prisma.$transaction(async (tx): Promise<AttachOutcome> => {
    const capability = await tx.capability.findUnique({
      where: { id: capabilityId },
      select: { id: true, title: true, painPoints: true, productId: true, version: true },
    });
    if (!capability) return refused(404, "We could not find that capability.");
    if (survey.deal.productId !== null && capability.productId !== survey.deal.productId) {
      return refused(400, "Choose a capability of the product the customer bought.");
    }
    if (painPointLines(capability.painPoints).includes(line))
      return ok({ added: false, capabilityTitle: capability.title });
    const painPoints =
      capability.painPoints.trim() === "" ? `- ${line}` : `${capability.painPoints.replace(/\s+$/, "")}\n- ${line}`;
    await tx.capability.update({ where: { id: capability.id }, data: { painPoints, version: { increment: 1 } } });
    await recordAudit(tx, audit, {
      action: "capability.pain-point.add",
      entityType: "Capability",
      entityId: capability.id,
      before: { painPoints: capability.painPoints },
      after: { painPoints, fromSurveyId: surveyId },
    });
    return ok({ added: true, capabilityTitle: capability.title });
  });
}
