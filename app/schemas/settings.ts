// The company settings form (/admin/settings), shared by the browser and the server.
import { z } from "zod";
import { requiredText } from "./fields.ts";

export const COMPANY_NAME_MAX = 80;
/** The Setting row's key (the demo seed writes it too). */
export const COMPANY_NAME_KEY = "companyName";
/** Said where a sentence needs a name and no admin has set one yet. */
export const DEFAULT_COMPANY_NAME = "our company";

export const companySettingsSchema = z.object({
  companyName: requiredText("Enter the company's name.", COMPANY_NAME_MAX)
    // One line: the name sits inside sentences the customer reads.
    .regex(/^[^\p{Cc}]*$/u, "Use letters, digits and punctuation only, on one line."),
});
