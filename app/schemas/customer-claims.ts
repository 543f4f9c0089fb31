// The engineer's mapping of a claim the customer reported (PRODUCT.md §7), shared by the browser
// and the server: which capability the words are about (or none in the matrix, with the
// product) and what the customer was told.
import { z } from "zod";
import { CAPABILITY_LEVELS } from "../domain/levels.ts";
import { NOT_IN_MATRIX } from "./claims.ts";

export const mapClaimSchema = z
  .object({
    version: z.coerce.number({ error: "Reload the page and try again." }).int().min(1),
    productId: z.string().optional(),
    capabilityId: z.string({ error: `Choose a capability, or "Not in the matrix".` }),
    assertedLevel: z.enum(CAPABILITY_LEVELS, { error: "Choose what the customer was told." }),
  })
  .refine((value) => value.capabilityId !== NOT_IN_MATRIX || Boolean(value.productId), {
    path: ["productId"],
    message: "Choose the product the customer was talking about.",
  });
