// The product form (new and edit), shared by the browser and the server.
import { z } from "zod";
import { optionalText, requiredText, slugText } from "./fields.ts";

export const productSchema = z.object({
  name: requiredText("Enter the product's name.", 80),
  slug: slugText("Enter a slug.", "report-builder"),
  description: optionalText(2000).default(""),
  reviewCycleDays: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(730, "Use at most 730 days (two years)."),
});
