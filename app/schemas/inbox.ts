import { z } from "zod";

// The inbox's forms (PRODUCT.md §8): mark one notification read, mark all read, choose the digest.
export const inboxActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("read"),
    notificationId: z.string({ error: "Choose a notification to mark read." }).min(1).max(64),
    // The page the reader was on, so marking one read keeps them there.
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  }),
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("digest"), emailDigest: z.boolean().optional() }),
]);
