import { createHash } from "node:crypto";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_REQUESTS_PER_MINUTE, type ApiScope } from "../../app/domain/api-tokens.ts";
import { DEAL_COLUMNS } from "../../app/domain/deal-import.ts";
import { SURVEY_RESULT_COLUMNS } from "../../app/domain/survey-results-import.ts";
import { addDays } from "../../app/domain/dates.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { createApiToken } from "../../app/models/api-tokens.server.ts";
import {
  claimsPageSchema,
  dealsResponseSchema,
  errorSchema,
  surveyResultsResponseSchema,
} from "../../app/schemas/api-v1.ts";
import { action as tokensAction, loader as tokensLoader } from "../../app/routes/_app.admin.api-tokens.tsx";
import { action as notFoundAction, loader as notFoundLoader } from "../../app/routes/api.v1.$.ts";
import { loader as claimsLoader } from "../../app/routes/api.v1.claims.ts";
import { action as dealsAction, loader as dealsLoader } from "../../app/routes/api.v1.deals.ts";
import { loader as openApiLoader } from "../../app/routes/api.v1.openapi[.]json.ts";
import { action as surveyResultsAction } from "../../app/routes/api.v1.survey-results.ts";
import { createCandorApp } from "../../server/app.ts";
import { fieldErrorsOf, load, submit } from "./support/requests.ts";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";

// The JSON API (PRODUCT.md §9) called in-process as a CRM would call it over HTTP: a bearer
// token, a JSON body, and a JSON answer; the origin rule and body limit in front of it are
// checked on a real Express server.

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<Response> | Response;

interface Call {
  token?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

async function call(
  handler: Handler,
  method: "GET" | "POST",
  pathAndQuery: string,
  options: Call = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers = new Headers({ "x-candor-client-ip": "203.0.113.150", ...options.headers });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined;
  if (method === "POST") {
    body = options.raw ?? JSON.stringify(options.body ?? []);
    headers.set("content-type", options.contentType ?? "application/json");
  }
  const request = new Request(`${ORIGIN}${pathAndQuery}`, { method, headers, body });
  const outcome = await settle(async () => handler({ request, params: options.params ?? {}, context: {} }));
  if (!(outcome instanceof Response)) throw new Error(`Expected a Response, got ${String(outcome)}`);
  expect(outcome.headers.get("content-type")).toContain("application/json");
  return { status: outcome.status, body: (await outcome.json()) as Record<string, unknown>, headers: outcome.headers };
}

const stamp = Date.now().toString(36).toUpperCase();
let admin: { id: string };

async function tokenWith(...scopes: ApiScope[]): Promise<string> {
  const created = await createApiToken(
    { actorId: admin.id, requestId: null, ip: null },
    { name: `Test ${scopes.join(" ")} ${Math.random()}`, scopes },
  );
  return created.token;
}

function deal(n: number, overrides: Record<string, unknown> = {}) {
  return {
    externalId: `API-${stamp}-${n}`,
    account: `Umbrella ${stamp}`,
    contactName: "Alice Abernathy",
    contactEmail: "alice@umbrella.example",
    ownerEmail: "sales@candor.test",
    product: "ledgerline",
    amount: 12500.5,
    status: "WON",
    closedAt: "2026-06-30",
    ...overrides,
  };
}

async function dealsSnapshot(prefix: string) {
  const [deals, surveys, events] = await Promise.all([
    prisma.deal.findMany({ where: { externalId: { startsWith: prefix } }, orderBy: { externalId: "asc" } }),
    prisma.survey.count({ where: { deal: { externalId: { startsWith: prefix } } } }),
    prisma.auditEvent.count({ where: { action: { in: ["deal.create", "deal.update", "deal.import"] } } }),
  ]);
  return { deals, surveys, events };
}

async function requestEvents(token: string) {
  const row = await prisma.apiToken.findUniqueOrThrow({
    where: { tokenHash: createHash("sha256").update(token).digest("hex") },
  });
  const events = await prisma.auditEvent.findMany({
    where: { action: "api.request", entityId: row.id },
    orderBy: { id: "asc" },
  });
  return {
    row,
    requests: events.map(
      (event) =>
        JSON.parse(event.afterJson ?? "{}") as { tokenId: string; route: string; status: number; method: string },
    ),
  };
}

beforeAll(async () => {
  admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" }, select: { id: true } });
});

describe("API tokens at /admin/api-tokens", () => {
  it("shows a new token once, stores only its hash and prefix, lists it, and revokes it at once", async () => {
    const form = new URLSearchParams([
      ["intent", "create"],
      ["name", `Salesforce ${stamp}`],
      ["scopes", "deals:write"],
      ["scopes", "claims:read"],
    ]);
    const created = (await submit(tokensAction, "admin@candor.test", "/admin/api-tokens", form)) as {
      created: { name: string; token: string } | null;
    };
    const token = created.created?.token ?? "";
    expect(token).toMatch(/^cnd_[A-Za-z0-9_-]{43}$/);

    const stored = await prisma.apiToken.findFirstOrThrow({ where: { name: `Salesforce ${stamp}` } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.prefix).toBe(token.slice(0, 12));
    expect(stored.scopes).toBe("deals:write claims:read");
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(
      await prisma.auditEvent.count({ where: { action: "api-token.create", entityId: stored.id, actorId: admin.id } }),
    ).toBe(1);

    const listed = (await load(tokensLoader, "admin@candor.test", "/admin/api-tokens")) as {
      tokens: Array<{ id: string; prefix: string; createdBy: string; lastUsedAt: Date | null; revokedAt: Date | null }>;
    };
    const row = listed.tokens.find((candidate) => candidate.id === stored.id);
    expect(row).toMatchObject({
      prefix: token.slice(0, 12),
      createdBy: "Alex Morgan",
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await call(claimsLoader, "GET", "/api/v1/claims", { token })).status).toBe(200);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: stored.id } })).lastUsedAt).not.toBeNull();

    const revoked = await submit(tokensAction, "admin@candor.test", "/admin/api-tokens", {
      intent: "revoke",
      tokenId: stored.id,
    });
    expect(revoked).toBeInstanceOf(Response);
    expect(
      await prisma.auditEvent.count({ where: { action: "api-token.revoke", entityId: stored.id, actorId: admin.id } }),
    ).toBe(1);

    const refused = await call(claimsLoader, "GET", "/api/v1/claims", { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/revoked/);
    const { requests } = await requestEvents(token);
    expect(requests.map((request) => request.status)).toEqual([200, 401]);
  });

  it("refuses a token without a name or scope, field by field, and stores nothing", async () => {
    const before = await prisma.apiToken.count();
    const errors = fieldErrorsOf(
      await submit(tokensAction, "admin@candor.test", "/admin/api-tokens", { intent: "create", name: "" }),
    );
    expect(errors.name?.[0]).toMatch(/Name the token/);
    expect(errors.scopes?.[0]).toMatch(/at least one scope/);
    expect(await prisma.apiToken.count()).toBe(before);
  });
});

describe("authentication and scopes", () => {
  it("answers 401 without a token, with an unknown token, and to a signed-in browser's cookie", async () => {
    const none = await call(dealsAction, "POST", "/api/v1/deals", { body: [deal(900)] });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: expect.stringMatching(/Authorization: Bearer/), problems: [] });
    expect(errorSchema.strict().parse(none.body)).toEqual(none.body);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const unknown = await call(dealsAction, "POST", "/api/v1/deals", {
      token: "cnd_not-a-token-candor-issued",
      body: [deal(900)],
    });
    expect(unknown.status).toBe(401);

    const cookie = await cookieFor("admin@candor.test");
    const withCookie = await call(dealsAction, "POST", "/api/v1/deals", { headers: { cookie }, body: [deal(900)] });
    expect(withCookie.status).toBe(401);
    expect(await prisma.deal.count({ where: { externalId: deal(900).externalId } })).toBe(0);
  });

  it("answers 403 when the token lacks the scope, and records the refusal", async () => {
    const token = await tokenWith("claims:read");
    const refused = await call(dealsAction, "POST", "/api/v1/deals", { token, body: [deal(901)] });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/deals:write/);
    expect(await prisma.deal.count({ where: { externalId: deal(901).externalId } })).toBe(0);
    const { row, requests } = await requestEvents(token);
    expect(requests).toEqual([{ tokenId: row.id, method: "POST", route: "/api/v1/deals", status: 403 }]);
  });

  /** A minute's worth of the token's requests in the audit log, as if served `msAgo` ago. */
  const logFullMinute = (tokenId: string, msAgo: number) =>
    prisma.auditEvent.createMany({
      data: Array.from({ length: API_REQUESTS_PER_MINUTE }, () => ({
        action: "api.request",
        entityType: "ApiToken",
        entityId: tokenId,
        at: new Date(Date.now() - msAgo),
      })),
    });

  it("answers 429 once the token made its minute's requests, counted from the audit log, with Retry-After", async () => {
    const token = await tokenWith("claims:read");
    const { row } = await requestEvents(token);
    // Requests another Candor process served a moment ago: the log is shared, so they count here too.
    await logFullMinute(row.id, 5_000);
    const limited = await call(claimsLoader, "GET", "/api/v1/claims", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.body.error).toMatch(/Wait a minute/);

    // Requests older than a minute no longer count.
    const fresh = await tokenWith("claims:read");
    const freshRow = (await requestEvents(fresh)).row;
    await logFullMinute(freshRow.id, 61_000);
    expect((await call(claimsLoader, "GET", "/api/v1/claims", { token: fresh })).status).toBe(200);
  });
});

describe("POST /api/v1/deals", () => {
  it("imports deals with their surveys, records the request, and changes nothing when the same deals are posted again", async () => {
    const token = await tokenWith("deals:write");
    const batch = [
      deal(1),
      deal(2, { status: "OPEN", closedAt: null, amount: "8,000", product: null }),
      deal(3, { status: "lost", closedAt: Date.UTC(2026, 0, 15) }),
    ];
    const first = await call(dealsAction, "POST", "/api/v1/deals", { token, body: batch });
    expect(first).toMatchObject({ status: 200, body: { created: 3, updated: 0, unchanged: 0 } });
    // The answer has the shape the OpenAPI document publishes.
    expect(dealsResponseSchema.strict().parse(first.body)).toEqual(first.body);

    const stored = await dealsSnapshot(`API-${stamp}-`);
    expect(stored.deals.map((row) => [row.externalId, row.status, row.amountCents])).toEqual([
      [`API-${stamp}-1`, "WON", 1_250_050],
      [`API-${stamp}-2`, "OPEN", 800_000],
      [`API-${stamp}-3`, "LOST", 1_250_050],
    ]);
    expect(stored.deals[2]?.closedAt?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(stored.surveys).toBe(1);
    // The import is recorded under the admin who made the token, with the request's id.
    const importEvent = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "deal.import" },
      orderBy: { id: "desc" },
    });
    expect(importEvent.actorId).toBe(admin.id);
    const { row, requests } = await requestEvents(token);
    expect(requests).toEqual([{ tokenId: row.id, method: "POST", route: "/api/v1/deals", status: 200 }]);

    const again = await call(dealsAction, "POST", "/api/v1/deals", { token, body: batch });
    expect(again).toMatchObject({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    const after = await dealsSnapshot(`API-${stamp}-`);
    expect(after.deals).toEqual(stored.deals);
    expect(after.surveys).toBe(stored.surveys);
    expect(after.events).toBe(stored.events + 1); // the second import's own summary, no deal event

    const single = await call(dealsAction, "POST", "/api/v1/deals", { token, body: deal(1, { amount: 13000 }) });
    expect(single).toMatchObject({ status: 200, body: { created: 0, updated: 1, unchanged: 0 } });
  });

  it("writes nothing when any deal is invalid, and names each problem by index and field with the CSV import's sentences", async () => {
    const token = await tokenWith("deals:write");
    const before = await dealsSnapshot(`API-${stamp}-B`);
    const result = await call(dealsAction, "POST", "/api/v1/deals", {
      token,
      body: [
        deal(10, { externalId: `API-${stamp}-B1` }),
        deal(11, { externalId: `API-${stamp}-B1`, ownerEmail: "nobody@candor.test", amount: "12.345" }),
        deal(12, { externalId: `API-${stamp}-B2`, status: "OPEN" }),
      ],
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("Some deals are invalid, so nothing was saved.");
    expect(result.body.problems).toEqual([
      { index: 1, field: "externalId", reason: `"API-${stamp}-B1" is also at index 0; each deal may appear once.` },
      { index: 1, field: "ownerEmail", reason: 'No Candor user has the email "nobody@candor.test".' },
      {
        index: 1,
        field: "amount",
        reason: '"12.345" is not an amount in dollars (e.g. 12500 or 12,500.50, at most 21,474,836.47).',
      },
      { index: 2, field: "closedAt", reason: "An OPEN deal has no closed date; leave it empty." },
    ]);
    expect(await dealsSnapshot(`API-${stamp}-B`)).toEqual(before);
  });

  it("refuses items of the wrong shape with their index and field", async () => {
    const token = await tokenWith("deals:write");
    const { externalId: _omitted, ...withoutId } = deal(20);
    const result = await call(dealsAction, "POST", "/api/v1/deals", {
      token,
      body: [withoutId, deal(21, { amount: true }), 42],
    });
    expect(result.status).toBe(400);
    expect(result.body.problems).toEqual([
      { index: 0, field: "externalId", reason: "Is missing." },
      { index: 1, field: "amount", reason: 'Must be a number or text such as "12,500.50".' },
      { index: 2, field: null, reason: "Must be an object with the deal's fields." },
    ]);
    expect((await call(dealsAction, "POST", "/api/v1/deals", { token, body: [] })).body.error).toMatch(/empty/);
    expect((await call(dealsAction, "POST", "/api/v1/deals", { token, body: "deals" })).status).toBe(400);
  });

  it("answers 400 for a body that is not JSON, 415 for one not sent as JSON, 413 for one too large, and 405 for GET", async () => {
    const token = await tokenWith("deals:write");
    const broken = await call(dealsAction, "POST", "/api/v1/deals", { token, raw: '[{"externalId": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/not valid JSON/);

    const csv = await call(dealsAction, "POST", "/api/v1/deals", {
      token,
      raw: "External ID,Account\nX,Y",
      contentType: "text/csv",
    });
    expect(csv.status).toBe(415);
    expect(csv.body.error).toMatch(/Content-Type: application\/json/);

    const huge = await call(dealsAction, "POST", "/api/v1/deals", { token, raw: `[${" ".repeat(8 * 1024 * 1024)}]` });
    expect(huge.status).toBe(413);
    const many = await call(dealsAction, "POST", "/api/v1/deals", {
      token,
      body: Array.from({ length: 10_001 }, () => ({})),
    });
    expect(many.status).toBe(413);
    expect(many.body.error).toMatch(/at most 10,000/);

    const get = await call(dealsLoader, "GET", "/api/v1/deals", { token });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});

describe("POST /api/v1/survey-results", () => {
  it("records answers as the CSV import does, changes nothing when posted again, and answers 409 for surveys the customer answered through the link", async () => {
    const dealsToken = await tokenWith("deals:write");
    const closedAt = addDays(new Date(), -200).toISOString().slice(0, 10);
    expect(
      (await call(dealsAction, "POST", "/api/v1/deals", { token: dealsToken, body: [deal(30, { closedAt })] })).status,
    ).toBe(200);

    const token = await tokenWith("surveys:write");
    const result = {
      externalId: deal(30).externalId,
      respondedAt: "2026-11-01",
      csat: 4,
      delivered: "partly",
      nps: "9",
      comment: "Setup took long.",
      untrueClaim: null,
    };
    const first = await call(surveyResultsAction, "POST", "/api/v1/survey-results", { token, body: [result] });
    expect(first).toMatchObject({ status: 200, body: { recorded: 1, updated: 0, unchanged: 0 } });
    expect(surveyResultsResponseSchema.strict().parse(first.body)).toEqual(first.body);
    const survey = await prisma.survey.findFirstOrThrow({ where: { deal: { externalId: deal(30).externalId } } });
    expect(survey).toMatchObject({
      csat: 4,
      deliveredAsPromised: "PARTLY",
      nps: 9,
      leastLiked: "Setup took long.",
      source: "IMPORT",
    });
    expect((await call(surveyResultsAction, "POST", "/api/v1/survey-results", { token, body: result })).body).toEqual({
      recorded: 0,
      updated: 0,
      unchanged: 1,
    });

    const bad = await call(surveyResultsAction, "POST", "/api/v1/survey-results", {
      token,
      body: [{ ...result, csat: 6 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ index: 0, field: "csat", reason: '"6" is not a whole number from 1 to 5.' }]);

    const linked = await prisma.survey.findFirstOrThrow({
      where: { source: "LINK" },
      select: { deal: { select: { externalId: true } } },
    });
    const conflict = await call(surveyResultsAction, "POST", "/api/v1/survey-results", {
      token,
      body: [{ ...result, externalId: linked.deal.externalId }],
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.problems).toEqual([
      {
        index: 0,
        field: "externalId",
        reason: "The customer already answered this survey through its link; that answer is kept.",
      },
    ]);

    expect(
      (await call(surveyResultsAction, "POST", "/api/v1/survey-results", { token: dealsToken, body: [result] })).status,
    ).toBe(403);
  });
});

describe("GET /api/v1/claims", () => {
  it("filters and pages like /claims, with links to the next page", async () => {
    const token = await tokenWith("claims:read");
    const total = await prisma.claim.count({ where: { status: "INACCURATE" } });
    const first = await call(claimsLoader, "GET", "/api/v1/claims?status=INACCURATE&pageSize=25", { token });
    expect(first.status).toBe(200);
    const rows = first.body.data as Array<{ id: string; status: string; salesperson: { name: string } }>;
    expect(rows).toHaveLength(Math.min(25, total));
    expect(rows.every((row) => row.status === "INACCURATE")).toBe(true);
    expect(first.body).toMatchObject({ page: 1, pageSize: 25, total, pageCount: Math.ceil(total / 25) });
    expect(claimsPageSchema.parse(first.body)).toEqual(first.body);
    const links = first.body.links as { next: string | null; prev: string | null };
    expect(links.prev).toBeNull();
    expect(links.next).toBe("/api/v1/claims?status=INACCURATE&pageSize=25&page=2");

    const second = await call(claimsLoader, "GET", links.next ?? "", { token });
    const secondIds = (second.body.data as Array<{ id: string }>).map((row) => row.id);
    expect(secondIds.some((id) => rows.some((row) => row.id === id))).toBe(false);
  });

  it("refuses a filter it cannot read instead of ignoring it, and a page past the end with 404", async () => {
    const token = await tokenWith("claims:read");
    const bad = await call(claimsLoader, "GET", "/api/v1/claims?status=WRONG&from=2026-02-30&colour=red", { token });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      {
        field: "status",
        reason: '"WRONG" is not one of PENDING, ACCURATE, PARTIALLY_ACCURATE, INACCURATE, UNVERIFIABLE.',
      },
      { field: "from", reason: '"2026-02-30" is not a date (YYYY-MM-DD).' },
      { field: "colour", reason: expect.stringMatching(/^Candor does not read this parameter/) },
    ]);
    const unknownProduct = await call(claimsLoader, "GET", "/api/v1/claims?product=no-such-product", { token });
    expect(unknownProduct.status).toBe(400);
    expect(unknownProduct.body.problems).toEqual([{ field: null, reason: "No product is called “no-such-product”." }]);

    const past = await call(claimsLoader, "GET", "/api/v1/claims?page=99999", { token });
    expect(past.status).toBe(404);
    expect(past.body.error).toMatch(/There is no page 99999/);
  });
});

describe("other addresses", () => {
  it("answers 404 in JSON for an address the API does not have", async () => {
    const get = await call(notFoundLoader, "GET", "/api/v1/contacts", { params: { "*": "contacts" } });
    expect(get).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/no \/api\/v1\/contacts/), problems: [] },
    });
    expect((await call(notFoundAction, "POST", "/api/v1/contacts", { params: { "*": "contacts" } })).status).toBe(404);
  });

  it("describes every path, request and response in an OpenAPI 3.1 document built from the request schemas", async () => {
    const { status, body: document } = await call(openApiLoader, "GET", "/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(document.openapi).toBe("3.1.0");
    const paths = document.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>
    >;
    expect(Object.keys(paths).sort()).toEqual(["/claims", "/deals", "/openapi.json", "/survey-results"]);
    expect(Object.keys(paths["/deals"]?.post?.responses ?? {}).sort()).toEqual([
      "200",
      "400",
      "401",
      "403",
      "413",
      "415",
      "429",
    ]);
    expect(Object.keys(paths["/survey-results"]?.post?.responses ?? {})).toContain("409");
    expect(Object.keys(paths["/claims"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "429"]),
    );

    const components = document.components as {
      schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      securitySchemes: Record<string, unknown>;
    };
    expect(components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const name of [
      "Deal",
      "DealsRequest",
      "DealsImported",
      "SurveyResult",
      "SurveyResultsRequest",
      "SurveyResultsImported",
      "Claim",
      "ClaimsPage",
      "Error",
      "Problem",
    ]) {
      expect(components.schemas[name], name).toBeDefined();
    }
    // The request schemas carry every field of the CSV imports.
    expect(Object.keys(components.schemas.Deal?.properties ?? {}).sort()).toEqual(
      DEAL_COLUMNS.map((column) => column.key).sort(),
    );
    expect(Object.keys(components.schemas.SurveyResult?.properties ?? {}).sort()).toEqual(
      SURVEY_RESULT_COLUMNS.map((column) => column.key).sort(),
    );
    expect(components.schemas.Error?.required).toEqual(["error", "problems"]);

    // Every reference points at a schema the document holds.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1] ?? "",
    );
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((name) => !(name in components.schemas))).toEqual([]);
  });
});

describe("the server in front of the API", () => {
  let server: Server;
  let port = 0;
  const reached: RequestHandler = (req, res) => {
    res.json({ bytes: Buffer.isBuffer(req.body) ? req.body.length : 0 });
  };

  beforeAll(async () => {
    const app = createCandorApp({
      buildDir: path.join(import.meta.dirname, "no-build"),
      trustedHops: 0,
      handler: reached,
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function post(
    pathname: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: pathname,
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (part: Buffer) => parts.push(part));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }));
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) =>
        error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
      );
      req.end(body);
    });
  }

  it("lets a server-to-server POST without Origin through, and refuses one from another site's page in JSON", async () => {
    expect(await post("/api/v1/deals", "[]")).toEqual({ status: 200, text: '{"bytes":2}' });
    const crossSite = await post("/api/v1/deals", "[]", {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.text)).toEqual({
      error: expect.stringMatching(/did not come from a Candor page/),
      problems: [],
    });
  });

  it("takes a body of several megabytes on the write addresses, and refuses more than 8 MB with a JSON 413", async () => {
    const sixMegabytes = `[${" ".repeat(6 * 1024 * 1024)}]`;
    expect((await post("/api/v1/deals", sixMegabytes)).status).toBe(200);
    expect((await post("/api/v1/survey-results", sixMegabytes)).status).toBe(200);
    const tooLarge = await post("/api/v1/deals", `[${" ".repeat(8 * 1024 * 1024)}]`);
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.text)).toMatchObject({ error: expect.stringMatching(/8 MB/), problems: [] });
    expect((await post("/api/v1/claims", sixMegabytes)).status).toBe(413);
  });
});
