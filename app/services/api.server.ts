import { API_REQUESTS_PER_MINUTE, bearerTokenOf, withinRateLimit, type ApiScope } from "../domain/api-tokens.ts";
import { auditContextFrom, type AuditContext } from "../models/audit.server.ts";
import { countApiRequestsSince, findApiToken, recordApiRequest } from "../models/api-tokens.server.ts";
import type { ApiProblem } from "../schemas/api-v1.ts";

// The JSON API's front door (PRODUCT.md §9, docs/crm.md). A request is the token's and only the
// token's: a session cookie is never read here, so a browser that happens to be signed in cannot
// be made to call the API (server/guards.ts refuses other sites' non-GET requests anyway; a
// server-to-server request sends no Origin and passes). Every answer is JSON
// `{ "error", "problems" }`, and every use of a known token is an audit event.

export interface ApiCaller {
  tokenId: string;
  /** Writes are recorded under the admin who created the token, with the token's request id. */
  audit: AuditContext;
}

const JSON_TYPE = "application/json; charset=utf-8";

export function apiJson(body: unknown, status = 200, headers?: HeadersInit): Response {
  const init = new Headers(headers);
  init.set("content-type", JSON_TYPE);
  if (!init.has("cache-control")) init.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: init });
}

export function apiError(status: number, error: string, problems: ApiProblem[] = [], headers?: HeadersInit): Response {
  return apiJson({ error, problems }, status, headers);
}

/** Throws the JSON error as a Response, which handleApiRequest answers as it is. */
export function refuseApi(status: number, error: string, problems: ApiProblem[] = [], headers?: HeadersInit): never {
  throw apiError(status, error, problems, headers);
}

export const NO_TOKEN =
  "Send an API token in the Authorization header (Authorization: Bearer <token>); an admin creates tokens at /admin/api-tokens.";
export const UNKNOWN_TOKEN =
  "This API token is not valid. Check that it was copied whole, or ask an admin for a new one at /admin/api-tokens.";
export const REVOKED_TOKEN = "This API token was revoked. Ask an admin for a new one at /admin/api-tokens.";
export const RATE_LIMITED = `This token has made ${API_REQUESTS_PER_MINUTE} requests in the last minute, Candor's limit. Wait a minute and send the request again.`;

function scopeMissing(scope: ApiScope): string {
  return `This token may not do this: it needs the ${scope} scope. An admin can create a token with it at /admin/api-tokens.`;
}

const UNAUTHORIZED_HEADERS = { "www-authenticate": 'Bearer realm="Candor API"' };

/** A refusal or answer thrown from deeper code (a Response), turned into the API's JSON shape. */
async function asApiResponse(thrown: Response): Promise<Response> {
  if ((thrown.headers.get("content-type") ?? "").startsWith("application/json")) {
    const body: unknown = await thrown
      .clone()
      .json()
      .catch(() => null);
    if (typeof body === "object" && body !== null) {
      if ("error" in body) return thrown;
      if ("message" in body && typeof body.message === "string") return apiError(thrown.status, body.message);
    }
  }
  return thrown.status >= 400 ? apiError(thrown.status, "Candor could not answer this request.") : thrown;
}

/**
 * Authenticates the bearer token, applies the per-token rate limit and the scope (null: any
 * valid token), runs `handle`, and records the request with its answer's status.
 */
export async function handleApiRequest(
  request: Request,
  scope: ApiScope | null,
  handle: (caller: ApiCaller) => Promise<Response>,
): Promise<Response> {
  const presented = bearerTokenOf(request.headers.get("authorization"));
  if (presented === null) return apiError(401, NO_TOKEN, [], UNAUTHORIZED_HEADERS);
  const token = await findApiToken(presented);
  // An unknown token names no one to record it against, and recording it would let anyone fill the log.
  if (!token) return apiError(401, UNKNOWN_TOKEN, [], UNAUTHORIZED_HEADERS);

  const url = new URL(request.url);
  const audit = auditContextFrom(request, null);
  const record = async (response: Response) => {
    await recordApiRequest(
      audit,
      { id: token.id, revoked: token.revokedAt !== null },
      { method: request.method, route: url.pathname, status: response.status },
    );
    return response;
  };

  if (token.revokedAt) return record(apiError(401, REVOKED_TOKEN, [], UNAUTHORIZED_HEADERS));
  const recent = await countApiRequestsSince(token.id, new Date(Date.now() - 60_000));
  if (!withinRateLimit(recent)) return record(apiError(429, RATE_LIMITED, [], { "retry-after": "60" }));
  if (scope !== null && !token.scopes.includes(scope)) return record(apiError(403, scopeMissing(scope)));

  let response: Response;
  try {
    response = await handle({ tokenId: token.id, audit: { ...audit, actorId: token.createdById } });
  } catch (error) {
    if (!(error instanceof Response)) {
      await record(apiError(500, "Unexpected error"));
      throw error;
    }
    response = await asApiResponse(error);
  }
  return record(response);
}

/** Answers a method the address does not take, once the token is known (so the probe is recorded). */
export function methodNotAllowed(request: Request, allowed: "GET" | "POST"): Promise<Response> {
  return handleApiRequest(request, null, async () =>
    apiError(405, `${new URL(request.url).pathname} answers ${allowed} requests only.`, [], { allow: allowed }),
  );
}

/**
 * The request's JSON body: 415 unless it is sent as JSON, 413 over `maxBytes` (the server
 * refuses larger bodies before they are read; this holds for requests made in-process too),
 * 400 when it is not valid JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "application/json" && !mediaType.endsWith("+json")) {
    refuseApi(415, "Send the body as JSON, with the header Content-Type: application/json.");
  }
  const tooLarge = () =>
    refuseApi(
      413,
      `The body is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB, so nothing was saved. Send fewer items per request.`,
    );
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) tooLarge();
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : " (it is not UTF-8 text)";
    refuseApi(400, `The body is not valid JSON${detail}, so nothing was saved.`);
  }
}
