// The public six-month survey form, shared by the browser and the server.
import { z } from "zod";
import { UNTRUE_CLAIM_MAX } from "../domain/customer-claims.ts";
import { DELIVERED } from "../domain/levels.ts";
import { LEAST_LIKED_MAX } from "../domain/survey-answers.ts";

export const surveyResponseSchema = z.object({
  csat: z
    .number({ error: "Choose how satisfied you are, from 1 to 5." })
    .int("Choose how satisfied you are, from 1 to 5.")
    .min(1, "Choose how satisfied you are, from 1 to 5.")
    .max(5, "Choose how satisfied you are, from 1 to 5."),
  deliveredAsPromised: z.enum(DELIVERED, { error: "Choose yes, partly or no." }),
  nps: z
    .number({ error: "Choose a number from 0 to 10." })
    .int("Choose a number from 0 to 10.")
    .min(0, "Choose a number from 0 to 10.")
    .max(10, "Choose a number from 0 to 10.")
    .optional(),
  leastLiked: z.string().trim().max(LEAST_LIKED_MAX, `Please keep it under ${LEAST_LIKED_MAX} characters.`).optional(),
  untrueClaim: z
    .string()
    .trim()
    .max(UNTRUE_CLAIM_MAX, `Please keep it under ${UNTRUE_CLAIM_MAX} characters.`)
    .optional(),
});

export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

export const surveyIdSchema = z.object({ surveyId: z.string().trim().min(1).max(100) });
