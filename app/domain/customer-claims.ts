import type { CapabilityLevel, Channel, ClaimSource } from "./levels.ts";
import { levelLabel } from "./levels.ts";

// Claims the customer reports (PRODUCT.md §7): the six-month survey asks whether the salesperson
// said anything that turned out untrue, and a non-empty answer becomes a CUSTOMER claim in the
// verification queue. The customer gives words only; an engineer maps them to a capability and
// a level before the claim can be judged like any other.

export const UNTRUE_CLAIM_QUESTION =
  "Was there anything our salesperson told you that turned out not to be true? What?";
export const UNTRUE_CLAIM_MAX = 2000;

/**
 * A claim needs a channel and the customer does not say how they were told. A meeting is the
 * broadest of the channels (any conversation with the customer); pages show a CUSTOMER claim's
 * channel as "reported by the customer" rather than as a meeting.
 */
export const CUSTOMER_CLAIM_CHANNEL: Channel = "MEETING";
export const CUSTOMER_CHANNEL_LABEL = "Not known: reported by the customer";

/** What tables, pages and exports show for a level nobody has set yet. */
export const NOT_STATED_YET = "not stated yet";

export const MAP_BEFORE_VERDICT =
  "This claim was reported by the customer and is not mapped yet: set the capability (or “not in the matrix”) and what the customer was told before recording a verdict.";
export const ONLY_CUSTOMER_CLAIMS_MAP =
  "Only a claim reported by the customer is mapped; this one already names its capability and level.";
export const MAP_ONLY_PENDING = "This claim already has a verdict, so its mapping can no longer change.";

/**
 * The product of a customer's report when the deal names none. Claim.productId is required, so
 * such a claim is filed under this clearly named product until the engineer who maps it chooses
 * the real one (mapping always names a product). It is created only when first needed.
 */
export const UNKNOWN_PRODUCT = {
  slug: "product-not-yet-known",
  name: "Product not yet known",
  description:
    "Holds claims reported by customers whose deal names no product, until an engineer maps each one to the product it was about.",
} as const;

/** The customer's answer as stored: trimmed, and null when there is nothing in it. */
export function untrueClaimAnswer(answer: string | null | undefined): string | null {
  const text = (answer ?? "").trim();
  return text === "" ? null : text;
}

/**
 * The product a customer's report is filed under before it is mapped: the deal's product, else
 * the product of the latest claim logged on that deal (the conversation the customer remembers
 * was about it), else none — the caller then files it under UNKNOWN_PRODUCT.
 */
export function customerClaimProductId(
  dealProductId: string | null,
  latestDealClaimProductId: string | null,
): string | null {
  return dealProductId ?? latestDealClaimProductId;
}

/** Whether a claim still waits for an engineer to say what the customer was told. */
export function needsMapping(claim: { source: ClaimSource; assertedLevel: CapabilityLevel | null }): boolean {
  return claim.source === "CUSTOMER" && claim.assertedLevel === null;
}

/** "Supported", or "not stated yet" for a customer's report nobody has mapped. */
export function assertedLevelText(level: CapabilityLevel | null): string {
  return level === null ? NOT_STATED_YET : levelLabel(level);
}
