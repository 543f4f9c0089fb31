import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/dates.ts";
import { OWN_CLAIM_REFUSAL, SECOND_DISPUTE_REFUSAL, utcDayOf, type Actor } from "../../app/domain/claim-rules.ts";
import { prisma } from "../../app/lib/db.server.ts";
import type { AuditContext } from "../../app/models/audit.server.ts";
import { raiseDispute, recordVerdict, resolveDispute } from "../../app/models/claim-verdicts.server.ts";
import { createClaim, getClaimForReader, type NewClaimInput } from "../../app/models/claims.server.ts";
import { listVerificationQueue } from "../../app/models/verify-queue.server.ts";
import { action as claimAction, loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { action as newClaimAction } from "../../app/routes/_app.claims.new.tsx";
import { ORIGIN, cookieFor, settle } from "./support/sign-in.ts";
import { refusalOf } from "./support/refusal.ts";
import { auditRows, valueOf } from "./support/outcomes.ts";

const DAY = 86_400_000;
const now = new Date();

async function actorFor(email: string): Promise<Actor & { name: string; teamId: string | null }> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, role: true, name: true, teamId: true },
  });
  return { userId: user.id, role: user.role, name: user.name, teamId: user.teamId };
}

const auditOf = (actor: Actor): AuditContext => ({
  actorId: actor.userId,
  requestId: randomUUID(),
  ip: "203.0.113.80",
});

const claimRequest = (claimId: string, cookie: string, form?: Record<string, string>) =>
  new Request(
    `${ORIGIN}/claims/${claimId}`,
    form ? { method: "POST", headers: { cookie }, body: new URLSearchParams(form) } : { headers: { cookie } },
  );

const postToClaim = async (email: string, claimId: string, form: Record<string, string>) =>
  settle(async () =>
    claimAction({ request: claimRequest(claimId, await cookieFor(email), form), params: { claimId }, context: {} }),
  );

const readClaim = async (email: string, claimId: string) =>
  settle(async () =>
    claimLoader({ request: claimRequest(claimId, await cookieFor(email)), params: { claimId }, context: {} }),
  );

// A capability of our own with a known history: Supported until ten days ago, then Partial.
let capability: { id: string; productId: string; supportedId: string; partialId: string };

beforeAll(async () => {
  const engineer = await actorFor("engineer@candor.test");
  const product = await prisma.product.findFirstOrThrow({ where: { slug: "ledgerline" } });
  const created = await prisma.capability.create({
    data: {
      productId: product.id,
      key: `test-export-${randomUUID().slice(0, 8)}`,
      title: "Test spreadsheet export",
      status: "PARTIAL",
      conditions: "xlsx only; .xls is not supported",
      revisions: {
        create: [
          {
            status: "SUPPORTED",
            conditions: "",
            validFrom: addDays(now, -40),
            authorId: engineer.userId,
            note: "First row.",
          },
          {
            status: "PARTIAL",
            conditions: "xlsx only; .xls is not supported",
            validFrom: addDays(now, -10),
            authorId: engineer.userId,
            note: "Narrowed.",
          },
        ],
      },
    },
    include: { revisions: { orderBy: { validFrom: "asc" } } },
  });
  const [supported, partial] = created.revisions;
  if (!supported || !partial) throw new Error("revisions were not created");
  capability = { id: created.id, productId: product.id, supportedId: supported.id, partialId: partial.id };
});

function claimInput(salespersonId: string, overrides: Partial<NewClaimInput> = {}): NewClaimInput {
  return {
    salespersonId,
    productId: null,
    capabilityId: capability.id,
    assertedLevel: "SUPPORTED",
    statement: "Our export works with every version of Excel.",
    channel: "CALL",
    madeAt: new Date(now.getTime() - 2 * DAY),
    dealId: null,
    accountName: "Northwind Traders",
    evidence: "",
    ...overrides,
  };
}

async function logClaim(loggerEmail: string, salespersonEmail: string, overrides: Partial<NewClaimInput> = {}) {
  const logger = await actorFor(loggerEmail);
  const salesperson = await actorFor(salespersonEmail);
  const created = valueOf(await createClaim(auditOf(logger), logger, claimInput(salesperson.userId, overrides)));
  return created.id;
}

describe("logging a claim", () => {
  it("stores the matrix check against the revision in force on the claim date, not today's", async () => {
    const cookie = await cookieFor("sales@candor.test");
    const post = (daysAgo: number) =>
      settle(() =>
        newClaimAction({
          request: new Request(`${ORIGIN}/claims/new`, {
            method: "POST",
            headers: { cookie },
            body: new URLSearchParams({
              capabilityId: capability.id,
              assertedLevel: "SUPPORTED",
              statement: "Excel export works with any Excel file.",
              channel: "EMAIL",
              madeOn: utcDayOf(new Date(now.getTime() - daysAgo * DAY)),
              accountName: "Contoso Ltd",
            }),
          }),
          params: {},
          context: {},
        }),
      );
    const before = await post(20);
    const after = await post(5);
    for (const response of [before, after]) {
      if (!(response instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(response)}`);
      expect(response.status).toBe(302);
    }
    const idOf = (response: unknown) =>
      response instanceof Response ? (response.headers.get("location") ?? "").replace("/claims/", "") : "";
    const early = await prisma.claim.findUniqueOrThrow({ where: { id: idOf(before) } });
    const late = await prisma.claim.findUniqueOrThrow({ where: { id: idOf(after) } });
    // Told "Supported" while the row said Supported: consistent, judged against that revision.
    expect(early).toMatchObject({
      matrixCheck: "CONSISTENT",
      revisionId: capability.supportedId,
      source: "SELF",
      productId: capability.productId,
    });
    expect(early.madeAt.toISOString()).toMatch(/T12:00:00\.000Z$/);
    // The same words after the row was narrowed to Partial overstate the matrix.
    expect(late).toMatchObject({ matrixCheck: "OVERSTATES", revisionId: capability.partialId });
    const [event] = await auditRows("claim.create", late.id);
    const sales = await actorFor("sales@candor.test");
    expect(event).toMatchObject({ actorId: sales.userId, entityType: "Claim", teamId: sales.teamId });
    expect(JSON.parse(event?.afterJson ?? "{}")).toMatchObject({
      matrixCheck: "OVERSTATES",
      revisionId: capability.partialId,
    });
  });

  it("refuses a date in the future next to the date field", async () => {
    const cookie = await cookieFor("sales@candor.test");
    const body = new URLSearchParams({
      capabilityId: capability.id,
      assertedLevel: "PARTIAL",
      statement: "xlsx only.",
      channel: "CALL",
      madeOn: utcDayOf(new Date(now.getTime() + 2 * DAY)),
      accountName: "Contoso Ltd",
    });
    const response = await settle(() =>
      newClaimAction({
        request: new Request(`${ORIGIN}/claims/new`, { method: "POST", headers: { cookie }, body }),
        params: {},
        context: {},
      }),
    );
    expect(response).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { madeOn: ["The date cannot be in the future."] } } },
    });
  });

  it("lets a manager log OBSERVED claims about their own teams only", async () => {
    const manager = await actorFor("manager@candor.test");
    const aisha = await prisma.user.findFirstOrThrow({ where: { name: "Aisha Rahman" } });
    const sales = await actorFor("sales@candor.test");
    const own = await createClaim(auditOf(manager), manager, claimInput(sales.userId));
    expect(own).toMatchObject({ ok: true });
    if (own.ok)
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: own.value.id } })).toMatchObject({
        source: "OBSERVED",
        loggedById: manager.userId,
      });
    expect(await createClaim(auditOf(manager), manager, claimInput(aisha.id))).toEqual({
      ok: false,
      status: 403,
      fieldErrors: {},
      formErrors: ["You can log claims only about salespeople of the teams you manage."],
    });
    // A salesperson cannot log a claim in someone else's name.
    const brad = await actorFor("overpromiser@candor.test");
    expect(await createClaim(auditOf(sales), sales, claimInput(brad.userId))).toMatchObject({
      ok: false,
      status: 403,
      formErrors: [expect.any(String)],
    });
  });
});

describe("reading claims", () => {
  it("answers 404 to a salesperson reading another salesperson's claim, and 403 to their verdict", async () => {
    const bradsClaim = await logClaim("overpromiser@candor.test", "overpromiser@candor.test");
    expect(await readClaim("overpromiser@candor.test", bradsClaim)).toMatchObject({ claim: { id: bradsClaim } });
    expect(await refusalOf(await readClaim("sales@candor.test", bradsClaim))).toMatchObject({ status: 404 });
    const verdict = await postToClaim("sales@candor.test", bradsClaim, {
      intent: "verify",
      status: "ACCURATE",
      severity: "LOW",
      version: "1",
    });
    expect(await refusalOf(verdict)).toMatchObject({ status: 403, message: "Only engineers verify claims." });
    // Not even on their own claim.
    const mayasClaim = await logClaim("sales@candor.test", "sales@candor.test");
    expect(
      await refusalOf(
        await postToClaim("sales@candor.test", mayasClaim, {
          intent: "verify",
          status: "ACCURATE",
          severity: "LOW",
          version: "1",
        }),
      ),
    ).toMatchObject({
      status: 403,
    });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: mayasClaim } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
  });

  it("answers 404 to a manager reading a claim of a team they do not manage", async () => {
    const aisha = await prisma.user.findFirstOrThrow({ where: { name: "Aisha Rahman" } });
    const engineer = await actorFor("engineer@candor.test");
    const claim = valueOf(await createClaim(auditOf(engineer), engineer, claimInput(aisha.id)));
    expect(await refusalOf(await readClaim("manager@candor.test", claim.id))).toMatchObject({ status: 404 });
    expect(await readClaim("marcus.bell@candor.test", claim.id)).toMatchObject({
      claim: { id: claim.id },
    });
    expect(await readClaim("engineer@candor.test", claim.id)).toMatchObject({
      claim: { id: claim.id },
    });
  });

  it("shows the claim's revision as of the claim date beside today's row", async () => {
    const claimId = await logClaim("sales@candor.test", "sales@candor.test", {
      madeAt: new Date(now.getTime() - 20 * DAY),
    });
    const found = await getClaimForReader(
      claimId,
      await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } }),
    );
    expect(found?.claim.revision).toMatchObject({ status: "SUPPORTED" });
    expect(found?.claim.capability).toMatchObject({
      status: "PARTIAL",
      conditions: "xlsx only; .xls is not supported",
    });
  });
});

describe("verdicts", () => {
  it("never lets the engineer who logged a claim verify it (403 from the action)", async () => {
    const claimId = await logClaim("engineer@candor.test", "sales@candor.test");
    const verdict = { intent: "verify", status: "INACCURATE", severity: "HIGH", note: "No .xls", version: "1" };
    const refused = await postToClaim("engineer@candor.test", claimId, verdict);
    expect(await refusalOf(refused)).toMatchObject({ status: 403, message: OWN_CLAIM_REFUSAL });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      status: "PENDING",
      verifiedById: null,
    });

    const accepted = await postToClaim("jun.tanaka@candor.test", claimId, verdict);
    expect(accepted).toBeInstanceOf(Response);
    const jun = await actorFor("jun.tanaka@candor.test");
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      status: "INACCURATE",
      severity: "HIGH",
      verifiedById: jun.userId,
      version: 2,
    });
  });

  it("asks for a severity and a note where the rules need them", async () => {
    const claimId = await logClaim("sales@candor.test", "sales@candor.test");
    const response = await postToClaim("engineer@candor.test", claimId, {
      intent: "verify",
      status: "INACCURATE",
      version: "1",
    });
    expect(response).toMatchObject({
      init: { status: 400 },
      data: { result: { error: { severity: [expect.any(String)], note: [expect.any(String)] } } },
    });
  });

  it("stores exactly one verdict when two engineers decide at once; the other learns who and when (409)", async () => {
    const claimId = await logClaim("sales@candor.test", "sales@candor.test");
    const [sam, jun] = await Promise.all([actorFor("engineer@candor.test"), actorFor("jun.tanaka@candor.test")]);
    const results = await Promise.all([
      recordVerdict(auditOf(sam), sam, claimId, 1, { status: "INACCURATE", severity: "HIGH", note: "Only xlsx." }),
      recordVerdict(auditOf(jun), jun, claimId, 1, { status: "ACCURATE", severity: "LOW", note: "" }),
    ]);
    const winners = results.filter((result) => result.ok);
    const losers = results.flatMap((result) =>
      !result.ok && result.status === 409 && result.conflict ? [result.conflict] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, include: { verifiedBy: true } });
    expect(stored.version).toBe(2);
    expect(losers[0]?.decidedBy).toBe(stored.verifiedBy?.name);
    expect(losers[0]?.decidedAt).toEqual(stored.verifiedAt);
    expect(losers[0]?.message).toMatch(
      new RegExp(
        `^${stored.verifiedBy?.name} recorded a verdict \\((Inaccurate, High|Accurate, Low)\\) at .+\\. Nothing was overwritten\\.$`,
      ),
    );
    expect(await auditRows("claim.verify", claimId)).toHaveLength(1);

    // The action answers a stale version with 409 and the same sentence.
    const stale = await postToClaim("fatima.nasser@candor.test", claimId, {
      intent: "verify",
      status: "ACCURATE",
      severity: "LOW",
      version: "1",
    });
    expect(stale).toMatchObject({ init: { status: 409 }, data: { conflict: { decidedBy: stored.verifiedBy?.name } } });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      version: 2,
      status: stored.status,
    });
  });

  it("lists pending claims oldest first with their age against the target", async () => {
    const queue = await listVerificationQueue({ productSlug: "ledgerline" }, now);
    expect(queue.rows.length).toBeGreaterThan(0);
    const made = queue.rows.map((row) => row.madeAt.getTime());
    expect(made).toEqual([...made].sort((a, b) => a - b));
    expect(queue.rows.every((row) => row.product.name === "Ledgerline")).toBe(true);
    const overstated = await listVerificationQueue({ matrixCheck: "OVERSTATES" }, now);
    expect(overstated.rows.every((row) => row.matrixCheck === "OVERSTATES")).toBe(true);
  });
});

describe("disputes", () => {
  it("audits create, verify, dispute and resolve; a second dispute is refused; an overturn sets the new verdict", async () => {
    const [maya, sam, priya, marcus] = await Promise.all([
      actorFor("sales@candor.test"),
      actorFor("engineer@candor.test"),
      actorFor("manager@candor.test"),
      actorFor("marcus.bell@candor.test"),
    ]);
    const claimId = await logClaim("sales@candor.test", "sales@candor.test");
    expect(
      await recordVerdict(auditOf(sam), sam, claimId, 1, {
        status: "INACCURATE",
        severity: "HIGH",
        note: "Legacy .xls is not supported.",
      }),
    ).toEqual({ ok: true, value: null });

    expect(await raiseDispute(auditOf(maya), maya, claimId, "The customer only uses xlsx files.")).toEqual({
      ok: true,
      value: null,
    });
    const again = await postToClaim("sales@candor.test", claimId, {
      intent: "dispute",
      reason: "Trying a second time, please.",
    });
    expect(again).toMatchObject({
      init: { status: 409 },
      data: { result: { error: { "": [SECOND_DISPUTE_REFUSAL] } } },
    });
    expect(await prisma.claimDispute.count({ where: { claimId } })).toBe(1);

    // A manager of another team may not resolve it; the team's manager can.
    expect(
      await resolveDispute(auditOf(marcus), marcus, claimId, {
        outcome: "UPHELD",
        resolutionNote: "Stands.",
        verdict: null,
      }),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    const missingVerdict = await resolveDispute(auditOf(priya), priya, claimId, {
      outcome: "OVERTURNED",
      resolutionNote: "Fair point.",
      verdict: null,
    });
    expect(missingVerdict).toMatchObject({ ok: false, status: 400, fieldErrors: { status: [expect.any(String)] } });
    const resolved = await postToClaim("manager@candor.test", claimId, {
      intent: "resolve",
      outcome: "OVERTURNED",
      resolutionNote: "The deal is xlsx-only; the claim was mostly right.",
      status: "PARTIALLY_ACCURATE",
      severity: "MEDIUM",
      note: "True for xlsx; .xls was never discussed.",
    });
    expect(resolved).toBeInstanceOf(Response);

    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, include: { dispute: true } });
    expect(claim).toMatchObject({
      status: "PARTIALLY_ACCURATE",
      severity: "MEDIUM",
      verifiedById: sam.userId,
      version: 3,
    });
    expect(claim.dispute).toMatchObject({
      status: "OVERTURNED",
      disputedStatus: "INACCURATE",
      resolvedById: priya.userId,
      raisedById: maya.userId,
    });
    // The dispute row keeps both verdicts: the one disputed and the one the overturn set.
    expect(claim.dispute).toMatchObject({ overturnedStatus: "PARTIALLY_ACCURATE", overturnedSeverity: "MEDIUM" });
    expect(claim.dispute?.disputedSeverity).toBe("HIGH");

    const events = await prisma.auditEvent.findMany({
      where: { entityType: "Claim", entityId: claimId },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual([
      "claim.create",
      "claim.verify",
      "claim.dispute",
      "claim.dispute.resolve",
    ]);
    expect(events.every((event) => event.teamId === maya.teamId)).toBe(true);
    expect(events.map((event) => event.actorId)).toEqual([maya.userId, sam.userId, maya.userId, priya.userId]);
    const resolveEvent = events[3];
    expect(JSON.parse(resolveEvent?.beforeJson ?? "{}")).toMatchObject({ status: "INACCURATE", severity: "HIGH" });
    expect(JSON.parse(resolveEvent?.afterJson ?? "{}")).toMatchObject({
      dispute: "OVERTURNED",
      status: "PARTIALLY_ACCURATE",
      severity: "MEDIUM",
      resolvedById: priya.userId,
    });

    // Resolving twice answers who resolved it first.
    const twice = await resolveDispute(auditOf(priya), priya, claimId, {
      outcome: "UPHELD",
      resolutionNote: "Again.",
      verdict: null,
    });
    expect(twice).toMatchObject({ ok: false, status: 409, conflict: { decidedBy: priya.name } });
  });

  it("records a customer correction once, audited", async () => {
    const claimId = await logClaim("sales@candor.test", "sales@candor.test");
    expect(await postToClaim("sales@candor.test", claimId, { intent: "correct" })).toBeInstanceOf(Response);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.customerCorrectedAt).not.toBeNull();
    expect(await auditRows("claim.customer-corrected", claimId)).toHaveLength(1);
    expect(await refusalOf(await postToClaim("sales@candor.test", claimId, { intent: "correct" }))).toMatchObject({
      status: 403,
    });
  });
});
