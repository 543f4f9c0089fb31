import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { audienceFor } from "../../app/models/audience.server.ts";
import { answerQuestion, askQuestion, listQuestionBoard } from "../../app/models/engineer-questions.server.ts";
import { action as askAction, loader as askLoader } from "../../app/routes/_app.ask._index.tsx";
import { action as answerAction, loader as questionLoader } from "../../app/routes/_app.ask.$questionId.tsx";
import { settle } from "./support/sign-in.ts";
import { refusalOf } from "./support/refusal.ts";
import { load, submit } from "./support/requests.ts";

/** The question's page as `email` reads it. */
const readQuestion = (email: string, id: string) => load(questionLoader, email, `/ask/${id}`, { questionId: id });
/** The answer form on the question's page, posted by `email`. */
const answerAs = (email: string, id: string, fields: Record<string, string>) =>
  submit(answerAction, email, `/ask/${id}`, fields, { questionId: id });

async function aCapability() {
  return prisma.capability.findFirstOrThrow({
    where: { product: { slug: "ledgerline" }, status: "PARTIAL" },
    orderBy: { key: "asc" },
    select: { id: true, productId: true, status: true, conditions: true, version: true },
  });
}

async function askAs(email: string, extra: Partial<Record<string, string>> = {}) {
  const capability = await aCapability();
  const fields = {
    productId: capability.productId,
    capabilityId: capability.id,
    question: "Does the export work with Excel 2010?",
    ...extra,
  };
  const response = await submit(askAction, email, "/ask", fields as Record<string, string>);
  if (!(response instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(response)}`);
  const id = (response.headers.get("location") ?? "").replace("/ask/", "");
  return { id, capability };
}

describe("asking and answering", () => {
  it("asks, then answers with a capability update in one step: a revision is appended and linked, both audited", async () => {
    const { id, capability } = await askAs("sales@candor.test", { context: "Acme Corp, 2 million rows." });
    const sales = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } });
    const asked = await prisma.engineerQuestion.findUniqueOrThrow({ where: { id } });
    expect(asked).toMatchObject({
      askedById: sales.id,
      capabilityId: capability.id,
      status: "OPEN",
      context: "Acme Corp, 2 million rows.",
    });
    const [askEvent] = await prisma.auditEvent.findMany({ where: { action: "engineer-question.ask", entityId: id } });
    expect(askEvent).toMatchObject({ actorId: sales.id, entityType: "EngineerQuestion", teamId: sales.teamId });

    const fields = {
      answer: "Yes, xlsx works with Excel 2007 and later.",
      updateCapability: "on",
      status: capability.status,
      conditions: "xlsx for Excel 2007 and later; up to 1,048,576 rows per sheet",
      note: "Row limit confirmed while answering a question from sales.",
      capabilityVersion: String(capability.version),
    };
    const response = await answerAs("engineer@candor.test", id, fields);
    expect(response).toHaveRedirect(`/ask/${id}`);

    const engineer = await prisma.user.findUniqueOrThrow({ where: { email: "engineer@candor.test" } });
    const answered = await prisma.engineerQuestion.findUniqueOrThrow({ where: { id } });
    expect(answered).toMatchObject({ status: "ANSWERED", answeredById: engineer.id, answer: fields.answer });
    expect(answered.revisionId).not.toBeNull();
    const revision = await prisma.capabilityRevision.findUniqueOrThrow({ where: { id: answered.revisionId ?? "" } });
    expect(revision).toMatchObject({
      capabilityId: capability.id,
      conditions: fields.conditions,
      authorId: engineer.id,
      note: fields.note,
    });
    // The answer and the revision are one moment: the matrix changed when the answer was given.
    expect(revision.validFrom).toEqual(answered.answeredAt);
    const after = await prisma.capability.findUniqueOrThrow({ where: { id: capability.id } });
    expect(after).toMatchObject({ conditions: fields.conditions, version: capability.version + 1 });

    const answerEvents = await prisma.auditEvent.findMany({
      where: { action: "engineer-question.answer", entityId: id },
    });
    expect(answerEvents).toHaveLength(1);
    expect(answerEvents[0]).toMatchObject({ actorId: engineer.id, teamId: sales.teamId });
    expect(JSON.parse(answerEvents[0]?.afterJson ?? "{}")).toMatchObject({
      status: "ANSWERED",
      revisionId: revision.id,
    });
    const reviseEvents = await prisma.auditEvent.findMany({
      where: { action: "capability.revise", entityId: capability.id },
    });
    expect(reviseEvents.at(-1)?.requestId).toBe(answerEvents[0]?.requestId);

    // The salesperson reads the answer and the revision it made.
    const page = await readQuestion("sales@candor.test", id);
    expect(page.question).toMatchObject({
      status: "ANSWERED",
      answer: fields.answer,
      revision: { conditions: fields.conditions },
    });
  });

  it("refuses a second answer with 409 naming who answered when, and keeps the first", async () => {
    const { id } = await askAs("sales@candor.test");
    const first = await answerAs("engineer@candor.test", id, { answer: "First." });
    expect(first).toBeInstanceOf(Response);
    const second = await answerAs("admin@candor.test", id, { answer: "Second." });
    if (second instanceof Response) throw new Error("expected a refusal");
    expect(second.init?.status).toBe(409);
    expect(second.data.result.error?.[""]?.[0]).toMatch(
      /^Sam Keller already answered this question on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/,
    );
    expect(await prisma.engineerQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ answer: "First." });
    expect(await prisma.auditEvent.count({ where: { action: "engineer-question.answer", entityId: id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous answers win", async () => {
    const { id } = await askAs("sales@candor.test");
    const answerers = await prisma.user.findMany({
      where: { email: { in: ["engineer@candor.test", "admin@candor.test"] } },
    });
    expect(answerers).toHaveLength(2);
    const outcomes = await Promise.all(
      answerers.map((user) =>
        answerQuestion(
          { actorId: user.id, requestId: null, ip: null },
          { questionId: id, answeredById: user.id, answer: "Mine.", capabilityUpdate: null },
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.status === 409)).toHaveLength(1);
  });

  it("stores nothing when the capability part is refused: unchanged facts, or a capability changed meanwhile", async () => {
    const { id, capability } = await askAs("sales@candor.test");
    const unchanged = await answerAs("engineer@candor.test", id, {
      answer: "Yes.",
      updateCapability: "on",
      status: capability.status,
      conditions: `  ${capability.conditions} `,
      note: "No change really.",
      capabilityVersion: String(capability.version),
    });
    if (unchanged instanceof Response) throw new Error("expected a refusal");
    expect(unchanged.init?.status).toBe(400);
    expect(unchanged.data.result.error?.status?.[0]).toMatch(/already says/);

    const stale = await answerAs("engineer@candor.test", id, {
      answer: "Yes.",
      updateCapability: "on",
      status: "SUPPORTED",
      note: "Now fully supported.",
      capabilityVersion: String(capability.version - 1),
    });
    if (stale instanceof Response) throw new Error("expected a refusal");
    expect(stale.init?.status).toBe(409);
    expect(stale.data.result.error?.[""]?.[0]).toMatch(/changed this capability after you opened the page/);

    expect(await prisma.engineerQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      answer: null,
      revisionId: null,
    });
    expect(await prisma.capability.findUniqueOrThrow({ where: { id: capability.id } })).toMatchObject({
      version: capability.version,
    });
    expect(await prisma.auditEvent.count({ where: { action: "engineer-question.answer", entityId: id } })).toBe(0);
  });

  it("asks for the answer, note and status at once when the capability is to be updated, and for a capability of the chosen product", async () => {
    const { id, capability } = await askAs("sales@candor.test");
    const missing = await answerAs("engineer@candor.test", id, {
      updateCapability: "on",
      capabilityVersion: String(capability.version),
    });
    if (missing instanceof Response) throw new Error("expected field errors");
    expect(Object.keys(missing.data.result.error ?? {}).sort()).toEqual(["answer", "note", "status"]);

    const other = await prisma.capability.findFirstOrThrow({ where: { productId: { not: capability.productId } } });
    const wrongPair = await submit(askAction, "sales@candor.test", "/ask", {
      productId: capability.productId,
      capabilityId: other.id,
      question: "Hm?",
    });
    if (wrongPair instanceof Response) throw new Error("expected field errors");
    expect(wrongPair.data.result.error?.capabilityId?.[0]).toMatch(/^Choose a capability of Ledgerline/);

    const tooLong = await submit(askAction, "sales@candor.test", "/ask", {
      productId: capability.productId,
      question: "x".repeat(1001),
      context: "y".repeat(2001),
    });
    if (tooLong instanceof Response) throw new Error("expected field errors");
    expect(tooLong.data.result.error).toEqual({
      question: ["Use at most 1000 characters."],
      context: ["Use at most 2000 characters."],
    });
  });
});

describe("who may read and answer", () => {
  it("gives another salesperson 404 for a question, and refuses any salesperson's answer with 403", async () => {
    const { id } = await askAs("sales@candor.test");
    const other = await settle(() => readQuestion("overpromiser@candor.test", id));
    expect(await refusalOf(other)).toMatchObject({ status: 404 });
    const own = await readQuestion("sales@candor.test", id);
    expect(own.canAnswer).toBe(false);

    const answer = await settle(() => answerAs("sales@candor.test", id, { answer: "I know this one." }));
    expect(await refusalOf(answer)).toMatchObject({ status: 403 });
    expect(await prisma.engineerQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN" });
  });

  it("lets a manager read their teams' questions only, and not ask or answer", async () => {
    const { id } = await askAs("sales@candor.test");
    const mine = await readQuestion("manager@candor.test", id);
    expect(mine.question.id).toBe(id);
    expect(mine.canAnswer).toBe(false);
    const elsewhere = await settle(() => readQuestion("marcus.bell@candor.test", id));
    expect(await refusalOf(elsewhere)).toMatchObject({ status: 404 });

    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@candor.test" } });
    const audience = await audienceFor(manager, "read:question");
    const board = await listQuestionBoard(audience ?? { kind: "own", userId: manager.id }, {});
    const askers = await prisma.engineerQuestion.findMany({
      where: { id: { in: [...(board.open?.rows ?? []), ...(board.answered?.rows ?? [])].map((row) => row.id) } },
      select: { askedBy: { select: { team: { select: { managers: { select: { userId: true } } } } } } },
    });
    expect(askers.length).toBeGreaterThan(0);
    for (const asker of askers) expect(asker.askedBy.team?.managers.map((m) => m.userId)).toContain(manager.id);

    const ask = await settle(() => submit(askAction, "manager@candor.test", "/ask", { question: "?" }));
    expect(await refusalOf(ask)).toMatchObject({ status: 403 });
    const answer = await settle(() => answerAs("manager@candor.test", id, { answer: "?" }));
    expect(await refusalOf(answer)).toMatchObject({ status: 403 });
  });

  it("shows engineers every open question, oldest first, filtered by product and status from the URL", async () => {
    const page = await load(askLoader, "engineer@candor.test", "/ask?product=ledgerline&status=OPEN");
    expect(page.canAnswer).toBe(true);
    expect(page.canAsk).toBe(false);
    expect(page.board.answered).toBeNull();
    const rows = page.board.open?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.product.slug === "ledgerline")).toBe(true);
    const times = rows.map((row) => row.askedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("lists a salesperson's own questions only", async () => {
    const sales = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" } });
    const capability = await aCapability();
    const audit = { actorId: sales.id, requestId: null, ip: null };
    const asked = await askQuestion(audit, {
      askedById: sales.id,
      productId: capability.productId,
      capabilityId: null,
      question: "General one.",
      context: "",
    });
    expect(asked.ok).toBe(true);
    const page = await load(askLoader, "sales@candor.test", "/ask");
    const ids = [...(page.board.open?.rows ?? []), ...(page.board.answered?.rows ?? [])].map((row) => row.id);
    expect(ids.length).toBeGreaterThan(0);
    const owners = await prisma.engineerQuestion.findMany({
      where: { id: { in: ids } },
      distinct: ["askedById"],
      select: { askedById: true },
    });
    expect(owners).toEqual([{ askedById: sales.id }]);
  });
});
