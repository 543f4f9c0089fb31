// Compensation forms (periods, compute/lock, plan), shared by the browser and the server.
import { z } from "zod";

const PERIOD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

const isoDay = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date (YYYY-MM-DD).`)
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      {
        message: `Enter a real calendar date for the ${label}.`,
      },
    );

export const newPeriodSchema = z
  .object({
    intent: z.literal("create"),
    name: z
      .string({ error: "Enter the period's name, e.g. 2027-Q1." })
      .trim()
      .regex(
        PERIOD_NAME,
        "Use letters, digits, dashes or underscores (at most 40), e.g. 2027-Q1: the name is part of the page's address.",
      ),
    startsOn: isoDay("first day"),
    endsOn: isoDay("last day"),
  })
  .refine((value) => value.endsOn >= value.startsOn, {
    path: ["endsOn"],
    message: "The last day must be on or after the first day.",
  });

export const lockSchema = z.object({
  intent: z.literal("lock"),
  confirmName: z.string({ error: "Type the period's name to confirm." }).trim(),
});

const unit = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number.` })
    .min(0, `Enter ${label} from 0 to 1.`)
    .max(1, `Enter ${label} from 0 to 1.`);
const nonNegative = (label: string) =>
  z.number({ error: `Enter ${label} as a number.` }).min(0, `Enter ${label} of 0 or more.`);

export const CURVE_ROWS = 6;

export const planSchema = z.object({
  weights: z.object({ accuracy: unit("the weight"), quiz: unit("the weight"), satisfaction: unit("the weight") }),
  accuracyPrior: z.object({ k: nonNegative("a prior weight"), m: unit("the prior") }),
  satisfactionPrior: z.object({ k: nonNegative("a prior weight"), m: unit("the prior") }),
  // Blank rows are left out; the rules on the points (ascending, at least two) are the plan's
  // own validation (validateCompPlan), answered beside the row they concern.
  curve: z
    .array(
      z.object({
        x: z.number({ error: "Enter C as a number." }).optional(),
        y: z.number({ error: "Enter M as a number." }).optional(),
      }),
    )
    .max(CURVE_ROWS),
  gates: z.object({ highSeverityInaccurateCap: nonNegative("a cap"), quizBelowPassMarkCap: nonNegative("a cap") }),
  requiredQuizIds: z.array(z.string()).default([]),
});

// The period overview's table: the sortable columns (their ids in the URL) and page sizes.
export const OVERVIEW_SORT_KEYS = [
  "name",
  "team",
  "accuracy",
  "quiz",
  "satisfaction",
  "composite",
  "multiplier",
  "payout",
  "adjustment",
] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];
export const OVERVIEW_PAGE_SIZES = [25, 50, 100] as const;
