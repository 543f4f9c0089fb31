// The product form (new and edit), shared by the browser and the server.
import { z } from "zod";

export const productSchema = z.object({
  name: z
    .string({ error: "Enter the product's name." })
    .trim()
    .min(1, "Enter the product's name.")
    .max(80, "Use at most 80 characters."),
  slug: z
    .string({ error: "Enter a slug." })
    .trim()
    .max(60, "Use at most 60 characters.")
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "Use lower-case letters and digits, with single hyphens between words (e.g. report-builder).",
    ),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  reviewCycleDays: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Use at least 1 day.")
    .max(730, "Use at most 730 days (two years)."),
});
