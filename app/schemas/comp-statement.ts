import { z } from "zod";
import type { CompFigures } from "../domain/comp-figures.ts";
import { CLAIM_STATUSES, DELIVERED, SEVERITIES } from "../domain/levels.ts";

// A statement's figures as stored in CompStatement.detailJson (PRODUCT.md §4: "a statement lists
// every input and intermediate figure"; frozen when the period locks). One schema writes and
// reads them, so a locked statement read years later means what it meant when it was computed.
// Statements stored before the version field existed are version 1.

export const FROZEN_STATEMENT_VERSION = 1;

const severity = z.enum(SEVERITIES);

export const claimLineSchema = z.object({
  id: z.string(),
  status: z.enum(CLAIM_STATUSES),
  severity: severity.nullable(),
  disputed: z.boolean(),
  counted: z.boolean(),
  weightedAs: severity.nullable(),
  credit: z.number().nullable(),
  weight: z.number().nullable(),
  note: z.string().nullable(),
});

export const quizLineSchema = z.object({
  quizId: z.string(),
  title: z.string(),
  passMark: z.number(),
  certificationDays: z.number(),
  windowStart: z.string(),
  windowEnd: z.string(),
  attempts: z.array(z.object({ id: z.string(), score: z.number(), submittedAt: z.string() })),
  bestAttemptId: z.string().nullable(),
  bestScore: z.number(),
  passed: z.boolean(),
});

export const surveyLineSchema = z.object({
  id: z.string(),
  csat: z.number().nullable(),
  delivered: z.enum(DELIVERED).nullable(),
  csatItem: z.number().nullable(),
  deliveredItem: z.number().nullable(),
  itemsCounted: z.array(z.enum(["csat", "delivered"])),
  s: z.number().nullable(),
  counted: z.boolean(),
  note: z.string().nullable(),
});

const gateLineSchema = z.object({
  name: z.enum(["HIGH_SEVERITY_INACCURATE", "QUIZ_BELOW_PASS_MARK"]),
  cap: z.number(),
  reason: z.string(),
  lowered: z.boolean(),
});

const weights = z.object({ accuracy: z.number(), quiz: z.number(), satisfaction: z.number() });
const prior = z.object({ k: z.number(), m: z.number() });

const figuresV1 = z.object({
  version: z.literal(FROZEN_STATEMENT_VERSION),
  periodEnd: z.string(),
  targetBonusCents: z.number().int(),
  plan: z.object({
    weights,
    accuracyPrior: prior,
    satisfactionPrior: prior,
    curve: z.array(z.tuple([z.number(), z.number()])),
    gates: z.object({ highSeverityInaccurateCap: z.number(), quizBelowPassMarkCap: z.number() }),
  }),
  claims: z.array(claimLineSchema),
  sumWeightedCredit: z.number(),
  sumWeight: z.number(),
  accuracy: z.number(),
  quizzes: z.array(quizLineSchema),
  quizDropped: z.boolean(),
  quiz: z.number().nullable(),
  surveys: z.array(surveyLineSchema),
  sumSatisfaction: z.number(),
  surveyCount: z.number().int(),
  satisfaction: z.number(),
  effectiveWeights: weights,
  composite: z.number(),
  curveMultiplier: z.number(),
  gates: z.array(gateLineSchema),
  multiplierAfterGates: z.number(),
  multiplier: z.number(),
  multiplierTenThousandths: z.number().int(),
  payoutCents: z.number().int(),
  explanation: z.array(z.string()),
});

/** The JSON stored for a statement's figures: the current version, checked against its schema. */
export function writeFrozenStatement(figures: CompFigures): string {
  return JSON.stringify(figuresV1.parse({ version: FROZEN_STATEMENT_VERSION, ...figures }));
}

/**
 * The columns a statement row stores of its figures: the frozen JSON, the scores the overview
 * sorts by, the target, and the period's own payout beside its adjustments and the total paid
 * (ADR 007: stored apart, the total is paid).
 */
export function statementColumns(figures: CompFigures, adjustmentCents: number) {
  return {
    detailJson: writeFrozenStatement(figures),
    accuracy: figures.accuracy,
    quiz: figures.quiz,
    satisfaction: figures.satisfaction,
    composite: figures.composite,
    multiplier: figures.multiplier,
    targetBonusCents: figures.targetBonusCents,
    periodPayoutCents: figures.payoutCents,
    adjustmentCents,
    totalPayoutCents: figures.payoutCents + adjustmentCents,
  };
}

/** A stored statement's figures; a row that does not match its version's schema is an error, never a guess. */
export function readFrozenStatement(detailJson: string): CompFigures {
  const stored: unknown = JSON.parse(detailJson);
  const versioned =
    typeof stored === "object" && stored !== null && !("version" in stored)
      ? { version: FROZEN_STATEMENT_VERSION, ...stored }
      : stored;
  const parsed = figuresV1.safeParse(versioned);
  if (!parsed.success) {
    throw new Error(
      `A stored statement does not match version ${FROZEN_STATEMENT_VERSION} of its schema: ${z.prettifyError(parsed.error)}`,
    );
  }
  const { version: _version, ...figures } = parsed.data;
  return figures;
}

// zod compiles a schema on its first parse; a computation reads thousands of stored arrays, so
// each line schema's array schema is made once.
const arraySchemas = new WeakMap<z.ZodType, z.ZodType>();

/**
 * One array of a stored statement read on its own (SQL's json_extract of `$.claims` and the
 * like). Pass a schema made once (a module constant), not one built per call.
 */
export function readFrozenLines<T>(schema: z.ZodType<T>, json: string | null): T[] {
  let array = arraySchemas.get(schema);
  if (array === undefined) {
    array = z.array(schema);
    arraySchemas.set(schema, array);
  }
  return (array as z.ZodType<T[]>).parse(JSON.parse(json ?? "[]"));
}
