import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/dates.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { attachCommentToCapability } from "../../app/models/customer-comments.server.ts";
import { sendDueSurveys } from "../../app/models/survey-links.server.ts";
import { action as commentsAction, loader as commentsLoader } from "../../app/routes/_app.customer-comments.tsx";
import { loader as overviewLoader } from "../../app/routes/_app.surveys._index.tsx";
import { action as resultsAction } from "../../app/routes/_app.surveys.import.tsx";
import { loader as outboxLoader } from "../../app/routes/_app.surveys.outbox.tsx";
import { headers as surveyHeaders } from "../../app/routes/survey.$token.tsx";
import { refusalOf } from "./support/refusal.ts";
import { fieldErrorsOf, load, submit } from "./support/requests.ts";
import { settle } from "./support/sign-in.ts";
import { answerSurvey, dueSurvey, openSurvey, outboxPost, surveyToken } from "./support/surveys.ts";
import { localSmtp } from "../support/local-smtp.ts";

const stamp = Date.now().toString(36).toUpperCase();

const NOT_VALID = {
  data: { message: expect.stringContaining("This link is not valid") },
  init: { status: 404, headers: { "Referrer-Policy": "no-referrer" } },
};

describe("the public survey link", () => {
  it("works once: the answers are stored with source LINK, the thank-you page shows, then it says already answered", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    const page = await openSurvey(token);
    expect(page).toMatchObject({
      data: { kind: "open", productName: "Ledgerline" },
      init: { headers: { "Referrer-Policy": "no-referrer" } },
    });

    const response = await answerSurvey(token, {
      csat: "4",
      deliveredAsPromised: "PARTLY",
      nps: "8",
      leastLiked: "The xls export we were promised.",
    });
    expect(response).toHaveRedirect(`/survey/${token}?answered=1`);
    expect((response as Response).headers.get("referrer-policy")).toBe("no-referrer");
    const stored = await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(stored).toMatchObject({
      csat: 4,
      deliveredAsPromised: "PARTLY",
      nps: 8,
      leastLiked: "The xls export we were promised.",
      source: "LINK",
    });
    expect(stored.respondedAt).not.toBeNull();
    const events = await prisma.auditEvent.findMany({ where: { action: "survey.respond", entityId: surveyId } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.afterJson ?? "{}")).toMatchObject({ source: "LINK", csat: 4 });

    expect(await openSurvey(token, "?answered=1")).toMatchObject({ data: { kind: "thanks" } });
    expect(await openSurvey(token)).toMatchObject({ data: { kind: "answered" } });
    const second = await answerSurvey(token, { csat: "1", deliveredAsPromised: "NO" });
    expect(second).toMatchObject({ data: { kind: "already" }, init: { status: 409 } });
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({
      csat: 4,
      deliveredAsPromised: "PARTLY",
    });
  });

  it("answers a tampered, unknown, malformed, replaced or expired token with the same 404 page", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    const last = token.at(-1) === "A" ? "B" : "A";
    const tampered = `${token.slice(0, -1)}${last}`;
    const unknown = Buffer.alloc(32, 7).toString("base64url");
    for (const bad of [tampered, unknown, "abc", `${token}x`, "../../etc/passwd", ""]) {
      expect(await openSurvey(bad)).toMatchObject(NOT_VALID);
      expect(await answerSurvey(bad, { csat: "5", deliveredAsPromised: "YES" })).toMatchObject(NOT_VALID);
    }
    // A new link replaces the old one.
    const replacement = await surveyToken(surveyId);
    expect(await openSurvey(token)).toMatchObject(NOT_VALID);
    expect(await openSurvey(replacement)).toMatchObject({ data: { kind: "open" } });
    // 90 days after the due date the link has expired.
    const old = await dueSurvey({ daysAgo: 89 });
    const expiring = await surveyToken(old.surveyId);
    expect(await openSurvey(expiring)).toMatchObject({ data: { kind: "open" } });
    await prisma.survey.update({ where: { id: old.surveyId }, data: { dueAt: addDays(new Date(), -91) } });
    expect(await openSurvey(expiring)).toMatchObject(NOT_VALID);
    expect(await answerSurvey(expiring, { csat: "5", deliveredAsPromised: "YES" })).toMatchObject(NOT_VALID);
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: old.surveyId } })).toMatchObject({ respondedAt: null });
    // The page's headers function sends the policy on every response, errors included.
    expect(new Headers(surveyHeaders({} as Parameters<typeof surveyHeaders>[0])).get("referrer-policy")).toBe(
      "no-referrer",
    );
  });

  it("records exactly one of two simultaneous submissions", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    const results = await Promise.all([
      answerSurvey(token, { csat: "5", deliveredAsPromised: "YES" }),
      answerSurvey(token, { csat: "1", deliveredAsPromised: "NO" }),
    ]);
    expect(results.filter((result) => result instanceof Response)).toHaveLength(1);
    expect(results.filter((result) => !(result instanceof Response))).toMatchObject([
      { data: { kind: "already" }, init: { status: 409 } },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "survey.respond", entityId: surveyId } })).toBe(1);
  });

  it("keeps no token in clear: not in any Survey column, not in the audit log", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    await answerSurvey(token, { csat: "5", deliveredAsPromised: "YES" });
    const surveys = await prisma.$queryRaw<unknown[]>`SELECT * FROM "Survey"`;
    const events = await prisma.$queryRaw<unknown[]>`SELECT * FROM "AuditEvent"`;
    const everything = JSON.stringify([surveys, events]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(Buffer.from(token, "base64url").toString("hex"));
    const stored = await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows field errors and stores nothing for an incomplete answer", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    expect(fieldErrorsOf(await answerSurvey(token, { nps: "11" }))).toMatchObject({
      csat: ["Choose how satisfied you are, from 1 to 5."],
      deliveredAsPromised: ["Choose yes, partly or no."],
      nps: ["Choose a number from 0 to 10."],
    });
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({ respondedAt: null });
  });

  it("rate-limits responses per client address", async () => {
    const ip = "192.0.2.99";
    const unknown = Buffer.alloc(32, 9).toString("base64url");
    for (let i = 0; i < 10; i++)
      expect(await refusalOf(await answerSurvey(unknown, { csat: "5", deliveredAsPromised: "YES" }, ip))).toMatchObject(
        {
          status: 404,
        },
      );
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    const refused = await answerSurvey(token, { csat: "5", deliveredAsPromised: "YES" }, ip);
    expect(refused).toMatchObject({ data: { kind: "throttled", minutes: expect.any(Number) }, init: { status: 429 } });
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({ respondedAt: null });
    // Another address is not affected.
    expect(await answerSurvey(token, { csat: "5", deliveredAsPromised: "YES" }, "192.0.2.100")).toBeInstanceOf(
      Response,
    );
  });
});

describe("the outbox", () => {
  it("marks a survey sent once it has a link, and keeps other teams' surveys out of a manager's reach", async () => {
    const { surveyId } = await dueSurvey();
    expect(await refusalOf(await outboxPost("manager@candor.test", { intent: "mark-sent", surveyId }))).toMatchObject({
      status: 400,
    });
    await surveyToken(surveyId);
    const marked = await outboxPost("manager@candor.test", { intent: "mark-sent", surveyId });
    expect(marked).toBeInstanceOf(Response);
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).sentAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "survey.mark-sent", entityId: surveyId } })).toBe(1);

    const west = await dueSurvey({ owner: "aisha.rahman@candor.test" });
    expect(
      await refusalOf(await outboxPost("manager@candor.test", { intent: "create-link", surveyId: west.surveyId })),
    ).toMatchObject({ status: 404 });
    expect((await prisma.survey.findUniqueOrThrow({ where: { id: west.surveyId } })).tokenHash).toBeNull();
    await surveyToken(west.surveyId, "admin@candor.test");

    const page = await load(outboxLoader, "manager@candor.test", "/surveys/outbox");
    expect(page.rows.some((row) => row.id === west.surveyId)).toBe(false);
    expect(page.mailConfigured).toBe(false);
    expect(await refusalOf(await outboxPost("manager@candor.test", { intent: "send-due" }))).toMatchObject({
      status: 400,
    });
    for (const email of ["sales@candor.test", "engineer@candor.test"]) {
      expect(await refusalOf(await outboxPost(email, { intent: "create-link", surveyId }))).toMatchObject({
        status: 403,
      });
    }
  });
});

describe("sending through a real SMTP server", () => {
  const smtp = localSmtp({ accepting: false });
  const received = smtp.received;
  let smtpUrl = "";

  beforeAll(async () => {
    smtpUrl = await smtp.start();
  });

  afterAll(() => smtp.close());

  it("records a failure, retries it next time, and the emailed link opens the survey", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" } });
    const audit = { actorId: admin.id, requestId: `send-${stamp}`, ip: "127.0.0.1" };
    // Only this test's surveys: clear the demo outbox of the team first.
    const { surveyId } = await dueSurvey({ daysAgo: 3 });
    const team = (await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } })).teamId ?? "";
    await prisma.survey.updateMany({
      where: { id: { not: surveyId }, salesperson: { teamId: team }, sentAt: null },
      data: { sentAt: new Date() },
    });
    const mail = {
      smtpUrl,
      from: "Candor <candor@test.example>",
      origin: "https://candor.example",
    };

    const first = await sendDueSurveys(audit, [team], mail);
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    const failed = await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(failed).toMatchObject({ sentAt: null, sendAttempts: 1 });
    expect(failed.lastSendError).toContain("Mailbox temporarily unavailable");
    expect(await prisma.auditEvent.count({ where: { action: "survey.send.failure", entityId: surveyId } })).toBe(1);

    smtp.accepting = true;
    const second = await sendDueSurveys(audit, [team], mail);
    expect(second).toMatchObject({ sent: 1, failed: 0, remaining: 0 });
    const sent = await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(sent).toMatchObject({ sendAttempts: 2, lastSendError: null });
    expect(sent.sentAt).not.toBeNull();
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toMatch(/^dana\.\d+@customer\.example$/);
    const link = /https:\/\/candor\.example\/survey\/([A-Za-z0-9_-]{43})/.exec(
      received[0]?.body.replace(/=\r?\n/g, "") ?? "",
    );
    expect(link).not.toBeNull();
    expect(await openSurvey(link?.[1] ?? "")).toMatchObject({ data: { kind: "open" } });
    // A third run has nothing left to send.
    expect(await sendDueSurveys(audit, [team], mail)).toMatchObject({ sent: 0, failed: 0 });
  });
});

function resultsUpload(email: string, csv: string, intent: "preview" | "import" = "import") {
  const form = new FormData();
  form.set("intent", intent);
  form.set("file", new Blob([csv], { type: "text/csv" }), "results.csv");
  return settle(() => submit(resultsAction, email, "/surveys/import", form));
}

describe("survey results import", () => {
  it("validates row by row, writes nothing on a bad row, stores answers with source IMPORT, and changes nothing when imported again", async () => {
    const a = await dueSurvey({ daysAgo: 10 });
    const b = await dueSurvey({ owner: "overpromiser@candor.test", daysAgo: 10 });
    const linked = await dueSurvey({ daysAgo: 10 });
    const token = await surveyToken(linked.surveyId);
    await answerSurvey(token, { csat: "5", deliveredAsPromised: "YES" });
    const openDeal = await prisma.deal.findFirstOrThrow({
      where: { status: "OPEN", owner: { email: "sales@candor.test" } },
    });
    const header = "Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment";
    const bad = [
      header,
      `${a.externalId},2026-11-01,4,yes,9,Setup took long.`,
      `${b.externalId},2026-11-02,6,NO,,`,
      `NOPE-${stamp},2026-11-02,3,NO,,`,
      `${openDeal.externalId},2026-11-02,3,NO,,`,
      `${linked.externalId},2026-11-02,3,NO,,`,
      `${a.externalId},2026-13-02,3,MAYBE,11,`,
    ].join("\n");
    const reply = (await resultsUpload("manager@candor.test", bad)) as {
      data: { problems: Array<{ line: number; column: string | null; reason: string }> };
      init: { status: number };
    };
    expect(reply.init.status).toBe(400);
    expect(reply.data.problems).toEqual([
      { line: 3, column: "CSAT", reason: '"6" is not a whole number from 1 to 5.' },
      { line: 4, column: "Deal external ID", reason: `No deal has the external id "NOPE-${stamp}".` },
      {
        line: 5,
        column: "Deal external ID",
        reason: `Deal "${openDeal.externalId}" has no survey: only WON deals are surveyed.`,
      },
      {
        line: 6,
        column: "Deal external ID",
        reason: "The customer already answered this survey through its link; that answer is kept.",
      },
      {
        line: 7,
        column: "Deal external ID",
        reason: `"${a.externalId}" is also on line 2; each survey may appear once.`,
      },
      { line: 7, column: "Responded at", reason: '"2026-13-02" is not a date (use YYYY-MM-DD).' },
      { line: 7, column: "Delivered as promised", reason: '"MAYBE" is not YES, PARTLY or NO.' },
      { line: 7, column: "NPS", reason: '"11" is not a whole number from 0 to 10.' },
    ]);
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: a.surveyId } })).toMatchObject({ respondedAt: null });

    const good = [
      header,
      `${a.externalId},2026-11-01,4,yes,9,Setup took long.`,
      `${b.externalId},2026-11-02,1,NO,,`,
    ].join("\n");
    const imported = await resultsUpload("manager@candor.test", good);
    expect(imported).toBeInstanceOf(Response);
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: a.surveyId } })).toMatchObject({
      csat: 4,
      deliveredAsPromised: "YES",
      nps: 9,
      leastLiked: "Setup took long.",
      source: "IMPORT",
    });
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: b.surveyId } })).toMatchObject({
      csat: 1,
      deliveredAsPromised: "NO",
      nps: null,
      source: "IMPORT",
    });
    expect(
      await prisma.auditEvent.count({ where: { action: "survey.import", entityId: { in: [a.surveyId, b.surveyId] } } }),
    ).toBe(2);

    const preview = (await resultsUpload("manager@candor.test", good, "preview")) as { counts: Record<string, number> };
    expect(preview.counts).toEqual({ record: 0, update: 0, unchanged: 2 });

    // Another team's deal is refused; salespeople and engineers may not import.
    const west = await dueSurvey({ owner: "aisha.rahman@candor.test", daysAgo: 10 });
    const other = (await resultsUpload(
      "manager@candor.test",
      [header, `${west.externalId},2026-11-01,4,YES,,`].join("\n"),
    )) as { data: { problems: unknown[] } };
    expect(other.data.problems).toEqual([
      { line: 2, column: "Deal external ID", reason: `No deal has the external id "${west.externalId}".` },
    ]);
    for (const email of ["sales@candor.test", "engineer@candor.test"])
      expect(await refusalOf(await resultsUpload(email, good))).toMatchObject({ status: 403 });
  });
});

describe("the satisfaction overview and customer comments", () => {
  it("tells the demo story per salesperson: the honest performer's customers are happy, the over-promiser's are not", async () => {
    const page = await load(overviewLoader, "manager@candor.test", "/surveys?months=all");
    const byName = (email: string) =>
      prisma.user
        .findUniqueOrThrow({ where: { email } })
        .then((user) => page.salespeople.find((person) => person.id === user.id));
    const honest = await byName("sales@candor.test");
    const over = await byName("overpromiser@candor.test");
    const mean = (counts: { csatSum: number; csatCount: number }) => counts.csatSum / counts.csatCount;
    expect(mean(honest?.counts ?? { csatSum: 0, csatCount: 0 })).toBeGreaterThan(4);
    expect(mean(over?.counts ?? { csatSum: 0, csatCount: 1 })).toBeLessThan(2.5);
    expect((over?.counts.deliveredYes ?? 0) / (over?.counts.deliveredCount ?? 1)).toBeLessThan(0.3);
    // The SQL figures agree with the rows.
    const honestId = (await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } })).id;
    expect(honest?.counts.answered).toBe(
      await prisma.survey.count({ where: { salespersonId: honestId, respondedAt: { not: null } } }),
    );
    // A manager sees only their teams; an engineer is refused.
    expect(page.salespeople.some((person) => person.team === "Enterprise West")).toBe(false);
    const refused = await settle(() => load(overviewLoader, "engineer@candor.test", "/surveys"));
    expect(await refusalOf(refused)).toMatchObject({ status: 403 });
    const own = await load(overviewLoader, "sales@candor.test", "/surveys");
    expect(own.salespeople.map((person) => person.id)).toEqual([honestId]);
  });

  it("lets an engineer attach a comment to a capability's pain points once, audited", async () => {
    const { surveyId } = await dueSurvey();
    const token = await surveyToken(surveyId);
    await answerSurvey(token, {
      csat: "2",
      deliveredAsPromised: "NO",
      leastLiked: `Exports break on big ledgers ${stamp}`,
    });
    const list = await load(commentsLoader, "engineer@candor.test", "/customer-comments?product=ledgerline");
    const comment = list.comments.find((row) => row.surveyId === surveyId);
    const capability = comment?.capabilities[0];
    expect(capability).toBeDefined();
    const before = await prisma.capability.findUniqueOrThrow({ where: { id: capability?.id ?? "" } });
    const attach = async () =>
      submit(commentsAction, "engineer@candor.test", "/customer-comments", {
        intent: "attach",
        surveyId,
        capabilityId: capability?.id ?? "",
      });
    expect(await attach()).toBeInstanceOf(Response);
    expect(await attach()).toBeInstanceOf(Response);
    const after = await prisma.capability.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.painPoints.startsWith(before.painPoints.trimEnd())).toBe(true);
    expect(after.painPoints.split(`Exports break on big ledgers ${stamp}`)).toHaveLength(2);
    expect(after.version).toBe(before.version + 1);
    expect(await prisma.auditEvent.count({ where: { action: "capability.pain-point.add", entityId: before.id } })).toBe(
      1,
    );
    // A capability of another product is refused; a manager may not attach.
    const other = await prisma.capability.findFirstOrThrow({ where: { product: { slug: "relay" } } });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" } });
    expect(
      await attachCommentToCapability({ actorId: admin.id, requestId: null, ip: null }, surveyId, other.id),
    ).toMatchObject({ ok: false, status: 400 });
    const refused = await settle(() => load(commentsLoader, "manager@candor.test", "/customer-comments"));
    expect(await refusalOf(refused)).toMatchObject({ status: 403 });
  });
});
