import { z } from "zod";
import { API_BODY_MAX_BYTES, API_MAX_ITEMS, API_REQUESTS_PER_MINUTE, API_SCOPES } from "../domain/api-tokens.ts";
import { apiSchemas, CLAIM_PARAMETERS, dealsRequestSchema, surveyResultsRequestSchema } from "../schemas/api-v1.ts";
import { claimsQuerySchema } from "../domain/claims-filter.ts";

// /api/v1/openapi.json: an OpenAPI 3.1 description of the JSON API, built from the zod schemas
// that validate its requests (app/schemas/api-v1.ts), so it says exactly what Candor accepts.

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Each registered schema as a component; JSON Schema 2020-12 is OpenAPI 3.1's own dialect. */
function componentSchemas(): Record<string, JsonObject> {
  // The request schemas are registered when their module loads; naming them keeps that import used.
  void dealsRequestSchema;
  void surveyResultsRequestSchema;
  const { schemas } = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    io: "input",
    unrepresentable: "any",
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ref("Error") } } };
}

const COMMON_ERRORS = {
  "401": errorResponse("No token, or a token Candor does not know or that was revoked."),
  "403": errorResponse("The token lacks the scope this request needs."),
  "429": {
    ...errorResponse(
      `The token made ${API_REQUESTS_PER_MINUTE} requests in the last minute. Retry after the number of seconds in Retry-After.`,
    ),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
  },
};

const WRITE_ERRORS = {
  "400": errorResponse(
    "The body is not valid JSON, or some items are invalid: `problems` names each by index and field. Nothing was saved.",
  ),
  "413": errorResponse(
    `The body is larger than ${API_BODY_MAX_BYTES / 1024 / 1024} MB or holds more than ${API_MAX_ITEMS.toLocaleString("en-US")} items. Nothing was saved.`,
  ),
  "415": errorResponse("The body was not sent as application/json."),
};

/** A query parameter's schema, from the claims table's own field schema. */
function parameterSchema(name: (typeof CLAIM_PARAMETERS)[number]): JsonObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(claimsQuerySchema.shape[name], {
    io: "input",
    unrepresentable: "any",
  }) as JsonObject;
  return schema;
}

// Partial, so a filter the claims table gains later is still listed (with its schema) before it is described here.
const PARAMETER_TEXT: Partial<Record<(typeof CLAIM_PARAMETERS)[number], string>> = {
  status: "The verdict status.",
  salesperson: "A salesperson's Candor id.",
  team: "A team's Candor id.",
  product: "A product's slug.",
  capability: "A capability's key (with product).",
  channel: "How the claim was made.",
  matrixCheck: "The matrix check's result.",
  source: "Where the claim came from: SELF, OBSERVED, CUSTOMER or CONVERSATION.",
  from: "The first day included (YYYY-MM-DD, UTC).",
  to: "The last day included (YYYY-MM-DD, UTC).",
  sort: "The column to sort by (default madeAt).",
  dir: "asc or desc (default desc for madeAt, else asc).",
  page: "The page, from 1; follow links.next for the next one.",
  pageSize: "Claims per page: 25 (default), 50 or 100.",
};

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Candor API",
      version: "1",
      description: [
        "Push deals and survey results from a CRM and read claims. Authenticate with an API token an admin creates at /admin/api-tokens:",
        "`Authorization: Bearer <token>`. Cookies are never accepted. Every request is recorded in the audit log.",
        `Each token may make ${API_REQUESTS_PER_MINUTE} requests a minute. Errors are JSON: { "error": "<sentence>", "problems": [...] }.`,
        "Writes are all or nothing: if any item is invalid, nothing is saved. Posting the same items again changes nothing (deals are matched by externalId).",
      ].join(" "),
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{ bearerToken: [] }],
    paths: {
      "/deals": {
        post: {
          operationId: "importDeals",
          summary: "Create or update deals by their CRM id",
          description:
            "The same fields and rules as the deals CSV import. A WON deal gets its six-month survey. The token acts for every team. Needs the deals:write scope.",
          requestBody: { required: true, content: { "application/json": { schema: ref("DealsRequest") } } },
          responses: {
            "200": {
              description: "Every deal was valid and is stored.",
              content: { "application/json": { schema: ref("DealsImported") } },
            },
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      "/survey-results": {
        post: {
          operationId: "importSurveyResults",
          summary: "Record survey answers collected outside Candor",
          description: "The same fields and rules as the survey results CSV import. Needs the surveys:write scope.",
          requestBody: { required: true, content: { "application/json": { schema: ref("SurveyResultsRequest") } } },
          responses: {
            "200": {
              description: "Every result was valid and is stored.",
              content: { "application/json": { schema: ref("SurveyResultsImported") } },
            },
            "409": errorResponse(
              "Every problem is a survey the customer already answered through its link; that answer is kept. Nothing was saved.",
            ),
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      "/claims": {
        get: {
          operationId: "listClaims",
          summary: "Claims, filtered as on the /claims page, one page at a time",
          description:
            "Every claim in Candor (the token reads all teams). A parameter Candor cannot read is refused (400), never ignored. Needs the claims:read scope.",
          parameters: CLAIM_PARAMETERS.map((name) => ({
            name,
            in: "query",
            required: false,
            description: PARAMETER_TEXT[name] ?? `The ${name} filter of the /claims page.`,
            schema: parameterSchema(name),
          })),
          responses: {
            "200": {
              description: "One page of claims.",
              content: { "application/json": { schema: ref("ClaimsPage") } },
            },
            "400": errorResponse("A parameter Candor cannot read: `problems` names it."),
            "404": errorResponse("A page past the last one."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document",
          security: [],
          responses: {
            "200": {
              description: "The OpenAPI 3.1 description of the API.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `An API token (cnd_…) from /admin/api-tokens, with the scopes the request needs: ${API_SCOPES.join(", ")}.`,
        },
      },
      schemas: componentSchemas(),
    },
  };
}
