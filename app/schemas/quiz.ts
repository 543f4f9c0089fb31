// The quiz and question-bank forms and filters, shared by the browser and the server.
import { z } from "zod";
import { requiredText } from "./fields.ts";
import { QUESTION_TYPES } from "../domain/levels.ts";
import { enumParam, listQuerySchema, textParam } from "../domain/list-query.ts";

export const QUESTION_STATES = ["ACTIVE", "NEEDS_REVIEW", "RETIRED"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `${label[0]?.toUpperCase() ?? ""}${label.slice(1)} must be at least ${min}.`)
    .max(max, `${label[0]?.toUpperCase() ?? ""}${label.slice(1)} must be at most ${max}.`);

export const quizFormSchema = z.object({
  title: requiredText("Give the quiz a title.", 120),
  productId: z.string().trim().max(100).optional(),
  questionCount: wholeNumber("the number of questions", 1, 100),
  includeMatrixQuestions: z.boolean().optional(),
  timeLimitMinutes: wholeNumber("the time limit", 1, 240),
  passMarkPercent: z
    .number({ error: "Enter the pass mark as a percentage, e.g. 70." })
    .min(1, "The pass mark must be at least 1 %.")
    .max(100, "The pass mark can be at most 100 %."),
  maxAttempts: wholeNumber("the number of attempts", 1, 20),
  requiredForComp: z.boolean().optional(),
  certificationDays: wholeNumber("the certification validity", 1, 1095),
  published: z.boolean().optional(),
});
export type QuizFormValues = z.infer<typeof quizFormSchema>;

export const MAX_CHOICES = 8;
export const PROMPT_MAX = 1000;

/** Choice numbers as typed ("1, 3") → 0-based indexes; null when anything but numbers and separators is there. */
export function parseChoiceNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== "");
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  return [...new Set(parts.map((part) => Number(part) - 1))].sort((a, b) => a - b);
}

export const choicesFromText = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

export const questionFormSchema = z
  .object({
    productId: z
      .string({ error: "Choose the product the question is about." })
      .trim()
      .min(1, "Choose the product the question is about."),
    capabilityId: z.string().trim().max(100).optional(),
    type: z.enum(QUESTION_TYPES, { error: "Choose the kind of question." }),
    prompt: z
      .string({ error: "Write the question." })
      .trim()
      .min(1, "Write the question.")
      .max(PROMPT_MAX, `Use at most ${PROMPT_MAX} characters.`),
    choices: z.string().max(4000, "Use at most 4000 characters.").optional(),
    correct: z.string({ error: "Say which choice is right." }).trim().min(1, "Say which choice is right.").max(40),
    explanation: z
      .string({ error: "Explain the right answer: takers read it on their result." })
      .trim()
      .min(1, "Explain the right answer: takers read it on their result.")
      .max(2000, "Use at most 2000 characters."),
  })
  .superRefine(
    (value, ctx) => {
      const choices = value.type === "TRUE_FALSE" ? ["True", "False"] : choicesFromText(value.choices);
      if (value.type !== "TRUE_FALSE") {
        if (choices.length < 2)
          ctx.addIssue({ code: "custom", path: ["choices"], message: "Write at least two choices, one per line." });
        if (choices.length > MAX_CHOICES)
          ctx.addIssue({ code: "custom", path: ["choices"], message: `Write at most ${MAX_CHOICES} choices.` });
        if (new Set(choices.map((c) => c.toLowerCase())).size !== choices.length) {
          ctx.addIssue({
            code: "custom",
            path: ["choices"],
            message: "Two choices say the same thing; make each one different.",
          });
        }
        if (choices.some((c) => c.length > 300))
          ctx.addIssue({ code: "custom", path: ["choices"], message: "Keep each choice under 300 characters." });
      }
      const correct = parseChoiceNumbers(value.correct ?? "");
      if (correct === null || correct.some((index) => index < 0 || index >= choices.length)) {
        ctx.addIssue({
          code: "custom",
          path: ["correct"],
          message: `Give choice numbers between 1 and ${Math.max(choices.length, 1)}, e.g. "2" or "1, 3".`,
        });
      } else if (value.type !== "MULTI" && correct.length !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["correct"],
          message: "This kind of question has exactly one right choice.",
        });
      } else if (value.type === "MULTI" && correct.length === 0) {
        ctx.addIssue({ code: "custom", path: ["correct"], message: "Mark at least one choice as right." });
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type QuestionFormValues = z.infer<typeof questionFormSchema>;

/** The choices and 0-based correct indexes a valid form describes. */
export function questionContent(values: QuestionFormValues): { choices: string[]; correct: number[] } {
  const choices = values.type === "TRUE_FALSE" ? ["True", "False"] : choicesFromText(values.choices);
  return { choices, correct: parseChoiceNumbers(values.correct) ?? [] };
}

/** The /question-bank filters; anything unreadable in a hand-edited URL is dropped rather than refused. */
export const bankFiltersSchema = listQuerySchema({
  product: textParam(80),
  state: enumParam(QUESTION_STATES),
});
