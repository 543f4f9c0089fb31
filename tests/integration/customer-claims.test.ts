import { describe, expect, it } from "vitest";
import { MAP_BEFORE_VERDICT, NOT_STATED_YET } from "../../app/domain/customer-claims.ts";
import { addDays } from "../../app/domain/dates.ts";
import { claimSourceLabel } from "../../app/domain/levels.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { action as claimAction, loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { loader as claimsLoader } from "../../app/routes/_app.claims._index.tsx";
import { loader as statementLoader } from "../../app/routes/_app.comp.$periodName.$userId.tsx";
import { action as periodAction } from "../../app/routes/_app.comp.$periodName._index.tsx";
import { action as resultsAction } from "../../app/routes/_app.surveys.import.tsx";
import { loader as verifyLoader } from "../../app/routes/_app.verify.tsx";
import { loader as csvLoader } from "../../app/routes/claims[.]csv.ts";
import { parseCsv } from "../../app/domain/csv-safety.ts";
import { refusalOf } from "./support/refusal.ts";
import { get, post, load, submit } from "./support/requests.ts";
import { settle } from "./support/sign-in.ts";
import { answerSurvey, dueSurvey, surveyToken } from "./support/surveys.ts";

// PRODUCT.md §7, the customer as a source: the six-month survey's "told you something untrue"
// answer becomes a CUSTOMER claim in the queue, an engineer maps it and judges it, and it counts
// in the salesperson's accuracy like any verified claim.

const stamp = Date.now().toString(36).toUpperCase();
let sequence = 0;
const OPEN_PERIOD = "2026-Q4";

function importResults(csv: string) {
  const form = new FormData();
  form.set("intent", "import");
  form.set("file", new Blob([csv], { type: "text/csv" }), "results.csv");
  return settle(() => submit(resultsAction, "manager@candor.test", "/surveys/import", form));
}

const claimRequest = (email: string, claimId: string, form?: Record<string, string>) =>
  form ? post(email, `/claims/${claimId}`, form) : get(email, `/claims/${claimId}`);

const postToClaim = async (email: string, claimId: string, form: Record<string, string>) =>
  settle(async () =>
    claimAction({ request: await claimRequest(email, claimId, form), params: { claimId }, context: {} }),
  );

const readClaim = async (email: string, claimId: string) =>
  claimLoader({ request: await claimRequest(email, claimId), params: { claimId }, context: {} });

const customerClaimsOf = (surveyId: string) => prisma.claim.findMany({ where: { surveyId } });

/** The deal's customer answering its survey through a new link: the claims the answer made. */
async function customerAnswers(surveyId: string, fields: Record<string, string>) {
  await answerSurvey(await surveyToken(surveyId), fields);
  return customerClaimsOf(surveyId);
}

/** A new won deal whose customer answers that they were told something untrue: the deal and the claim it made. */
async function customerReport(answers: Record<string, string>) {
  const deal = await dueSurvey();
  const [claim] = await customerAnswers(deal.surveyId, answers);
  if (!claim) throw new Error("the customer's answer made no claim");
  return { deal, claim };
}

/** A capability of ledgerline with a known row: Partial ("xlsx only") since long before any test claim. */
async function partialCapability() {
  const engineer = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@candor.test" } });
  const product = await prisma.product.findUniqueOrThrow({ where: { slug: "ledgerline" } });
  const validFrom = new Date("2024-01-01T00:00:00Z");
  return prisma.capability.create({
    data: {
      productId: product.id,
      key: `legacy-xls-${stamp}-${++sequence}`,
      title: `Legacy xls export ${sequence}`,
      status: "PARTIAL",
      conditions: "xlsx only; .xls is not supported",
      verifiedAt: validFrom,
      reviewDueAt: addDays(validFrom, 10_000),
      // A row re-verified every day would be stale for no claim in these tests.
      revisions: {
        create: { status: "PARTIAL", conditions: "xlsx only; .xls is not supported", validFrom, authorId: engineer.id },
      },
    },
  });
}

describe("the survey's untrue-claim question", () => {
  it("turns a customer's answer into exactly one CUSTOMER claim in the queue, and a second submission adds none", async () => {
    const deal = await dueSurvey();
    const token = await surveyToken(deal.surveyId);
    const words = "  We were told the export works with Excel 2003. It only writes xlsx.  ";
    const answered = await answerSurvey(token, { csat: "2", deliveredAsPromised: "NO", untrueClaim: words });
    expect(answered).toHaveRedirect(`/survey/${token}?answered=1`);

    const survey = await prisma.survey.findUniqueOrThrow({ where: { id: deal.surveyId } });
    expect(survey.untrueClaim).toBe(words.trim());
    const [claim, ...others] = await customerClaimsOf(deal.surveyId);
    expect(others).toHaveLength(0);
    expect(claim).toMatchObject({
      source: "CUSTOMER",
      salespersonId: deal.ownerId,
      dealId: deal.dealId,
      accountName: deal.accountName,
      productId: deal.productId,
      capabilityId: null,
      assertedLevel: null,
      statement: words.trim(),
      madeAt: deal.closedAt,
      matrixCheck: "NO_MATRIX_ROW",
      status: "PENDING",
    });
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "Claim", entityId: claim?.id ?? "" } });
    expect(audit.map((event) => event.action)).toEqual(["claim.customer-report"]);

    // The engineers' queue (oldest first, 50 a page) lists it, marked as the customer's report with nothing stated yet.
    const older = await prisma.claim.count({
      where: { status: "PENDING", productId: deal.productId ?? "", madeAt: { lt: claim?.madeAt } },
    });
    const queue = await load(
      verifyLoader,
      "engineer@candor.test",
      `/verify?product=ledgerline&page=${Math.floor(older / 50) + 1}`,
    );
    expect(queue.rows.find((row) => row.id === claim?.id)).toMatchObject({
      source: "CUSTOMER",
      assertedLevel: null,
      statement: words.trim(),
    });

    // Answering again (a double submit, a reload) stores nothing more.
    const again = await answerSurvey(token, { csat: "1", deliveredAsPromised: "NO", untrueClaim: "Something else" });
    expect(again).toMatchObject({ init: { status: 409 } });
    expect(await customerClaimsOf(deal.surveyId)).toHaveLength(1);
  });

  it("creates no claim for an empty or blank answer", async () => {
    const deal = await dueSurvey();
    const token = await surveyToken(deal.surveyId);
    await answerSurvey(token, { csat: "5", deliveredAsPromised: "YES", untrueClaim: "   " });
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: deal.surveyId } })).untrueClaim).toBeNull();
    expect(await customerClaimsOf(deal.surveyId)).toHaveLength(0);
  });

  it("refuses an answer over 2,000 characters with a sentence and stores nothing", async () => {
    const deal = await dueSurvey();
    const token = await surveyToken(deal.surveyId);
    const result = await answerSurvey(token, {
      csat: "3",
      deliveredAsPromised: "PARTLY",
      untrueClaim: "x".repeat(2001),
    });
    expect(result).toMatchObject({
      init: { status: 400 },
      data: { kind: "invalid", result: { error: { untrueClaim: ["Please keep it under 2000 characters."] } } },
    });
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: deal.surveyId } })).respondedAt).toBeNull();
    expect(await customerClaimsOf(deal.surveyId)).toHaveLength(0);
  });

  it("files a report on a deal without a product under the product of the salesperson's latest claim on that deal", async () => {
    const deal = await dueSurvey({ product: null });
    const relay = await prisma.product.findUniqueOrThrow({ where: { slug: "relay" } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: deal.ownerId } });
    await prisma.claim.create({
      data: {
        salespersonId: owner.id,
        dealId: deal.dealId,
        accountName: deal.accountName,
        productId: relay.id,
        assertedLevel: "SUPPORTED",
        statement: "Relay does it.",
        channel: "CALL",
        madeAt: addDays(deal.closedAt ?? new Date(), -10),
        source: "SELF",
        loggedById: owner.id,
        matrixCheck: "NO_MATRIX_ROW",
      },
    });
    const [reported] = await customerAnswers(deal.surveyId, {
      csat: "2",
      deliveredAsPromised: "NO",
      untrueClaim: "It did not do it.",
    });
    expect(reported?.productId).toBe(relay.id);

    // With neither, the report waits under a clearly named placeholder until an engineer maps it.
    const bare = await dueSurvey({ product: null });
    const [report] = await customerAnswers(bare.surveyId, {
      csat: "2",
      deliveredAsPromised: "NO",
      untrueClaim: "Nothing worked.",
    });
    const product = await prisma.product.findUniqueOrThrow({ where: { id: report?.productId ?? "" } });
    expect(product.name).toBe("Product not yet known");
  });

  it("the results import's Untrue claim column creates the claim once, however often the file is imported", async () => {
    const deal = await dueSurvey({ daysAgo: 12 });
    const csv = [
      "Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment,Untrue claim",
      `${deal.externalId},2026-11-20,2,NO,3,Slow,"They said SSO was included; it costs extra."`,
    ].join("\n");
    expect(await importResults(csv)).toBeInstanceOf(Response);
    expect(await importResults(csv)).toBeInstanceOf(Response);
    const claims = await customerClaimsOf(deal.surveyId);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      source: "CUSTOMER",
      statement: "They said SSO was included; it costs extra.",
      assertedLevel: null,
      dealId: deal.dealId,
    });
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: deal.surveyId } })).untrueClaim).toBe(
      "They said SSO was included; it costs extra.",
    );
  });
});

describe("mapping and judging a customer's report", () => {
  it("refuses a verdict before mapping, then maps (matrix check as of the claim's date), audits, and judges it", async () => {
    const { deal, claim } = await customerReport({
      csat: "2",
      deliveredAsPromised: "NO",
      untrueClaim: "You said the export handles .xls files.",
    });

    const page = await readClaim("engineer@candor.test", claim.id);
    expect(page.claim.source).toBe("CUSTOMER");
    expect(page.mappingProducts?.map((product) => product.name)).not.toContain("Product not yet known");
    expect(page.verify).toEqual({ allowed: false, reason: MAP_BEFORE_VERDICT, alreadyDecided: false });

    const early = await postToClaim("engineer@candor.test", claim.id, {
      intent: "verify",
      status: "INACCURATE",
      severity: "HIGH",
      note: "No .xls",
      version: String(claim.version),
    });
    expect(await refusalOf(early)).toMatchObject({ status: 403, message: MAP_BEFORE_VERDICT });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("PENDING");

    // Salespeople and managers do not map.
    expect(
      await refusalOf(
        await postToClaim("sales@candor.test", claim.id, {
          intent: "map",
          version: "1",
          capabilityId: "none",
          productId: deal.productId ?? "",
          assertedLevel: "SUPPORTED",
        }),
      ),
    ).toMatchObject({ status: 403 });

    // A missing level is a field error, and nothing changes.
    const incomplete = await postToClaim("engineer@candor.test", claim.id, {
      intent: "map",
      version: String(claim.version),
      capabilityId: "none",
      productId: deal.productId ?? "",
    });
    expect(incomplete).toMatchObject({
      init: { status: 400 },
      data: { intent: "map", result: { error: { assertedLevel: ["Choose what the customer was told."] } } },
    });

    const capability = await partialCapability();
    const mapped = await postToClaim("engineer@candor.test", claim.id, {
      intent: "map",
      version: String(claim.version),
      productId: capability.productId,
      capabilityId: capability.id,
      assertedLevel: "SUPPORTED",
    });
    expect(mapped).toBeInstanceOf(Response);
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after).toMatchObject({
      capabilityId: capability.id,
      assertedLevel: "SUPPORTED",
      matrixCheck: "OVERSTATES",
      status: "PENDING",
      version: claim.version + 1,
    });
    expect(after.revisionId).not.toBeNull();
    const mapEvents = await prisma.auditEvent.findMany({
      where: { entityType: "Claim", entityId: claim.id, action: "claim.map" },
    });
    expect(mapEvents).toHaveLength(1);

    const judged = await postToClaim("jun.tanaka@candor.test", claim.id, {
      intent: "verify",
      status: "INACCURATE",
      severity: "HIGH",
      note: "No .xls export exists.",
      version: String(after.version),
    });
    expect(judged).toBeInstanceOf(Response);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "INACCURATE",
      severity: "HIGH",
    });

    // Once judged, the mapping can no longer change.
    const late = await postToClaim("engineer@candor.test", claim.id, {
      intent: "map",
      version: String(after.version + 1),
      capabilityId: "none",
      productId: capability.productId,
      assertedLevel: "PARTIAL",
    });
    expect(late).toMatchObject({ init: { status: 409 } });
  });
});

describe("every source shown and filterable", () => {
  it("filters the claims table and its CSV by source, with the source column and “not stated yet” before mapping", async () => {
    const { claim } = await customerReport({
      csat: "3",
      deliveredAsPromised: "PARTLY",
      untrueClaim: "The API limits were not what we heard.",
    });

    const table = await load(claimsLoader, "manager@candor.test", "/claims?source=CUSTOMER&pageSize=100");
    expect(table.filter.source).toBe("CUSTOMER");
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows.every((row) => row.source === "CUSTOMER")).toBe(true);
    expect(table.rows.find((row) => row.id === claim?.id)).toMatchObject({ assertedLevel: null, source: "CUSTOMER" });
    const self = await load(claimsLoader, "manager@candor.test", "/claims?source=SELF&pageSize=100");
    expect(self.rows.length).toBeGreaterThan(0);
    expect(self.rows.every((row) => row.source === "SELF")).toBe(true);
    const unknown = await load(claimsLoader, "manager@candor.test", "/claims?source=RUMOUR");
    expect(unknown.notes).toContain("Ignored the source filter: “RUMOUR” is not a value Candor knows.");

    const response = await load(csvLoader, "manager@candor.test", "/claims.csv?source=CUSTOMER");
    const [header, ...rows] = parseCsv(await response.text());
    const sourceAt = header?.indexOf("Source") ?? -1;
    const toldAt = header?.indexOf("Customer was told") ?? -1;
    expect(sourceAt).toBeGreaterThan(-1);
    expect(rows.every((row) => row[sourceAt] === claimSourceLabel("CUSTOMER"))).toBe(true);
    expect(rows.find((row) => row[0] === claim?.id)?.[toldAt]).toBe(NOT_STATED_YET);
  });

  it("counts a verified CUSTOMER claim and a verified CONVERSATION claim in the statement, each with its source", async () => {
    const period = await prisma.compPeriod.findUniqueOrThrow({ where: { name: OPEN_PERIOD } });
    const madeAt = addDays(period.startsAt, 10);
    const deal = await dueSurvey({ daysAgo: 20, closedAt: madeAt });
    const csv = [
      "Deal external ID,Responded at,CSAT,Delivered as promised,Untrue claim",
      `${deal.externalId},2026-11-25,2,NO,"Told us Excel 2003 files open fine."`,
    ].join("\n");
    expect(await importResults(csv)).toBeInstanceOf(Response);
    const [reported] = await customerClaimsOf(deal.surveyId);
    if (!reported) throw new Error("no claim");
    const capability = await partialCapability();
    await postToClaim("engineer@candor.test", reported.id, {
      intent: "map",
      version: String(reported.version),
      productId: capability.productId,
      capabilityId: capability.id,
      assertedLevel: "SUPPORTED",
    });
    await postToClaim("engineer@candor.test", reported.id, {
      intent: "verify",
      status: "INACCURATE",
      severity: "LOW",
      note: "xls is not supported.",
      version: String(reported.version + 1),
    });

    const engineer = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@candor.test" } });
    const fromConversation = await prisma.claim.create({
      data: {
        salespersonId: deal.ownerId,
        dealId: deal.dealId,
        accountName: deal.accountName,
        productId: capability.productId,
        capabilityId: capability.id,
        assertedLevel: "PARTIAL",
        statement: "It exports xlsx, not the old xls.",
        channel: "CALL",
        madeAt,
        source: "CONVERSATION",
        loggedById: deal.ownerId,
        matrixCheck: "CONSISTENT",
        status: "ACCURATE",
        severity: "MEDIUM",
        verifiedById: engineer.id,
        verifiedAt: new Date(),
      },
    });

    const computed = await settle(() =>
      submit(
        periodAction,
        "admin@candor.test",
        `/comp/${OPEN_PERIOD}`,
        { intent: "compute" },
        { periodName: OPEN_PERIOD },
      ),
    );
    expect(computed).toBeInstanceOf(Response);
    const page = await load(statementLoader, "sales@candor.test", `/comp/${OPEN_PERIOD}/${deal.ownerId}`, {
      periodName: OPEN_PERIOD,
      userId: deal.ownerId,
    });
    const lines = page.figures?.claims ?? [];
    expect(lines.find((line) => line.id === reported.id)).toMatchObject({
      counted: true,
      status: "INACCURATE",
      credit: 0,
      weight: 1,
    });
    expect(lines.find((line) => line.id === fromConversation.id)).toMatchObject({
      counted: true,
      status: "ACCURATE",
      credit: 1,
      weight: 2,
    });
    const claims: Record<string, { source: string } | undefined> = page.claims;
    expect(claims[reported.id]?.source).toBe("CUSTOMER");
    expect(claims[fromConversation.id]?.source).toBe("CONVERSATION");
  });
});
