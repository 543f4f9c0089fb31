// The company settings form (/admin/settings), shared by the browser and the server.
import { z } from "zod";

export const COMPANY_NAME_MAX = 80;
/** The Setting row's key (the demo seed writes it too). */
export const COMPANY_NAME_KEY = "companyName";
/** Said where a sentence needs a name and no admin has set one yet. */
export const DEFAULT_COMPANY_NAME = "our company";

export const companySettingsSchema = z.object({
  companyName: z
    .string({ error: "Enter the company's name." })
    .trim()
    .min(1, "Enter the company's name.")
    .max(COMPANY_NAME_MAX, `Use at most ${COMPANY_NAME_MAX} characters.`)
    // One line: the name sits inside sentences the customer reads.
    .regex(/^[^\p{Cc}]*$/u, "Use letters, digits and punctuation only, on one line."),
});
