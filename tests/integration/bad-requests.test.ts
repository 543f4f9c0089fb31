import { createRequestHandler, type ActionFunctionArgs, type ServerBuild } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { READ_ONLY_DATABASE, prisma } from "../../app/lib/db.server.ts";
import { action as teamsAction } from "../../app/routes/_app.admin.teams._index.tsx";
import { action as claimAction } from "../../app/routes/_app.claims.new.tsx";
import { loader as scorecardPageLoader } from "../../app/routes/_app.dashboard_.scorecard.tsx";
import { action as dealsImportAction } from "../../app/routes/_app.deals.import.tsx";
import { action as surveysImportAction } from "../../app/routes/_app.surveys.import.tsx";
import { loader as specSheetCsvLoader } from "../../app/routes/capabilities.$productSlug.spec-sheet[.]csv.ts";
import { loader as specSheetMdLoader } from "../../app/routes/capabilities.$productSlug.spec-sheet[.]md.ts";
import { loader as payrollLoader } from "../../app/routes/comp.$periodName.payroll[.]csv.ts";
import { loader as scorecardLoader } from "../../app/routes/dashboard.scorecard[.]csv.ts";
import { action as surveyAction } from "../../app/routes/survey.$token.tsx";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";
import { onPostgres } from "./support/database.ts";
import { submit } from "./support/requests.ts";
import { dueSurvey, surveyToken } from "./support/surveys.ts";

// Every request Candor cannot act on gets a 4xx (or, for storage it cannot write, a 503) with one
// plain sentence: never a 500, and never an error in the log (the test setup fails a test that
// logs one).

const UNREADABLE = "This form could not be read. Reload the page and try again.";
const UTF16 = "This file is saved as UTF-16. Save it as CSV UTF-8 (in Excel: Save As → CSV UTF-8) and import it again.";
const READ_ONLY =
  "Candor's storage is read-only, so nothing was saved. Ask your administrator to check the database file's permissions.";
const DEAL_HEADER = "External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date";
const RESULTS_HEADER = "Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment";
const stamp = Date.now().toString(36).toUpperCase();

/** The status and sentence of what a loader or action threw or returned. */
async function answerOf(outcome: unknown): Promise<{ status: number; message: string }> {
  if (outcome instanceof Response) {
    const body = (await outcome.json()) as { message?: unknown };
    return { status: outcome.status, message: typeof body.message === "string" ? body.message : "" };
  }
  const thrown = outcome as { init?: { status?: number } | null; data?: { message?: string } };
  return { status: thrown.init?.status ?? 0, message: thrown.data?.message ?? "" };
}

async function signedIn(email: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("cookie", await cookieFor(email));
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

/** The manager uploading `bytes` as a CSV file to an import page (a preview unless told). */
function managerUploads<T>(
  action: (args: ActionFunctionArgs) => T,
  path: string,
  bytes: Uint8Array,
  intent: "preview" | "import" = "preview",
) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", new Blob([Uint8Array.from(bytes)], { type: "text/csv" }), "export.csv");
  return submit(action, "manager@candor.test", path, form);
}

describe("a body that is not one of Candor's forms", () => {
  it("answers a JSON body posted to a signed-in form with 415 and a sentence, saving nothing", async () => {
    const before = await prisma.claim.count();
    const request = await signedIn("sales@candor.test", "/claims/new", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ capabilityId: "x", statement: "It does everything." }),
    });
    const answer = await answerOf(await settle(() => claimAction({ request, params: {}, context: {} })));
    expect(answer.status).toBe(415);
    expect(answer.message).toMatch(/^[A-Z][^.]*\..*\.$/);
    expect(await prisma.claim.count()).toBe(before);
  });

  it("refuses an over-long field with 413 and never echoes it back", async () => {
    const before = await prisma.claim.count();
    const marker = "overlong-".repeat(2_000);
    const request = await signedIn("sales@candor.test", "/claims/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ statement: marker, channel: "CALL" }),
    });
    const outcome = await settle(() => claimAction({ request, params: {}, context: {} }));
    const text = outcome instanceof Response ? await outcome.clone().text() : JSON.stringify(outcome);
    expect(text).not.toContain("overlong-overlong-");
    expect(await answerOf(outcome)).toEqual({
      status: 413,
      message: expect.stringMatching(/longer than 10,000 characters, so nothing was saved/),
    });
    expect(await prisma.claim.count()).toBe(before);
  });

  it("answers a value longer than its field allows with the field's error, without echoing the value", async () => {
    const marker = "toolong-".repeat(500);
    const request = await signedIn("sales@candor.test", "/claims/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ statement: marker, channel: "CALL", accountName: "Echo Co" }),
    });
    const outcome = await settle(() => claimAction({ request, params: {}, context: {} }));
    const reply = JSON.stringify(outcome);
    expect(reply).not.toContain("toolong-toolong-");
    expect(reply).toContain("Echo Co");
    expect(reply).toMatch(/at most 2000/);
  });

  it("answers a multipart body whose boundary does not match with 400 and a sentence", async () => {
    const request = await signedIn("admin@candor.test", "/admin/teams", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=candor-boundary" },
      body: '--some-other-boundary\r\nContent-Disposition: form-data; name="name"\r\n\r\nGhosts\r\n--some-other-boundary--\r\n',
    });
    expect(await answerOf(await settle(() => teamsAction({ request, params: {}, context: {} })))).toEqual({
      status: 400,
      message: UNREADABLE,
    });
    expect(await prisma.team.count({ where: { name: "Ghosts" } })).toBe(0);
  });

  it("answers a JSON body and a broken multipart body on the public survey page with 4xx and a sentence", async () => {
    const { surveyId } = await dueSurvey({ product: null, daysAgo: 10 });
    const token = await surveyToken(surveyId);
    const post = (contentType: string, body: string, ip: string) =>
      settle(() =>
        surveyAction({
          request: new Request(`${ORIGIN}/survey/${token}`, {
            method: "POST",
            headers: { "content-type": contentType, "x-candor-client-ip": ip },
            body,
          }),
          params: { token },
          context: {},
        }),
      );
    const json = await answerOf(
      await post("application/json", JSON.stringify({ csat: 5, deliveredAsPromised: "YES" }), "198.51.100.201"),
    );
    expect(json.status).toBe(415);
    expect(json.message).toMatch(/^[A-Z][^.]*\..*\.$/);
    expect(
      await answerOf(await post("multipart/form-data; boundary=x", "not multipart at all", "198.51.100.202")),
    ).toEqual({ status: 400, message: UNREADABLE });
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).respondedAt).toBeNull();
  });
});

/**
 * Candor's request handling for one route under the root, as `remix-serve` runs it: a thrown
 * refusal reaches the client (or, for a page, its error boundary) exactly as Remix treats it.
 * `boundaryErrors` receives what a page's error boundaries would be given.
 */
function serveRoute(path: string, module: Record<string, unknown>, boundaryErrors: unknown[] = []) {
  const build = {
    mode: "production",
    entry: {
      module: {
        default: (
          _request: Request,
          status: number,
          headers: Headers,
          context: { staticHandlerContext: { errors: Record<string, unknown> | null } },
        ) => {
          boundaryErrors.push(...Object.values(context.staticHandlerContext.errors ?? {}));
          return new Response("<!DOCTYPE html>", { status, headers });
        },
      },
    },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      route: { id: "route", parentId: "root", path, module },
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "",
    future: { v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  return createRequestHandler(build, "production");
}

async function exportAnswer(email: string, routePath: string, url: string, loader: unknown) {
  const response = await serveRoute(routePath, { loader })(await signedIn(email, url));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("the CSV and spec-sheet exports", () => {
  it("refuses a salesperson the scorecard and an engineer the payroll with 403 and a sentence, which the scorecard page's error boundary still shows", async () => {
    expect(
      await exportAnswer("sales@candor.test", "dashboard/scorecard.csv", "/dashboard/scorecard.csv", scorecardLoader),
    ).toEqual({
      status: 403,
      type: "application/json; charset=utf-8",
      text: JSON.stringify({ message: "The team scorecard is for managers and admins." }),
    });
    const period = await prisma.compPeriod.findFirstOrThrow();
    expect(
      await exportAnswer(
        "engineer@candor.test",
        "comp/:periodName/payroll.csv",
        `/comp/${period.name}/payroll.csv`,
        payrollLoader,
      ),
    ).toMatchObject({
      status: 403,
      text: JSON.stringify({ message: "Payroll exports are for salespeople, their managers and admins." }),
    });
    const boundaryErrors: unknown[] = [];
    const page = await serveRoute(
      "dashboard/scorecard",
      { loader: scorecardPageLoader, default: () => null },
      boundaryErrors,
    )(await signedIn("sales@candor.test", "/dashboard/scorecard"));
    expect(page.status).toBe(403);
    const [error] = boundaryErrors;
    expect(isRouteErrorResponse(error) && error.data).toEqual({
      message: "The team scorecard is for managers and admins.",
    });
  });

  it("answers an unknown period, team or product with 404 and a sentence", async () => {
    expect(
      await exportAnswer(
        "manager@candor.test",
        "comp/:periodName/payroll.csv",
        "/comp/no-such-period/payroll.csv",
        payrollLoader,
      ),
    ).toMatchObject({
      status: 404,
      text: JSON.stringify({ message: "There is no compensation period with that name." }),
    });
    expect(
      await exportAnswer(
        "manager@candor.test",
        "dashboard/scorecard.csv",
        "/dashboard/scorecard.csv?team=no-such-team",
        scorecardLoader,
      ),
    ).toMatchObject({
      status: 404,
      text: JSON.stringify({ message: "We could not find that team among the teams you can see." }),
    });
    for (const [file, loader] of [
      ["spec-sheet.csv", specSheetCsvLoader],
      ["spec-sheet.md", specSheetMdLoader],
    ] as const) {
      expect(
        await exportAnswer(
          "sales@candor.test",
          `capabilities/:productSlug/${file}`,
          `/capabilities/no-such-product/${file}`,
          loader,
        ),
      ).toMatchObject({
        status: 404,
        text: "There is no product with that address in the capability matrix.",
      });
    }
  });
});

describe("a UTF-16 import", () => {
  const rows = `${DEAL_HEADER}\nBR-${stamp}-U16,Société Générale,Zoë Faure,zoe@sg.example,sales@candor.test,,100,OPEN,\n`;
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, "utf16le")]);
  const utf16beWithoutBom = Buffer.from(rows, "utf16le").swap16();

  it("asks for CSV UTF-8 instead of reporting row errors, for deals and survey results, and still reads UTF-8 with a byte-order mark", async () => {
    for (const bytes of [utf16le, utf16beWithoutBom]) {
      const outcome = await settle(() => managerUploads(dealsImportAction, "/deals/import", bytes));
      expect(await answerOf(outcome)).toEqual({ status: 400, message: UTF16 });
    }
    const results = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${RESULTS_HEADER}\nBR-1,2026-11-01,4,YES,,\n`, "utf16le"),
    ]);
    const outcome = await settle(() => managerUploads(surveysImportAction, "/surveys/import", results));
    expect(await answerOf(outcome)).toEqual({ status: 400, message: UTF16 });

    const preview = (await managerUploads(
      dealsImportAction,
      "/deals/import",
      Buffer.from(`\uFEFF${rows}`, "utf8"),
    )) as {
      kind: string;
      rows: Array<{ accountName: string; contactName: string }>;
    };
    expect(preview.kind).toBe("preview");
    expect(preview.rows).toMatchObject([{ accountName: "Société Générale", contactName: "Zoë Faure" }]);
  });
});

describe("imports naming another team's deal", () => {
  interface Problems {
    data: { problems: Array<{ column: string | null; reason: string }> };
  }

  it("refuses another team's external id in a deals import without saying that the deal exists", async () => {
    const { externalId } = await dueSurvey({ owner: "aisha.rahman@candor.test", product: null, daysAgo: 10 });
    const csv = `${DEAL_HEADER}\n${externalId},Takeover Inc,Kim,kim@takeover.example,sales@candor.test,,100,OPEN,\n`;
    const reply = (await managerUploads(dealsImportAction, "/deals/import", Buffer.from(csv, "utf8"))) as Problems;
    const reasons = reply.data.problems.map((problem) => problem.reason);
    expect(reasons).toEqual([
      `The External ID "${externalId}" cannot be used. Check it against your CRM, or ask an admin to import this row.`,
    ]);
    expect(reasons.join(" ")).not.toMatch(/team|belongs|exists|already/i);
  });

  it("answers another team's deal in a survey results import exactly as a deal that does not exist", async () => {
    const won = await dueSurvey({ owner: "aisha.rahman@candor.test", product: null, daysAgo: 10 });
    const open = await prisma.deal.create({
      data: {
        externalId: `BR-${stamp}-OPEN`,
        accountId: (await prisma.account.create({ data: { name: `Bad Requests Open ${stamp}` } })).id,
        contactName: "Lee",
        contactEmail: "lee@customer.example",
        ownerId: (await prisma.user.findUniqueOrThrow({ where: { email: "aisha.rahman@candor.test" } })).id,
        amountCents: 100,
        status: "OPEN",
      },
    });
    const missing = `BR-${stamp}-MISSING`;
    const csv = [
      RESULTS_HEADER,
      ...[won.externalId, open.externalId, missing].map((id) => `${id},2026-11-01,4,YES,,`),
    ].join("\n");
    const reply = (await managerUploads(surveysImportAction, "/surveys/import", Buffer.from(csv, "utf8"))) as Problems;
    expect(reply.data.problems.map((problem) => problem.reason)).toEqual(
      [won.externalId, open.externalId, missing].map((id) => `No deal has the external id "${id}".`),
    );
  });
});

// SQLite's read-only storage (a file, directory or mount that cannot be written).
describe.skipIf(onPostgres)("a database Candor cannot write", () => {
  it("answers a write with 503 and a sentence, and saves nothing", async () => {
    const request = await signedIn("admin@candor.test", "/admin/teams", {
      method: "POST",
      body: new URLSearchParams({ name: `Read-only ${stamp}` }),
    });
    // Tests run as root, for whom a 0444 file stays writable; query_only makes SQLite refuse every
    // write on this connection with the same SQLITE_READONLY a read-only file or mount gives.
    await prisma.$executeRawUnsafe("PRAGMA query_only = ON");
    let outcome: unknown;
    try {
      outcome = await settle(() => teamsAction({ request, params: {}, context: {} }));
    } finally {
      await prisma.$executeRawUnsafe("PRAGMA query_only = OFF");
    }
    expect(await answerOf(outcome)).toEqual({ status: 503, message: READ_ONLY });
    expect(await prisma.team.count({ where: { name: `Read-only ${stamp}` } })).toBe(0);
  });
});

// PostgreSQL that accepts no writes: a hot standby, or a database set read-only (25006).
describe.skipIf(!onPostgres)("a PostgreSQL database that accepts no changes", () => {
  /** Sets this file's database read-only or back, from a connection of its own. */
  async function setReadOnly(on: boolean) {
    const url = new URL(process.env.DATABASE_URL ?? "");
    const database = url.pathname.slice(1);
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query("SET default_transaction_read_only = off");
      await admin.query(`ALTER DATABASE "${database}" SET default_transaction_read_only = ${on ? "on" : "off"}`);
    } finally {
      await admin.end();
    }
    // The setting reaches new connections: let the app's client open fresh ones.
    await prisma.$disconnect();
  }

  it("answers a write with 503 and a sentence, and saves nothing", async () => {
    const request = await signedIn("admin@candor.test", "/admin/teams", {
      method: "POST",
      body: new URLSearchParams({ name: `Read-only ${stamp}` }),
    });
    await setReadOnly(true);
    let outcome: unknown;
    try {
      outcome = await settle(() => teamsAction({ request, params: {}, context: {} }));
    } finally {
      await setReadOnly(false);
    }
    expect(await answerOf(outcome)).toEqual({ status: 503, message: READ_ONLY_DATABASE });
    expect(await prisma.team.count({ where: { name: `Read-only ${stamp}` } })).toBe(0);
  });
});
