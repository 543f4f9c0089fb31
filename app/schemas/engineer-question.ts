// The "ask an engineer" forms and the /ask filters, shared by the browser and the server.
import { z } from "zod";
import { optionalText, requiredText } from "./fields.ts";
import { CAPABILITY_LEVELS } from "../domain/levels.ts";
import { enumParam, listQuerySchema, pageParam, textParam } from "../domain/list-query.ts";

export const QUESTION_MAX = 1000;
export const CONTEXT_MAX = 2000;
export const ANSWER_MAX = 4000;

export const askQuestionSchema = z.object({
  productId: z
    .string({ error: "Choose the product you are asking about." })
    .trim()
    .min(1, "Choose the product you are asking about."),
  capabilityId: z.string().trim().max(100).optional(),
  question: requiredText("Write your question.", QUESTION_MAX),
  context: optionalText(CONTEXT_MAX),
});

export const answerQuestionSchema = z
  .object({
    answer: requiredText("Write your answer.", ANSWER_MAX),
    updateCapability: z.boolean().optional(),
    status: z.enum(CAPABILITY_LEVELS, { error: "Choose the capability's status." }).optional(),
    conditions: z.string().trim().max(2000, "Use at most 2000 characters.").optional(),
    note: z.string().trim().max(1000, "Use at most 1000 characters.").optional(),
    // The version of the capability the engineer was looking at, so a change made meanwhile is not overwritten.
    capabilityVersion: z.number().int().optional(),
  })
  .superRefine(
    (value, ctx) => {
      if (!value.updateCapability) return;
      if (!value.status) ctx.addIssue({ code: "custom", path: ["status"], message: "Choose the capability's status." });
      if (!value.note)
        ctx.addIssue({
          code: "custom",
          path: ["note"],
          message: "Say why the matrix changes; the note is kept with the revision.",
        });
    },
    // Run even when the answer itself is missing, so every message shows after one submit.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export const QUESTION_STATUSES = ["OPEN", "ANSWERED"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** The /ask filters; anything unreadable in a hand-edited URL is dropped rather than refused. */
export const questionFiltersSchema = listQuerySchema({
  product: textParam(80),
  status: enumParam(QUESTION_STATUSES),
  page: pageParam(),
});
