// The claim forms (log a claim, verdict, dispute, resolve), shared by the browser and the
// server, so this file stays free of server imports. The rules themselves live in
// app/domain/claim-rules.ts; the schemas only attach them to form fields.
import { z } from "zod";
import { requiredText } from "./fields.ts";
import { claimDayError, overturnFieldErrors, VERDICT_STATUSES, verdictFieldErrors } from "../domain/claim-rules.ts";
import { CAPABILITY_LEVELS, CHANNELS, SEVERITIES } from "../domain/levels.ts";

/** The capability picker's value for a claim about something the matrix has no row for. */
export const NOT_IN_MATRIX = "none";

const TEXT_LIMIT = 2000;
const tooLong = `Use at most ${TEXT_LIMIT} characters.`;

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).optional();

// The cross-field rules run once the fields they read are well formed, even while other fields
// still have errors, so every message shows on the first submit.
const crossFieldRules = z.object({
  capabilityId: z.string(),
  productId: z.string().optional(),
  dealId: z.string().optional(),
});
const crossFieldsReady = { when: (payload: { value: unknown }) => crossFieldRules.safeParse(payload.value).success };

export const newClaimSchema = z
  .object({
    salespersonId: z.string().optional(),
    productId: z.string().optional(),
    capabilityId: z.string({ error: `Choose a capability, or "Not in the matrix".` }),
    assertedLevel: z.enum(CAPABILITY_LEVELS, { error: "Choose what the customer was told." }),
    statement: requiredText("Write down what was said.", TEXT_LIMIT),
    channel: z.enum(CHANNELS, { error: "Choose how it was said." }),
    madeOn: z.string({ error: "Enter the date the claim was made." }).superRefine((day, ctx) => {
      const error = claimDayError(day, new Date());
      if (error) ctx.addIssue({ code: "custom", message: error });
    }),
    dealId: z.string().optional(),
    accountName: optionalText(200),
    evidence: optionalText(TEXT_LIMIT),
  })
  .refine((value) => value.capabilityId !== NOT_IN_MATRIX || Boolean(value.productId), {
    path: ["productId"],
    message: "Choose the product the claim was about.",
    ...crossFieldsReady,
  })
  .refine((value) => Boolean(value.dealId) || Boolean(value.accountName), {
    path: ["accountName"],
    message: "Name the customer's account, or choose a deal.",
    ...crossFieldsReady,
  });

const verdictFields = {
  status: z.enum(VERDICT_STATUSES, { error: "Choose a verdict." }),
  severity: z.enum(SEVERITIES).optional(),
  note: optionalText(TEXT_LIMIT),
};

export const verdictSchema = z
  .object({ ...verdictFields, version: z.coerce.number({ error: "Reload the page and try again." }).int().min(1) })
  .superRefine((value, ctx) => {
    const errors = verdictFieldErrors({
      status: value.status,
      severity: value.severity ?? null,
      note: value.note ?? "",
    });
    for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
  });

export const disputeSchema = z.object({
  reason: z
    .string({ error: "Explain why the verdict is wrong." })
    .trim()
    .min(10, "Explain why the verdict is wrong, in at least 10 characters.")
    .max(TEXT_LIMIT, tooLong),
});

export const DISPUTE_OUTCOMES = ["UPHELD", "OVERTURNED"] as const;

/** The resolve form; an overturned verdict also needs its replacement, unlike the one disputed. */
export function resolveDisputeSchema(disputedStatus: (typeof VERDICT_STATUSES)[number] | "PENDING") {
  return z
    .object({
      outcome: z.enum(DISPUTE_OUTCOMES, { error: "Choose whether the verdict stands." }),
      resolutionNote: requiredText("Explain the decision to the salesperson.", TEXT_LIMIT),
      status: verdictFields.status.optional(),
      severity: verdictFields.severity,
      note: verdictFields.note,
    })
    .superRefine((value, ctx) => {
      if (value.outcome !== "OVERTURNED") return;
      const errors = overturnFieldErrors(disputedStatus, {
        status: value.status ?? null,
        severity: value.severity ?? null,
        note: value.note ?? "",
      });
      for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
    });
}

export const emptySchema = z.object({});
