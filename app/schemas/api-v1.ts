// The JSON API's request and response bodies (PRODUCT.md §9). These zod schemas validate what a
// CRM posts and, through z.toJSONSchema, are the schemas of /api/v1/openapi.json, so the document
// cannot drift from what Candor accepts. They check shape only (text, number, null); the values
// are then checked by the same rules as the CSV imports (app/domain/deal-import.ts,
// survey-results-import.ts), which is why most fields are plain strings here.
import { z } from "zod";
import { API_MAX_ITEMS } from "../domain/api-tokens.ts";
import {
  CLAIM_PAGE_SIZES,
  CLAIM_SORT_KEYS,
  claimsQuerySchema,
  parseClaimsQuery,
  type ClaimsQuery,
} from "../domain/claims-filter.ts";
import { DEAL_COLUMNS, type DealColumnKey, type DealValues } from "../domain/deal-import.ts";
import {
  CAPABILITY_LEVELS,
  CHANNELS,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  MATRIX_CHECKS,
  SEVERITIES,
} from "../domain/levels.ts";
import { parseListQuery } from "../domain/list-query.ts";
import {
  SURVEY_RESULT_COLUMNS,
  type SurveyResultColumnKey,
  type SurveyResultValues,
} from "../domain/survey-results-import.ts";

/** The schemas /api/v1/openapi.json lists under components.schemas, by name. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** One problem of a request: the item's position in the posted array (when about an item), the field, and why. */
export const problemSchema = z
  .object({
    index: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("The item's position in the posted array, from 0; absent for a problem with the whole request."),
    field: z
      .string()
      .nullable()
      .describe("The field (or query parameter) at fault; null when the problem is with the whole item or request."),
    reason: z.string().describe("What is wrong, in a sentence."),
  })
  .register(apiSchemas, { id: "Problem" });

export const errorSchema = z
  .object({
    error: z.string().describe("What went wrong, in a sentence."),
    problems: z.array(problemSchema).describe("Each problem found; empty when the error says it all."),
  })
  .register(apiSchemas, { id: "Error" });

export type ApiProblem = z.infer<typeof problemSchema>;

function described<K extends string>(columns: ReadonlyArray<{ key: K; description: string }>, key: K): string {
  return columns.find((column) => column.key === key)?.description ?? "";
}

const textError = (issue: { input?: unknown }) => (issue.input === undefined ? "Is missing." : "Must be text.");

/** A required text field (a missing one is reported as missing; the value rules say whether it may be empty). */
const requiredText = (description: string) => z.string({ error: textError }).describe(description);
/** An optional text field: absent, null and "" all mean empty. */
const optionalText = (description: string) =>
  z.string({ error: "Must be text or null." }).nullable().optional().describe(description);

const dealText = (key: DealColumnKey) => requiredText(described(DEAL_COLUMNS, key));

export const dealInputSchema = z
  .object(
    {
      externalId: dealText("externalId"),
      account: dealText("account"),
      contactName: dealText("contactName"),
      contactEmail: dealText("contactEmail"),
      ownerEmail: dealText("ownerEmail"),
      product: optionalText(described(DEAL_COLUMNS, "product")),
      amount: z
        .union([z.number(), z.string()], {
          error: (issue) =>
            issue.input === undefined ? "Is missing." : 'Must be a number or text such as "12,500.50".',
        })
        .describe('In dollars: a number (12500.5) or text ("12,500.50"); at most two decimals.'),
      status: dealText("status"),
      closedAt: z
        .union([z.string(), z.number()], { error: "Must be a date as text, a number of milliseconds, or null." })
        .nullable()
        .optional()
        .describe(
          "YYYY-MM-DD or an ISO date-time, or milliseconds since 1970-01-01 UTC; required for WON and LOST, empty for OPEN.",
        ),
    },
    { error: "Must be an object with the deal's fields." },
  )
  .register(apiSchemas, { id: "Deal", description: "One deal of the CRM. Fields Candor does not know are ignored." });

export const dealsRequestSchema = z
  .union([z.array(dealInputSchema).min(1).max(API_MAX_ITEMS), dealInputSchema])
  .register(apiSchemas, {
    id: "DealsRequest",
    description: `An array of 1 to ${API_MAX_ITEMS.toLocaleString("en-US")} deals, or one deal object (taken as an array of one).`,
  });

const surveyText = (key: SurveyResultColumnKey) => described(SURVEY_RESULT_COLUMNS, key);
const integerOrText = (description: string, required: boolean) => {
  const schema = z
    .union([z.number(), z.string()], {
      error: (issue) => (issue.input === undefined && required ? "Is missing." : "Must be a whole number."),
    })
    .describe(description);
  return required ? schema : schema.nullable().optional();
};

/** Fields of the survey results import that the API passes through as text (those added later included). */
const surveyExtraFields = Object.fromEntries(
  SURVEY_RESULT_COLUMNS.filter(
    (column) => !["externalId", "respondedAt", "csat", "delivered", "nps"].includes(column.key),
  ).map((column) => [column.key, optionalText(column.description)]),
);

export const surveyResultInputSchema = z
  .object(
    {
      externalId: requiredText(surveyText("externalId")),
      respondedAt: z
        .union([z.string(), z.number()], { error: textError })
        .describe(`${surveyText("respondedAt")} Or milliseconds since 1970-01-01 UTC.`),
      csat: integerOrText(surveyText("csat"), true),
      delivered: requiredText(surveyText("delivered")),
      nps: integerOrText(surveyText("nps"), false),
      ...surveyExtraFields,
    },
    { error: "Must be an object with the survey's fields." },
  )
  .register(apiSchemas, {
    id: "SurveyResult",
    description: "One answered survey, matched to its deal by the CRM id. Fields Candor does not know are ignored.",
  });

export const surveyResultsRequestSchema = z
  .union([z.array(surveyResultInputSchema).min(1).max(API_MAX_ITEMS), surveyResultInputSchema])
  .register(apiSchemas, {
    id: "SurveyResultsRequest",
    description: `An array of 1 to ${API_MAX_ITEMS.toLocaleString("en-US")} survey results, or one object.`,
  });

// ---------------------------------------------------------------------------------------------
// Responses

export const dealsResponseSchema = z
  .object({
    created: z.number().int().describe("Deals Candor did not have."),
    updated: z.number().int().describe("Deals stored before whose fields changed."),
    unchanged: z
      .number()
      .int()
      .describe("Deals already stored exactly so: posting the same deals again changes nothing."),
  })
  .register(apiSchemas, { id: "DealsImported" });

export const surveyResultsResponseSchema = z
  .object({
    recorded: z.number().int().describe("Surveys answered for the first time."),
    updated: z.number().int().describe("Imported answers that changed."),
    unchanged: z.number().int().describe("Answers already stored exactly so."),
  })
  .register(apiSchemas, { id: "SurveyResultsImported" });

export const claimRowSchema = z
  .object({
    id: z.string(),
    madeAt: z.string().describe("When the claim was made to the customer (ISO 8601, UTC)."),
    salesperson: z.object({ id: z.string(), name: z.string() }),
    team: z.string().nullable(),
    accountName: z.string(),
    product: z.string(),
    capability: z.string().nullable().describe("The capability's title; null until one is mapped."),
    assertedLevel: z
      .enum(CAPABILITY_LEVELS)
      .nullable()
      .describe("What the customer was told; null until an engineer reads a customer's report."),
    statement: z.string().describe("The claim as the table shows it: its first 140 characters."),
    channel: z.enum(CHANNELS),
    source: z
      .enum(CLAIM_SOURCES)
      .describe(
        "Where the claim came from: SELF (logged by the salesperson), OBSERVED (by a colleague who heard it), CUSTOMER (the customer's survey answer), CONVERSATION (found in a transcript or email).",
      ),
    matrixCheck: z.enum(MATRIX_CHECKS),
    status: z.enum(CLAIM_STATUSES),
    severity: z.enum(SEVERITIES).nullable(),
    verifiedAt: z.string().nullable(),
  })
  .register(apiSchemas, { id: "Claim" });

export const claimsPageSchema = z
  .object({
    data: z.array(claimRowSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int().describe("Claims matching the filters, on every page."),
    links: z.object({
      self: z.string(),
      next: z.string().nullable().describe("The next page's address, or null on the last page."),
      prev: z.string().nullable(),
    }),
  })
  .register(apiSchemas, { id: "ClaimsPage" });

// ---------------------------------------------------------------------------------------------
// From a posted body to the values the import rules read

export type BatchParse<Values> =
  { ok: true; batch: Values[] } | { ok: false; status: 400 | 413; error: string; problems: ApiProblem[] };

function text(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : value.trim();
}

/** A CRM may send a date as milliseconds since 1970 (HubSpot does); the import rules read ISO text. */
function dateText(value: string | number | null | undefined): string {
  if (typeof value !== "number") return text(value);
  const date = new Date(value);
  return Number.isFinite(value) && !Number.isNaN(date.getTime()) ? date.toISOString() : String(value);
}

/**
 * The posted items, each checked for shape by `schema`: a JSON array, or one object taken as an
 * array of one. Problems name the item's index and the field.
 */
function parseBatch<Schema extends z.ZodType, Values>(
  body: unknown,
  schema: Schema,
  noun: string,
  toValues: (input: z.infer<Schema>) => Values,
): BatchParse<Values> {
  const items: unknown[] = Array.isArray(body) ? body : typeof body === "object" && body !== null ? [body] : [];
  if (!Array.isArray(body) && (typeof body !== "object" || body === null)) {
    return {
      ok: false,
      status: 400,
      error: `The body must be a JSON array of ${noun}s (or one ${noun} object).`,
      problems: [],
    };
  }
  if (items.length === 0)
    return { ok: false, status: 400, error: `The array is empty: send at least one ${noun}.`, problems: [] };
  if (items.length > API_MAX_ITEMS) {
    return {
      ok: false,
      status: 413,
      error: `This request holds ${items.length.toLocaleString("en-US")} ${noun}s; send at most ${API_MAX_ITEMS.toLocaleString("en-US")} per request, so nothing was saved.`,
      problems: [],
    };
  }
  const problems: ApiProblem[] = [];
  const batch: Values[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) batch.push(toValues(parsed.data));
    else
      for (const issue of parsed.error.issues)
        problems.push({ index, field: issue.path.length ? String(issue.path[0]) : null, reason: issue.message });
  });
  if (problems.length)
    return {
      ok: false,
      status: 400,
      error: `Some ${noun}s are not in the expected shape, so nothing was saved.`,
      problems,
    };
  return { ok: true, batch };
}

export function parseDealsBody(body: unknown): BatchParse<DealValues> {
  return parseBatch(body, dealInputSchema, "deal", (deal) => ({
    externalId: text(deal.externalId),
    account: text(deal.account),
    contactName: text(deal.contactName),
    contactEmail: text(deal.contactEmail),
    ownerEmail: text(deal.ownerEmail),
    product: text(deal.product),
    amount: text(deal.amount),
    status: text(deal.status),
    closedAt: dateText(deal.closedAt),
  }));
}

export function parseSurveyResultsBody(body: unknown): BatchParse<SurveyResultValues> {
  return parseBatch(body, surveyResultInputSchema, "survey result", (result) => {
    const fields = result as Record<string, string | number | null | undefined>;
    const values = Object.fromEntries(
      SURVEY_RESULT_COLUMNS.map((column) => [column.key, text(fields[column.key])]),
    ) as SurveyResultValues;
    values.respondedAt = dateText(result.respondedAt);
    return values;
  });
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/claims: the /claims filters (app/domain/claims-filter.ts). The page drops a value
// it cannot read with a note; a program would not see the note and would take the unfiltered
// answer for the filtered one, so the API refuses it instead.

export type ClaimsApiQuery = { ok: true; query: ClaimsQuery } | { ok: false; problems: ApiProblem[] };

const CLAIM_PARAMETER_VALUES: Partial<Record<keyof typeof claimsQuerySchema.shape, readonly (string | number)[]>> = {
  status: CLAIM_STATUSES,
  channel: CHANNELS,
  matrixCheck: MATRIX_CHECKS,
  source: CLAIM_SOURCES,
  sort: CLAIM_SORT_KEYS,
  dir: ["asc", "desc"],
  pageSize: CLAIM_PAGE_SIZES,
};

/** The query parameters /api/v1/claims reads: the claims table's, nothing else. */
export const CLAIM_PARAMETERS = Object.keys(claimsQuerySchema.shape) as Array<keyof typeof claimsQuerySchema.shape>;

function isClaimParameter(name: string): name is keyof typeof claimsQuerySchema.shape {
  return (CLAIM_PARAMETERS as string[]).includes(name);
}

function claimParameterReason(name: keyof typeof claimsQuerySchema.shape, value: string): string {
  const values = CLAIM_PARAMETER_VALUES[name];
  if (values) return `"${value}" is not one of ${values.join(", ")}.`;
  if (name === "from" || name === "to") return `"${value}" is not a date (YYYY-MM-DD).`;
  if (name === "page") return `"${value}" is not a page number (1 or more).`;
  return `"${value}" is not an id, slug or key Candor could know.`;
}

export function parseClaimsApiQuery(params: URLSearchParams): ClaimsApiQuery {
  const problems: ApiProblem[] = [];
  for (const [name, value] of params) {
    if (!isClaimParameter(name)) {
      problems.push({
        field: name,
        reason: `Candor does not read this parameter; it reads ${CLAIM_PARAMETERS.join(", ")}.`,
      });
      continue;
    }
    // Each value on its own, so a parameter given twice is refused for either value.
    if (parseListQuery(claimsQuerySchema, new URLSearchParams([[name, value]])).rejected.length)
      problems.push({ field: name, reason: claimParameterReason(name, value) });
  }
  if (problems.length) return { ok: false, problems };
  const query = parseClaimsQuery(params);
  // What is left is a rule between fields (a date range the wrong way round).
  if (query.notes.length)
    return {
      ok: false,
      problems: query.notes.map((note) => ({
        field: null,
        reason: note.replace(/^Ignored the date range: /, "The date range is reversed: "),
      })),
    };
  return { ok: true, query };
}
