import { describe, expect, it } from "vitest";
import { surveyDueAt } from "../../app/domain/survey-schedule.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { loader as dealsLoader } from "../../app/routes/_app.deals._index.tsx";
import { action as importAction, loader as importLoader } from "../../app/routes/_app.deals.import.tsx";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";
import { refusalOf } from "./support/refusal.ts";
import { load, submit } from "./support/requests.ts";

const HEADER = "External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date";

/** `email` uploading `csv` on the import page: its preview, or the import itself. */
function importCsv(email: string, csv: string, intent: "preview" | "import" = "import") {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", new Blob([csv], { type: "text/csv" }), "deals.csv");
  return settle(() => submit(importAction, email, "/deals/import", form));
}

interface ProblemsReply {
  data: {
    kind: string;
    problems: Array<{ line: number; column: string | null; reason: string }>;
    problemCount: number;
  };
  init: { status: number } | null;
}

function problemsOf(result: unknown) {
  const reply = result as ProblemsReply;
  expect(reply.data.kind).toBe("problems");
  expect(reply.init?.status).toBe(400);
  return reply.data.problems;
}

async function toastOf(result: unknown): Promise<string> {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(302);
  // The flash cookie is signed but readable: a base64 JSON payload before the signature.
  const cookie = response.headers.get("set-cookie") ?? "";
  const value = decodeURIComponent(cookie.split(";")[0]?.split("=").slice(1).join("=") ?? "");
  return Buffer.from(value.split(".")[0] ?? "", "base64").toString("utf8");
}

const stamp = Date.now().toString(36).toUpperCase();
const good = [
  HEADER,
  `T-${stamp}-1,Initech ${stamp},Peter Gibbons,peter@initech.example,sales@candor.test,ledgerline,"12,500.50",WON,2025-08-31`,
  `T-${stamp}-2,Initech ${stamp},Peter Gibbons,peter@initech.example,overpromiser@candor.test,,8000,OPEN,`,
  `T-${stamp}-3,Hooli ${stamp},Gavin Belson,gavin@hooli.example,emma.lindqvist@candor.test,relay,99.5,LOST,2026-01-15`,
].join("\n");

async function databaseSnapshot() {
  const [deals, accounts, surveys, dealEvents] = await Promise.all([
    prisma.deal.findMany({ orderBy: { id: "asc" } }),
    prisma.account.count(),
    prisma.survey.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { entityType: "Deal" } }),
  ]);
  return { deals, accounts, surveys, dealEvents };
}

describe("deals import", () => {
  it("writes nothing when one row is bad, naming line, column and reason; the fixed file imports every row; importing it again changes nothing", async () => {
    const before = await databaseSnapshot();
    const bad = good.replace("peter@initech.example,overpromiser", "peter-at-initech,overpromiser");
    const problems = problemsOf(await importCsv("manager@candor.test", bad));
    expect(problems).toEqual([
      { line: 3, column: "Contact email", reason: '"peter-at-initech" is not an email address.' },
    ]);
    expect(await databaseSnapshot()).toEqual(before);

    const preview = (await importCsv("manager@candor.test", good, "preview")) as {
      kind: string;
      counts: Record<string, number>;
      rows: unknown[];
      csv: string;
    };
    expect(preview.kind).toBe("preview");
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(preview.rows).toHaveLength(3);
    expect(await databaseSnapshot()).toEqual(before);

    expect(await toastOf(await importCsv("manager@candor.test", good))).toContain("3 created, 0 updated, 0 unchanged");
    const won = await prisma.deal.findUniqueOrThrow({
      where: { externalId: `T-${stamp}-1` },
      include: { account: true, survey: true, owner: true, product: true },
    });
    expect(won).toMatchObject({
      amountCents: 1_250_050,
      status: "WON",
      contactEmail: "peter@initech.example",
      account: { name: `Initech ${stamp}` },
    });
    expect(won.owner.email).toBe("sales@candor.test");
    expect(won.product?.slug).toBe("ledgerline");
    // Closed 31 August 2025 → due 28 February 2026 (calendar months, end of month clamped).
    expect(won.closedAt?.toISOString()).toBe("2025-08-31T12:00:00.000Z");
    expect(won.survey?.dueAt.toISOString()).toBe(surveyDueAt(new Date("2025-08-31T12:00:00Z")).toISOString());
    expect(won.survey?.dueAt.toISOString().slice(0, 10)).toBe("2026-02-28");
    expect(won.survey?.salespersonId).toBe(won.ownerId);
    // Only WON deals are surveyed; both Initech rows share one account.
    expect(
      await prisma.survey.count({ where: { deal: { externalId: { in: [`T-${stamp}-2`, `T-${stamp}-3`] } } } }),
    ).toBe(0);
    expect(await prisma.account.count({ where: { name: `Initech ${stamp}` } })).toBe(1);
    const importEvents = await prisma.auditEvent.findMany({
      where: { action: "deal.import" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(JSON.parse(importEvents[0]?.afterJson ?? "{}")).toMatchObject({
      rows: 3,
      create: 3,
      update: 0,
      unchanged: 0,
      surveysCreated: 1,
    });
    expect(await prisma.auditEvent.count({ where: { action: "deal.create", entityId: won.id } })).toBe(1);

    const afterFirst = await databaseSnapshot();
    expect(await toastOf(await importCsv("manager@candor.test", good))).toContain("0 created, 0 updated, 3 unchanged");
    expect(await databaseSnapshot()).toEqual(afterFirst);

    // A changed amount updates that deal only, and keeps the survey's answers.
    await prisma.survey.update({
      where: { dealId: won.id },
      data: { respondedAt: new Date(), csat: 4, deliveredAsPromised: "YES", source: "LINK" },
    });
    const changed = good.replace('"12,500.50"', "13000").replace("2025-08-31", "2025-08-30");
    expect(await toastOf(await importCsv("manager@candor.test", changed))).toContain(
      "0 created, 1 updated, 2 unchanged",
    );
    const updated = await prisma.deal.findUniqueOrThrow({ where: { id: won.id }, include: { survey: true } });
    expect(updated.amountCents).toBe(1_300_000);
    expect(updated.survey).toMatchObject({ csat: 4, deliveredAsPromised: "YES", dueAt: won.survey?.dueAt });
  });

  it("reports every kind of bad row with its line, column and reason", async () => {
    const rows = [
      "External ID , ACCOUNT,contact_name,Contact E-mail,owner email,product,amount,STATUS,closed date",
      `B-${stamp}-1,Acme,Ann,ann@acme.example,nobody@candor.test,ledgerline,100,WON,2026-01-01`,
      `B-${stamp}-2,Acme,Ann,ann@acme.example,tom.whitaker@candor.test,,100,WON,2026-01-01`,
      `B-${stamp}-3,Acme,Ann,ann@acme.example,aisha.rahman@candor.test,,100,WON,2026-01-01`,
      `B-${stamp}-4,Acme,Ann,ann@acme.example,sales@candor.test,,12.345,WON,2026-01-01`,
      `B-${stamp}-5,Acme,Ann,ann@acme.example,sales@candor.test,,100,WON,2026-02-30`,
      `B-${stamp}-5,Acme,Ann,ann@acme.example,sales@candor.test,,100,OPEN,`,
      `B-${stamp}-7,Acme,Ann,ann@acme.example,sales@candor.test,,100,PENDING,`,
      `B-${stamp}-8,Acme,Ann,ann@acme.example,sales@candor.test,,100,WON,`,
      `B-${stamp}-9,Acme,Ann,ann@acme.example,sales@candor.test,spreadsheets,100,LOST,2026-01-01`,
      `B-${stamp}-10,Acme,Ann,ann@acme.example,engineer@candor.test,,-5,WON,2026-01-01`,
    ].join("\r\n");
    const before = await prisma.deal.count();
    const problems = problemsOf(await importCsv("manager@candor.test", rows));
    expect(problems).toEqual([
      { line: 2, column: "Owner email", reason: 'No Candor user has the email "nobody@candor.test".' },
      { line: 3, column: "Owner email", reason: "tom.whitaker@candor.test is deactivated." },
      { line: 4, column: "Owner email", reason: "aisha.rahman@candor.test is not in a team you manage." },
      { line: 5, column: "Amount", reason: expect.stringContaining('"12.345" is not an amount') },
      { line: 6, column: "Closed date", reason: '"2026-02-30" is not a date (use YYYY-MM-DD).' },
      { line: 7, column: "External ID", reason: `"B-${stamp}-5" is also on line 6; each deal may appear once.` },
      { line: 8, column: "Status", reason: '"PENDING" is not OPEN, WON or LOST.' },
      { line: 9, column: "Closed date", reason: "A WON deal needs its closed date." },
      { line: 10, column: "Product slug", reason: 'No product has the slug "spreadsheets".' },
      { line: 11, column: "Owner email", reason: "engineer@candor.test is not a salesperson." },
      { line: 11, column: "Amount", reason: expect.stringContaining('"-5" is not an amount') },
    ]);
    expect(await prisma.deal.count()).toBe(before);

    // An admin imports for every team: the same West salesperson is accepted.
    const west = [HEADER, `B-${stamp}-W,Acme ${stamp},Ann,ann@acme.example,aisha.rahman@candor.test,,100,OPEN,`].join(
      "\n",
    );
    expect(problemsOf(await importCsv("manager@candor.test", west))[0]?.column).toBe("Owner email");
    expect(await toastOf(await importCsv("admin@candor.test", west))).toContain("1 created");
    // A manager may not overwrite another team's deal, even with an owner of their own.
    const takeover = west.replace("aisha.rahman", "sales");
    expect(problemsOf(await importCsv("manager@candor.test", takeover))).toEqual([
      {
        line: 2,
        column: "External ID",
        reason: `The External ID "B-${stamp}-W" cannot be used. Check it against your CRM, or ask an admin to import this row.`,
      },
    ]);
  });

  it("reports a missing column and an empty file", async () => {
    expect(problemsOf(await importCsv("manager@candor.test", "External ID,Account\nX,Y"))).toEqual(
      expect.arrayContaining([
        { line: 1, column: "Owner email", reason: 'The header row has no "Owner email" column.' },
      ]),
    );
    expect(problemsOf(await importCsv("manager@candor.test", `${HEADER}\n`))).toEqual([
      { line: 1, column: null, reason: "The file has a header row but no rows to import." },
    ]);
  });

  it("answers an upload over 5 MB with 413 and a plain sentence, whether or not it declares its size", async () => {
    const big = `${HEADER}\n${"x".repeat(5 * 1024 * 1024 + 100_000)}`;
    const streamed = await importCsv("manager@candor.test", big);
    expect(await refusalOf(streamed)).toMatchObject({
      status: 413,
      message: expect.stringContaining("larger than 5 MB"),
    });
    const declared = await settle(async () =>
      importAction({
        request: new Request(`${ORIGIN}/deals/import`, {
          method: "POST",
          headers: {
            cookie: await cookieFor("manager@candor.test"),
            "content-length": String(50 * 1024 * 1024),
            "content-type": "multipart/form-data; boundary=x",
          },
          body: "--x--",
        }),
        params: {},
        context: {},
      }),
    );
    expect(await refusalOf(declared)).toMatchObject({ status: 413 });
  });

  it("lets only importers in, and shows managers their teams' deals with search", async () => {
    for (const email of ["sales@candor.test", "engineer@candor.test"]) {
      const refused = await settle(() => load(importLoader, email, "/deals/import"));
      expect(await refusalOf(refused)).toMatchObject({ status: 403 });
      expect(await refusalOf(await importCsv(email, good))).toMatchObject({ status: 403 });
      const list = await settle(() => load(dealsLoader, email, "/deals"));
      expect(await refusalOf(list)).toMatchObject({ status: 403 });
    }
    const manager = await prisma.user.findUniqueOrThrow({
      where: { email: "manager@candor.test" },
      include: { managedTeams: true },
    });
    const teamIds = manager.managedTeams.map((team) => team.teamId);
    const page = await load(dealsLoader, "manager@candor.test", "/deals?pageSize=100");
    expect(page.total).toBe(await prisma.deal.count({ where: { owner: { teamId: { in: teamIds } } } }));
    expect(page.rows.length).toBeGreaterThan(0);
    const aDeal = await prisma.deal.findFirstOrThrow({
      where: { owner: { teamId: { in: teamIds } } },
      include: { account: true },
    });
    const search = await load(dealsLoader, "manager@candor.test", `/deals?q=${encodeURIComponent(aDeal.externalId)}`);
    expect(search.rows.map((row) => row.externalId)).toEqual([aDeal.externalId]);
    const outside = await prisma.deal.findFirstOrThrow({ where: { owner: { teamId: { notIn: teamIds } } } });
    const hidden = await load(dealsLoader, "manager@candor.test", `/deals?q=${encodeURIComponent(outside.externalId)}`);
    expect(hidden.total).toBe(0);
  });
});
