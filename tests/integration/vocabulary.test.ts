import { beforeAll, describe, expect, it } from "vitest";
import { PAYROLL_CSV_HEADER } from "../../app/domain/comp-payroll.ts";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { CUSTOMER_CHANNEL_LABEL, NOT_STATED_YET } from "../../app/domain/customer-claims.ts";
import { ENUM_LABELS } from "../../app/domain/labels.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { resolveDispute } from "../../app/models/claim-verdicts.server.ts";
import { action as notFoundAction, loader as notFoundLoader } from "../../app/routes/_app.$.tsx";
import { loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { action as periodAction } from "../../app/routes/_app.comp.$periodName._index.tsx";
import { loader as statementLoader } from "../../app/routes/_app.comp.$periodName.$userId.tsx";
import { loader as claimsCsvLoader } from "../../app/routes/claims[.]csv.ts";
import { loader as payrollLoader } from "../../app/routes/comp.$periodName.payroll[.]csv.ts";
import { loader as scorecardCsvLoader } from "../../app/routes/dashboard.scorecard[.]csv.ts";
import { loader as specSheetCsvLoader } from "../../app/routes/capabilities.$productSlug.spec-sheet[.]csv.ts";
import { actorFor, auditOf, disputeVerdict, judgeInaccurate, loggedClaim, type Person } from "./support/claims.ts";
import { load, submit } from "./support/requests.ts";
import { ORIGIN, settle } from "./support/sign-in.ts";

// One vocabulary of labels and formats (app/domain/labels.ts, format.ts), as people meet it:
// the exports speak the screen's words, payroll.csv keeps its machine columns, a claim's history
// and a statement's adjustment reasons name things in words, and an unknown address is a 404.

const MANAGER = "manager@candor.test";
const SALES = "sales@candor.test";
const OPEN = "2026-Q4";
const LOCKED = "2026-Q3";

// What must never reach a person: an enum code (PARTIALLY_ACCURATE, or a one-word code in
// capitals), an event code (claim.verify) or an id (cuid).
const ENUM_CODES = new Set(Object.values(ENUM_LABELS).flatMap((labels) => Object.keys(labels)));
const MULTI_WORD_CODE = /\b[A-Z]+_[A-Z_]+\b/;
const CUID = /\bc[a-z0-9]{24}\b/;
function rawCodesIn(text: string): string[] {
  const words = [...text.matchAll(/\b[A-Z]{2,}(?:_[A-Z]+)*\b/g)].map((match) => match[0]);
  return [
    ...words.filter((word) => ENUM_CODES.has(word) && !["RFP", "NO", "YES", "OTHER", "EMAIL", "TEXT"].includes(word)),
    ...(MULTI_WORD_CODE.exec(text) ?? []),
    ...(CUID.exec(text) ?? []),
    ...(/\b(?:claim|comp|user|auth)\.[a-z-]+/.exec(text) ?? []),
  ];
}

const DAY_IN_WORDS = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;
const TIME_IN_WORDS = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2} UTC$/;
const PERCENT = /^\d{1,3}(\.\d{2})?%$/;

async function csvOf(response: Response): Promise<Array<Record<string, string>>> {
  const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  if (!header) throw new Error("the export has no header");
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

let sales: Person;

beforeAll(async () => {
  sales = await actorFor(SALES);
});

describe("the exports speak the screen's words", () => {
  it("claims.csv labels every enum and words every date", async () => {
    const rows = await csvOf(await load(claimsCsvLoader, MANAGER, "/claims.csv"));
    expect(rows.length).toBeGreaterThan(100);
    const labels = (name: keyof typeof ENUM_LABELS) => new Set<string>(Object.values(ENUM_LABELS[name]));
    for (const row of rows) {
      expect(labels("ClaimStatus")).toContain(row.Verdict);
      expect(labels("MatrixCheck")).toContain(row["Matrix check"]);
      expect(labels("ClaimSource")).toContain(row.Source);
      expect([...labels("Channel"), CUSTOMER_CHANNEL_LABEL]).toContain(row.Channel);
      expect([...labels("CapabilityStatus"), NOT_STATED_YET]).toContain(row["Customer was told"]);
      expect(["", ...labels("Severity")]).toContain(row.Severity);
      expect(row["Made on"]).toMatch(DAY_IN_WORDS);
      if (row["Verified at"] !== "") expect(row["Verified at"]).toMatch(TIME_IN_WORDS);
      if (row["Customer corrected at"] !== "") expect(row["Customer corrected at"]).toMatch(TIME_IN_WORDS);
    }
    // The filters in the address keep their codes; the file still answers them.
    const overstating = await csvOf(await load(claimsCsvLoader, MANAGER, "/claims.csv?matrixCheck=OVERSTATES"));
    expect(overstating.length).toBeGreaterThan(0);
    expect(new Set(overstating.map((row) => row["Matrix check"]))).toEqual(
      new Set([ENUM_LABELS.MatrixCheck.OVERSTATES]),
    );
  });

  it("the scorecard export shows percentages and Yes/No, as the page does", async () => {
    const rows = await csvOf(await load(scorecardCsvLoader, MANAGER, "/dashboard/scorecard.csv"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(["Yes", "No"]).toContain(row.Active);
      for (const column of [
        "Accuracy (weighted)",
        "Overstated share",
        "Coverage",
        "Best quiz score",
        "Delivered as promised",
      ]) {
        if (row[column] !== "") expect(row[column], column).toMatch(PERCENT);
      }
    }
  });

  it("the spec sheet export words the day it was made", async () => {
    const product = await prisma.product.findFirstOrThrow({
      where: { capabilities: { some: {} } },
      select: { slug: true },
    });
    const response = await load(specSheetCsvLoader, SALES, `/capabilities/${product.slug}/spec-sheet.csv`, {
      productSlug: product.slug,
    });
    const rows = await csvOf(response);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row["Generated on"]).toMatch(DAY_IN_WORDS);
      expect(rawCodesIn(row.Availability ?? "")).toEqual([]);
    }
  });

  it("payroll.csv keeps its columns and machine figures exactly: it feeds payroll systems", async () => {
    const response = await load(payrollLoader, MANAGER, `/comp/${LOCKED}/payroll.csv`, { periodName: LOCKED });
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text.split(/\r?\n/)[0]).toBe(
      "email,name,team,period,accuracy,quiz,satisfaction,composite,multiplier,target_bonus_cents,payout_cents,adjustment_cents",
    );
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...PAYROLL_CSV_HEADER]);
    expect(rows.length).toBeGreaterThan(0);
    const statements = await prisma.compStatement.findMany({
      where: { period: { name: LOCKED } },
      select: { totalPayoutCents: true, multiplier: true, user: { select: { email: true } } },
    });
    const byEmail = new Map(statements.map((statement) => [statement.user.email, statement]));
    for (const row of rows) {
      expect(row[3]).toBe(LOCKED);
      // Scores as 4-decimal fractions, never "80%"; money as integer cents, never "$".
      for (const cell of row.slice(4, 9)) expect(cell).toMatch(/^(\d\.\d{4})?$/);
      for (const cell of row.slice(9)) expect(cell).toMatch(/^-?\d+$/);
      const stored = byEmail.get(row[0] ?? "");
      expect(row[10]).toBe(String(stored?.totalPayoutCents));
      expect(Number(row[8])).toBeCloseTo(stored?.multiplier ?? Number.NaN, 4);
    }
  });
});

describe("a claim's history in plain words", () => {
  it("names who did what, with verdicts in words and no codes or ids", async () => {
    const engineer = await actorFor("engineer@candor.test");
    const manager = await actorFor(MANAGER);
    const capability = await prisma.capability.findFirstOrThrow({
      where: { product: { slug: "ledgerline" } },
      select: { id: true, title: true },
    });
    const claimId = await loggedClaim(sales, {
      capabilityId: capability.id,
      statement: "It exports to every version of Excel.",
      accountName: "Vocabulary Test Ltd",
      madeAt: new Date(Date.now() - 3 * 86_400_000),
    });
    await judgeInaccurate(engineer, claimId, "Not for .xls.");
    await disputeVerdict(sales, claimId, "The customer only needed xlsx.");
    const resolved = await resolveDispute(auditOf(manager), manager, claimId, {
      outcome: "OVERTURNED",
      resolutionNote: "Mostly right.",
      verdict: { status: "PARTIALLY_ACCURATE", severity: "MEDIUM", note: "xlsx only." },
    });
    expect(resolved).toEqual({ ok: true, value: null });

    const page = await load(claimLoader, SALES, `/claims/${claimId}`, { claimId });
    const lines = page.auditTrail.map((line) => [line.text, ...line.details].join("\n"));
    expect(lines).toEqual([
      expect.stringContaining(`${sales.name} logged this claim.`),
      expect.stringContaining(`${engineer.name} judged the claim inaccurate (high severity).`),
      expect.stringContaining(`${sales.name} disputed the verdict (inaccurate).`),
      expect.stringContaining(
        `${manager.name} overturned the verdict: the claim is now partially accurate (medium severity).`,
      ),
    ]);
    expect(lines[0]).toContain("What the customer was told: Supported");
    for (const line of lines) expect(rawCodesIn(line), line).toEqual([]);
  });
});

describe("a statement's adjustment reasons in plain words", () => {
  it("names the claim by its customer and day, for a reason written now and one stored before reasons were worded", async () => {
    const before = await load(statementLoader, SALES, `/comp/${LOCKED}/${sales.userId}`, {
      periodName: LOCKED,
      userId: sales.userId,
    });
    const target = before.figures?.claims.find((line) => line.status === "ACCURATE");
    if (!target || !before.figures) throw new Error("expected an accurate claim in the locked statement");
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: target.id }, select: { accountName: true } });

    // A reason written now: a verdict changed after the lock, paid at the next compute.
    await prisma.claim.update({ where: { id: target.id }, data: { status: "INACCURATE", severity: "HIGH" } });
    const computed = await settle(() =>
      submit(periodAction, "admin@candor.test", `/comp/${OPEN}`, { intent: "compute" }, { periodName: OPEN }),
    );
    expect(computed).toBeInstanceOf(Response);
    // And one as an earlier version of Candor stored it, with an id and codes (stored text is never rewritten).
    const [open, locked] = await Promise.all([
      prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN } }),
      prisma.compPeriod.findUniqueOrThrow({ where: { name: LOCKED } }),
    ]);
    await prisma.compAdjustment.create({
      data: {
        periodId: open.id,
        sourcePeriodId: locked.id,
        userId: sales.userId,
        deltaCents: -12_345,
        reason: `${LOCKED} recomputed with today's data, A 0.9200 → 0.9000; claim ${target.id} ACCURATE → PARTIALLY_ACCURATE (MEDIUM); payout 25,000.00 when locked, 24,876.55 now: -123.45`,
      },
    });

    const statement = await load(statementLoader, SALES, `/comp/${OPEN}/${sales.userId}`, {
      periodName: OPEN,
      userId: sales.userId,
    });
    const reasons = statement.adjustments.filter((line) => line.sourcePeriod === LOCKED).map((line) => line.reason);
    expect(reasons).toHaveLength(2);
    const stored = reasons.find((reason) => reason.includes("recomputed with today's data"));
    expect(stored).toContain(`the verdict on the claim to ${claim.accountName} of `);
    expect(stored).toContain("changed from accurate to partially accurate (medium severity)");
    expect(stored).toContain("accuracy 92.00% → 90.00%");
    expect(stored).toContain("payout $25,000.00 when locked");
    const fresh = reasons.find((reason) => reason !== stored);
    expect(fresh).toContain(`the verdict on the claim to ${claim.accountName} of `);
    expect(fresh).toMatch(/\(accuracy \d+\.\d{2}% → \d+\.\d{2}%/);
    for (const reason of reasons) expect(rawCodesIn(reason), reason).toEqual([]);
  });
});

describe("an unknown address", () => {
  const NOT_FOUND = "There is no page at this address. The link may be mistyped, or the page may have moved.";

  it("is a 404 with a plain sentence for anyone signed in, for reading and for posting", async () => {
    for (const email of [SALES, "engineer@candor.test", MANAGER, "admin@candor.test"]) {
      const outcome = await settle(() => load(notFoundLoader, email, "/no-such-page", { "*": "no-such-page" }));
      expect(outcome).toMatchObject({
        type: "DataWithResponseInit",
        init: { status: 404 },
        data: { message: NOT_FOUND },
      });
    }
    const posted = await settle(() =>
      submit(notFoundAction, SALES, "/no-such-page", { a: "1" }, { "*": "no-such-page" }),
    );
    expect(posted).toMatchObject({ init: { status: 404 } });
  });

  it("sends a visitor who is not signed in to sign in, as every page does, so it tells nothing", async () => {
    const outcome = await settle(async () =>
      notFoundLoader({ request: new Request(`${ORIGIN}/no-such-page`), params: { "*": "no-such-page" }, context: {} }),
    );
    expect(outcome).toHaveRedirect("/login?redirectTo=%2Fno-such-page");
  });
});
