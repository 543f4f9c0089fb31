// Who set the verdict a claim carries now (PRODUCT.md §8): the engineer who verified it, unless a
// manager overturned it on dispute — then the manager, who chose the verdict that stands. The
// engineer's original verdict stays in the dispute's history.

export interface VerdictAuthorInput {
  verifiedAt: Date | null;
  verifiedBy: { name: string } | null;
  dispute: {
    status: "OPEN" | "UPHELD" | "OVERTURNED";
    resolvedAt: Date | null;
    resolvedBy: { name: string } | null;
  } | null;
}

export type VerdictAuthor =
  | { kind: "verified"; name: string | null; at: Date | null }
  | { kind: "overturned"; name: string | null; at: Date | null; originalName: string | null };

export function verdictAuthorOf(claim: VerdictAuthorInput): VerdictAuthor {
  const original = claim.verifiedBy?.name ?? null;
  if (claim.dispute?.status === "OVERTURNED") {
    return {
      kind: "overturned",
      name: claim.dispute.resolvedBy?.name ?? null,
      at: claim.dispute.resolvedAt,
      originalName: original,
    };
  }
  return { kind: "verified", name: original, at: claim.verifiedAt };
}
