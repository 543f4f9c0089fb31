// Every route module under app/routes, requested as anonymous and as each demo role, must
// answer as PRODUCT.md §2 says. The route list is read from disk when the test runs, so a new
// route appears here on its own and fails until someone states who may use it — a route that
// forgets its permission check cannot slip in unnoticed.
//
// Outcomes, as a person using Candor would see them:
//   allow — the page or form answered (2xx, a redirect elsewhere than /login, or 400/409/422:
//           the request got past the permission check and only its content was refused)
//   login — sent to /login (not signed in)
//   deny  — 403, or 404 where existence itself must not leak
//   token — 401: the JSON API answers only an API token, never a session cookie
//   method — 405: the address does not take this method, whoever asks
//
// Each route is requested with ids of seeded rows that belong to sales@candor.test (Maya Chen,
// team 0), whom manager@candor.test manages. So "deny" below is about the role, not about a
// row belonging to somebody else; cross-user refusals are covered by the feature tests.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/dates.ts";
import { handleAuthRequest } from "../../app/services/auth.server.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { auditContextFrom } from "../../app/models/audit.server.ts";
import { createSurveyLink } from "../../app/models/survey-links.server.ts";
import { CookieJar } from "../support/cookie-jar.ts";
import { cookieFor, ORIGIN, settle, signIn } from "./support/sign-in.ts";
import { dueSurvey } from "./support/surveys.ts";

type Outcome = "allow" | "login" | "deny" | "token" | "method";
const WHO = ["anonymous", "sales", "engineer", "manager", "admin"] as const;
type Who = (typeof WHO)[number];
type Role = Exclude<Who, "anonymous">;
type Expectation = Record<Who, Outcome>;

/** Anyone, signed in or not. */
const PUBLIC: Expectation = { anonymous: "allow", sales: "allow", engineer: "allow", manager: "allow", admin: "allow" };
/** Every signed-in role; anonymous visitors are sent to /login. */
const SIGNED_IN: Expectation = {
  anonymous: "login",
  sales: "allow",
  engineer: "allow",
  manager: "allow",
  admin: "allow",
};
/** Only the named roles; anonymous visitors go to /login, other roles are refused. */
function only(...roles: Role[]): Expectation {
  return {
    anonymous: "login",
    sales: "deny",
    engineer: "deny",
    manager: "deny",
    admin: "deny",
    ...Object.fromEntries(roles.map((role) => [role, "allow"])),
  };
}

/** The JSON API: a cookie is no way in, for anyone. */
const API_TOKEN_ONLY: Expectation = {
  anonymous: "token",
  sales: "token",
  engineer: "token",
  manager: "token",
  admin: "token",
};
const NO_SUCH_METHOD: Expectation = {
  anonymous: "method",
  sales: "method",
  engineer: "method",
  manager: "method",
  admin: "method",
};
const NOWHERE: Expectation = { anonymous: "deny", sales: "deny", engineer: "deny", manager: "deny", admin: "deny" };
/** An address no page has: 404 for everyone signed in; anonymous visitors go to /login, so nothing tells them which addresses exist. */
const NOT_A_PAGE: Expectation = { anonymous: "login", sales: "deny", engineer: "deny", manager: "deny", admin: "deny" };

/** Seeded rows the route parameters are filled from (see seededRows below). */
type SeededRow =
  | "productId"
  | "productSlug"
  | "capabilityKey"
  | "teamId"
  | "salespersonId"
  | "claimId"
  | "engineerQuestionId"
  | "bankQuestionId"
  | "quizId"
  | "attemptId"
  | "periodName"
  | "surveyToken"
  | "conversationId";

interface RouteAccess {
  loader?: Expectation;
  /** Required exactly when the module exports an action. */
  action?: Expectation;
  /** The POST body; by default an intent no form uses, so an allowed action refuses it harmlessly. */
  body?: Record<string, string>;
  /** Which seeded row fills a parameter, where the parameter's name alone is ambiguous. */
  params?: Record<string, SeededRow>;
  /** The rest of the path for a splat route, per method. */
  splat?: { GET: string; POST: string };
  /** The POST carries an Auth.js CSRF token issued to the same client, as the sign-in and sign-out forms do. */
  csrf?: boolean;
}

const UNKNOWN_INTENT = { intent: "candor-route-access-probe" };

// prettier-ignore
const ACCESS: Record<string, RouteAccess> = {
  "_app.tsx":                                          { loader: SIGNED_IN },
  "_index.tsx":                                        { loader: SIGNED_IN }, // redirects to the role's home
  "login.tsx":                                         { loader: PUBLIC },
  // Signing out lands on /login?signedOut=1 for everybody.
  "logout.tsx":                                        { loader: PUBLIC, action: { anonymous: "login", sales: "login", engineer: "login", manager: "login", admin: "login" } },
  // Auth.js: the session endpoint answers anyone, and so does sign-out (with its CSRF token).
  "auth.$.tsx":                                        { loader: PUBLIC, action: PUBLIC, splat: { GET: "session", POST: "signout" }, body: {}, csrf: true },
  "healthz.ts":                                        { loader: PUBLIC },
  "readyz.ts":                                         { loader: PUBLIC },
  "survey.$token.tsx":                                 { loader: PUBLIC, action: PUBLIC, body: {} }, // empty answers fail validation

  // Homes: a role that is not the page's own is redirected to its home, which counts as "allow".
  "_app.home.tsx":                                     { loader: SIGNED_IN },
  "_app.engineering.tsx":                              { loader: SIGNED_IN },
  "_app.dashboard.tsx":                                { loader: SIGNED_IN },
  "_app.dashboard_.scorecard.tsx":                     { loader: only("manager", "admin") },
  "dashboard.scorecard[.]csv.ts":                      { loader: only("manager", "admin") },

  // Capability matrix: everyone reads it; engineers and admins edit it.
  "_app.capabilities._index.tsx":                      { loader: SIGNED_IN },
  "_app.capabilities.$productSlug._index.tsx":         { loader: SIGNED_IN, action: only("engineer", "admin") },
  "_app.capabilities.$productSlug.$capabilityKey.tsx": { loader: SIGNED_IN, action: only("engineer", "admin") },
  "capabilities.$productSlug.spec-sheet[.]csv.ts":     { loader: SIGNED_IN },
  "capabilities.$productSlug.spec-sheet[.]md.ts":      { loader: SIGNED_IN },
  // Engineers keep pain points from customers' least-liked comments. PRODUCT.md §2 gives
  // engineers no survey reading: they see the comments only, without account, contact or scores.
  "_app.customer-comments.tsx":                        { loader: only("engineer", "admin"), action: only("engineer", "admin"), body: {} },

  // Claims: everyone logs and reads within their scope; only engineers verify (admins neither).
  "_app.claims._index.tsx":                            { loader: SIGNED_IN },
  "_app.claims.new.tsx":                               { loader: SIGNED_IN, action: SIGNED_IN, body: {} },
  "_app.claims.$claimId.tsx":                          { loader: SIGNED_IN, action: only("engineer"), body: { intent: "verify" } }, // no verdict given: refused as invalid
  "claims[.]csv.ts":                                   { loader: SIGNED_IN },
  "_app.verify.tsx":                                   { loader: only("engineer") },
  "_app.disputes.tsx":                                 { loader: only("manager", "admin"), action: only("manager", "admin"), body: { intent: "resolve" } }, // no decision given: refused as invalid

  // Conversations: everyone reads within their scope and imports (salespeople for their own deals);
  // engineers never confirm or dismiss candidates. An upload that is not multipart is refused as invalid.
  "_app.conversations._index.tsx":                     { loader: SIGNED_IN },
  "_app.conversations.import.tsx":                     { loader: SIGNED_IN, action: SIGNED_IN },
  "_app.conversations.$conversationId.tsx":            { loader: SIGNED_IN, action: only("sales", "manager", "admin"), body: { intent: "confirm" } }, // no candidate named: refused as invalid

  // Ask an engineer: salespeople ask, engineers answer, managers read, admins all.
  "_app.ask._index.tsx":                               { loader: SIGNED_IN, action: only("sales", "admin"), body: {} },
  "_app.ask.$questionId.tsx":                          { loader: SIGNED_IN, action: only("engineer", "admin"), body: {} },

  // Quizzes: everyone takes them (engineers for practice); engineers and admins write them.
  "_app.quizzes._index.tsx":                           { loader: SIGNED_IN },
  // Any POST starts an attempt: the only write this test makes, on its own copy of the database.
  "_app.quizzes.$quizId._index.tsx":                   { loader: SIGNED_IN, action: SIGNED_IN },
  // The attempt is Maya's: she and her manager see it; answering is hers alone (it is submitted, so it is refused).
  "_app.quizzes.$quizId.attempts.$attemptId.tsx":      { loader: { anonymous: "login", sales: "allow", engineer: "deny", manager: "allow", admin: "allow" }, action: only("sales"), body: { intent: "answer", position: "0" } },
  "_app.quizzes.$quizId.stats.tsx":                    { loader: only("engineer", "manager", "admin") },
  "_app.quizzes.$quizId.edit.tsx":                     { loader: only("engineer", "admin"), action: only("engineer", "admin"), body: {} },
  "_app.quizzes.new.tsx":                              { loader: only("engineer", "admin"), action: only("engineer", "admin"), body: {} },
  "_app.question-bank._index.tsx":                     { loader: only("engineer", "admin") },
  "_app.question-bank.new.tsx":                        { loader: only("engineer", "admin"), action: only("engineer", "admin"), body: {} },
  "_app.question-bank.$questionId.tsx":                { loader: only("engineer", "admin"), action: only("engineer", "admin"), params: { questionId: "bankQuestionId" } },

  // Satisfaction: managers and admins import and send; salespeople read their own deals' surveys.
  "_app.deals._index.tsx":                             { loader: only("manager", "admin") },
  "_app.deals.import.tsx":                             { loader: only("manager", "admin"), action: only("manager", "admin") },
  "_app.surveys._index.tsx":                           { loader: only("sales", "manager", "admin") },
  "_app.surveys.import.tsx":                           { loader: only("manager", "admin"), action: only("manager", "admin") },
  "_app.surveys.outbox.tsx":                           { loader: only("manager", "admin"), action: only("manager", "admin") },

  // Compensation: statements for the person, their managers and admins; only admins create and lock periods.
  "_app.comp._index.tsx":                              { loader: only("sales", "manager", "admin"), action: only("admin"), body: {} },
  // An empty confirmation name fails validation, so nothing is locked.
  "_app.comp.$periodName._index.tsx":                  { loader: only("sales", "manager", "admin"), action: only("admin"), body: { intent: "lock" } },
  "_app.comp.$periodName.$userId.tsx":                 { loader: only("sales", "manager", "admin") },
  "comp.$periodName.payroll[.]csv.ts":                 { loader: only("sales", "manager", "admin") },

  // People and audit: engineers hold neither.
  "_app.people.$userId.tsx":                           { loader: only("sales", "manager", "admin") },
  "_app.audit.tsx":                                    { loader: only("manager", "admin") },

  // The inbox (PRODUCT.md §8): every role has its own; an empty form is refused as invalid.
  "_app.inbox.tsx":                                    { loader: SIGNED_IN, action: SIGNED_IN, body: {} },

  // Administration: admins only. Empty forms fail validation; no account is touched.
  "_app.admin.users._index.tsx":                       { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.users.$userId.tsx":                      { loader: only("admin"), action: only("admin"), body: { intent: "update" } },
  "_app.admin.teams._index.tsx":                       { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.teams.$teamId.tsx":                      { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.products._index.tsx":                    { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.products.$productId.tsx":                { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.plan.tsx":                               { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.api-tokens.tsx":                         { loader: only("admin"), action: only("admin"), body: {} },
  "_app.admin.settings.tsx":                           { loader: only("admin"), action: only("admin"), body: {} }, // an empty name fails validation

  // The JSON API (PRODUCT.md §9): bearer tokens only; its description is public; other addresses are 404.
  "api.v1.deals.ts":                                   { loader: API_TOKEN_ONLY, action: API_TOKEN_ONLY },
  "api.v1.survey-results.ts":                          { loader: API_TOKEN_ONLY, action: API_TOKEN_ONLY },
  "api.v1.claims.ts":                                  { loader: API_TOKEN_ONLY, action: API_TOKEN_ONLY },
  "api.v1.openapi[.]json.ts":                          { loader: PUBLIC, action: NO_SUCH_METHOD },
  "api.v1.$.ts":                                       { loader: NOWHERE, action: NOWHERE, splat: { GET: "nothing-here", POST: "nothing-here" } },

  // Any other address: "Page not found" inside the layout for everyone signed in; visitors are sent to sign in, as for every page.
  "_app.$.tsx":                                        { loader: NOT_A_PAGE, action: NOT_A_PAGE, splat: { GET: "no-such-page/here", POST: "no-such-page" } },
};

// ---------------------------------------------------------------------------------------------
// The machinery: list the route files, fill their parameters from the seeded database, call
// loader and action with a real Request carrying each role's cookie, and compare.

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const ROUTE_FILES = readdirSync(ROUTES_DIR)
  .filter((name) => /\.(tsx?|jsx?)$/.test(name) && !/\.test\.[jt]sx?$/.test(name))
  .sort();

const EMAIL: Record<Role, string> = {
  sales: "sales@candor.test",
  engineer: "engineer@candor.test",
  manager: "manager@candor.test",
  admin: "admin@candor.test",
};

/** A parameter's seeded row when the route does not say otherwise. */
const PARAM_SOURCE: Record<string, SeededRow> = {
  productId: "productId",
  productSlug: "productSlug",
  capabilityKey: "capabilityKey",
  teamId: "teamId",
  userId: "salespersonId",
  claimId: "claimId",
  questionId: "engineerQuestionId",
  quizId: "quizId",
  attemptId: "attemptId",
  periodName: "periodName",
  token: "surveyToken",
  conversationId: "conversationId",
};

let seeded: Record<SeededRow, string>;

/** Rows of Maya Chen (sales@candor.test) and things she can see, from this file's copy of the seed. */
async function seededRows(): Promise<Record<SeededRow, string>> {
  const maya = await prisma.user.findUniqueOrThrow({ where: { email: EMAIL.sales } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: EMAIL.admin } });
  const claim = await prisma.claim.findFirstOrThrow({
    where: { salespersonId: maya.id, loggedById: maya.id },
    orderBy: { id: "asc" },
  });
  const product = await prisma.product.findUniqueOrThrow({ where: { id: claim.productId } });
  const capability = await prisma.capability.findFirstOrThrow({
    where: { productId: product.id },
    orderBy: { key: "asc" },
  });
  const engineerQuestion = await prisma.engineerQuestion.findFirstOrThrow({
    where: { askedById: maya.id },
    orderBy: { id: "asc" },
  });
  const bankQuestion = await prisma.question.findFirstOrThrow({ orderBy: { id: "asc" } });
  const attempt = await prisma.quizAttempt.findFirstOrThrow({
    where: { userId: maya.id, submittedAt: { not: null } },
    orderBy: { id: "asc" },
  });
  const statement = await prisma.compStatement.findFirstOrThrow({
    where: { userId: maya.id },
    include: { period: true },
    orderBy: { id: "asc" },
  });
  if (!maya.teamId) throw new Error("The seeded salesperson has no team");

  // Only a link's hash is stored, so issue a fresh link for a new won deal whose survey is due.
  const deal = await dueSurvey({ owner: EMAIL.sales, product: product.slug, daysAgo: 3 });
  const link = await createSurveyLink(auditContextFrom(new Request(ORIGIN), admin.id), deal.surveyId, null);
  if (!link) throw new Error("Could not issue a survey link");
  const conversation = await prisma.conversation.create({
    data: {
      dealId: deal.dealId,
      salespersonId: maya.id,
      importedById: maya.id,
      format: "TEXT",
      fileName: "probe-call.txt",
      contentHash: "route-access-probe",
      occurredAt: addDays(new Date(), -1),
      salespersonSpeaker: "Maya Chen",
      speakersJson: JSON.stringify(["Maya Chen", "Dana Customer"]),
      wordCount: 6,
      sentences: { create: [{ position: 0, speaker: "Maya Chen", text: "Thanks for your time today." }] },
    },
  });

  return {
    productId: product.id,
    productSlug: product.slug,
    capabilityKey: capability.key,
    teamId: maya.teamId,
    salespersonId: maya.id,
    claimId: claim.id,
    engineerQuestionId: engineerQuestion.id,
    bankQuestionId: bankQuestion.id,
    quizId: attempt.quizId,
    attemptId: attempt.id,
    periodName: statement.period.name,
    surveyToken: link.path.replace("/survey/", ""),
    conversationId: conversation.id,
  };
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

function handlerOf(module: unknown, name: "loader" | "action"): Handler | undefined {
  if (typeof module !== "object" || module === null || !(name in module)) return undefined;
  const value: unknown = (module as Record<string, unknown>)[name];
  return typeof value === "function" ? (value as Handler) : undefined;
}

async function importRoute(file: string): Promise<RouteModule> {
  const module: unknown = await import(pathToFileURL(path.join(ROUTES_DIR, file)).href);
  return { loader: handlerOf(module, "loader"), action: handlerOf(module, "action") };
}

/** Flat-route file name to URL path and params, as @remix-run/fs-routes maps them. */
function addressOf(
  file: string,
  access: RouteAccess,
  method: "GET" | "POST",
): { pathname: string; params: Record<string, string> } {
  const stem = file.replace(/\.[jt]sx?$/, "").replaceAll("[.]", "\u0000");
  const params: Record<string, string> = {};
  const segments: string[] = [];
  for (const raw of stem.split(".")) {
    const segment = raw.replaceAll("\u0000", ".");
    if (segment.startsWith("_")) continue; // pathless layout or index
    if (segment === "$") {
      const rest = access.splat?.[method] ?? "";
      params["*"] = rest;
      segments.push(rest);
    } else if (segment.startsWith("$")) {
      const name = segment.slice(1);
      const source = access.params?.[name] ?? PARAM_SOURCE[name];
      if (!source)
        throw new Error(`app/routes/${file}: no seeded row fills the parameter ${name}; add it to PARAM_SOURCE`);
      params[name] = seeded[source];
      segments.push(encodeURIComponent(seeded[source]));
    } else {
      segments.push(segment.replace(/_$/, ""));
    }
  }
  return { pathname: `/${segments.join("/")}`, params };
}

/** Remix's data() result, thrown or returned: { type: "DataWithResponseInit", data, init }. */
function isDataWithInit(value: unknown): value is { init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    value.type === "DataWithResponseInit" &&
    "init" in value
  );
}

interface Observed {
  outcome: Outcome | "unexpected";
  detail: string;
}

function classify(result: unknown): Observed {
  let status: number;
  let location: string | null = null;
  if (result instanceof Response) {
    status = result.status;
    location = result.headers.get("location");
  } else if (isDataWithInit(result)) {
    status = result.init?.status ?? 200;
    location = new Headers(result.init?.headers).get("location");
  } else if (result instanceof Error) {
    return { outcome: "unexpected", detail: `threw ${result.name}: ${result.message}` };
  } else {
    status = 200; // a plain object returned by the loader or action
  }
  const detail = location ? `${status} → ${location}` : String(status);
  if (status >= 300 && status < 400) {
    const target = new URL(location ?? "/", ORIGIN);
    return { outcome: target.origin === ORIGIN && target.pathname === "/login" ? "login" : "allow", detail };
  }
  if (status < 300 || status === 400 || status === 409 || status === 422) return { outcome: "allow", detail };
  if (status === 403 || status === 404) return { outcome: "deny", detail };
  if (status === 401) return { outcome: "token", detail };
  if (status === 405) return { outcome: "method", detail };
  return { outcome: "unexpected", detail };
}

/** Sign-out and Auth.js endpoints may end the session they are given, so they get one of their own. */
async function cookieOf(who: Who, file: string, method: "GET" | "POST"): Promise<string | null> {
  if (who === "anonymous") return null;
  const disposable = method === "POST" && (file === "logout.tsx" || file.startsWith("auth."));
  return disposable ? signIn(EMAIL[who], "203.0.113.91") : cookieFor(EMAIL[who]);
}

async function observe(
  file: string,
  access: RouteAccess,
  handler: Handler,
  method: "GET" | "POST",
  who: Who,
): Promise<Observed> {
  const { pathname, params } = addressOf(file, access, method);
  let cookie = await cookieOf(who, file, method);
  const headers = new Headers({ "x-candor-client-ip": "203.0.113.90" });
  let body: URLSearchParams | undefined;
  if (method === "POST") {
    headers.set("content-type", "application/x-www-form-urlencoded");
    headers.set("origin", ORIGIN);
    body = new URLSearchParams(access.body ?? UNKNOWN_INTENT);
    if (access.csrf) {
      // Without the token Auth.js refuses the POST and logs it as an error, which is not what this test asks about.
      const issued = await handleAuthRequest(new Request(`${ORIGIN}/auth/csrf`, { headers: cookie ? { cookie } : {} }));
      const { csrfToken } = (await issued.json()) as { csrfToken: string };
      body.set("csrfToken", csrfToken);
      cookie = [cookie, new CookieJar().keep(issued).header()].filter(Boolean).join("; ");
    }
  }
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${ORIGIN}${pathname}`, { method, headers, body });
  return classify(await settle(async () => handler({ request, params, context: {} })));
}

beforeAll(async () => {
  seeded = await seededRows();
});

describe("who may use each route", () => {
  it("names only route files that exist", () => {
    const stale = Object.keys(ACCESS).filter((file) => !ROUTE_FILES.includes(file));
    expect(stale, "these entries of the access table name no file in app/routes").toEqual([]);
  });

  it.each(ROUTE_FILES)("app/routes/%s answers each role as the access table says", async (file) => {
    const access = ACCESS[file];
    if (!access)
      throw new Error(
        `app/routes/${file} has no access expectation: add it to the table after checking its permission check`,
      );
    const module = await importRoute(file);
    const mismatches: string[] = [];
    for (const [method, name] of [
      ["GET", "loader"],
      ["POST", "action"],
    ] as const) {
      const handler = module[name];
      const expected = access[name];
      if (Boolean(handler) !== Boolean(expected)) {
        mismatches.push(
          `${name}: the module ${handler ? "exports one but the table has no expectation for it" : "exports none but the table expects one"}`,
        );
        continue;
      }
      if (!handler || !expected) continue;
      for (const who of WHO) {
        const observed = await observe(file, access, handler, method, who);
        if (observed.outcome !== expected[who]) {
          mismatches.push(
            `${method} (${name}) as ${who}: expected ${expected[who]}, got ${observed.outcome} (${observed.detail})`,
          );
        }
      }
    }
    expect(mismatches, `app/routes/${file}`).toEqual([]);
  });
});
