import { beforeAll, describe, expect, it } from "vitest";
import { utcDayOf } from "../../app/domain/claim-rules.ts";
import { addDays } from "../../app/domain/dates.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { listVerificationQueue } from "../../app/models/verify-queue.server.ts";
import {
  action as capabilityAction,
  loader as capabilityLoader,
} from "../../app/routes/_app.capabilities.$productSlug.$capabilityKey.tsx";
import {
  action as conversationAction,
  loader as conversationLoader,
} from "../../app/routes/_app.conversations.$conversationId.tsx";
import { loader as listLoader } from "../../app/routes/_app.conversations._index.tsx";
import { action as importAction, loader as importLoader } from "../../app/routes/_app.conversations.import.tsx";
import { loader as homeLoader } from "../../app/routes/_app.home.tsx";
import { refusalOf } from "./support/refusal.ts";
import { cookieFor, ORIGIN, settle } from "./support/sign-in.ts";
import { load, submit } from "./support/requests.ts";

// A call with a prospect, as Teams exports it: the customer mentions old Excel files too, but only
// the salesperson's sentences are read for claims.
const CALL_VTT = `WEBVTT

00:00:01.000 --> 00:00:05.000
<v Dana Whitfield>Our board still works from the old xls templates. Can we export to those?

00:00:05.500 --> 00:00:10.000
<v Maya Chen>Yes, the export works with Excel 2003 and xls files out of the box.

00:00:10.500 --> 00:00:13.000
<v Dana Whitfield>Good. What about commentary on the variances?

00:00:13.500 --> 00:00:18.000
<v Maya Chen>AI variance commentary is coming next quarter.

00:00:18.500 --> 00:00:21.000
<v Dana Whitfield>Thanks, that helps.
`;

const SALES = "sales@candor.test";
const MANAGER = "manager@candor.test";
const OTHER_MANAGER = "marcus.bell@candor.test"; // manages Enterprise West only
const OTHER_SALES = "overpromiser@candor.test"; // Maya's teammate
const ENGINEER = "engineer@candor.test";

interface UploadFile {
  name: string;
  text: string | Buffer;
}

/** `email` posting the import form with its fields and files. */
function postImport(email: string, fields: Record<string, string>, files: UploadFile[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append(
      "files",
      new Blob([typeof file.text === "string" ? file.text : new Uint8Array(file.text)], { type: "text/vtt" }),
      file.name,
    );
  return settle(() => submit(importAction, email, "/conversations/import", form));
}

function postDecision(email: string, conversationId: string, fields: Record<string, string>) {
  return settle(() =>
    submit(conversationAction, email, `/conversations/${conversationId}`, fields, { conversationId }),
  );
}

async function loadConversation(email: string, conversationId: string) {
  return settle(() => load(conversationLoader, email, `/conversations/${conversationId}`, { conversationId }));
}

function replyOf(result: unknown): { status: number; data: Record<string, unknown> } {
  const reply = result as { type?: string; data: Record<string, unknown>; init: { status?: number } | null };
  expect(reply.type).toBe("DataWithResponseInit");
  return { status: reply.init?.status ?? 200, data: reply.data };
}

async function snapshot() {
  const [conversations, sentences, candidates, events] = await Promise.all([
    prisma.conversation.count(),
    prisma.conversationSentence.count(),
    prisma.candidateClaim.count(),
    prisma.auditEvent.count({ where: { action: "conversation.import" } }),
  ]);
  return { conversations, sentences, candidates, events };
}

const occurredOn = utcDayOf(addDays(new Date(), -2));
let dealId: string;
let conversationId: string;

beforeAll(async () => {
  const maya = await prisma.user.findUniqueOrThrow({ where: { email: SALES } });
  const ledgerline = await prisma.product.findUniqueOrThrow({ where: { slug: "ledgerline" } });
  const account = await prisma.account.create({ data: { name: "Whitfield Holdings" } });
  const deal = await prisma.deal.create({
    data: {
      externalId: "CONV-TEST-1",
      accountId: account.id,
      contactName: "Dana Whitfield",
      contactEmail: "dana@whitfield.example",
      ownerId: maya.id,
      productId: ledgerline.id,
      amountCents: 4_800_000,
      status: "OPEN",
    },
  });
  dealId = deal.id;
});

describe("keeping capability phrases", () => {
  it("lets engineers keep the words used for a capability, shows them to everyone, and refuses salespeople", async () => {
    const path = "/capabilities/ledgerline/excel-export";
    const params = { productSlug: "ledgerline", capabilityKey: "excel-export" };
    const form = (cookie: string) =>
      new Request(`${ORIGIN}${path}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "phrases", phrases: "xls\n  Excel 2003 \n\nXLS\nexport to spreadsheet" }),
      });
    const refused = await settle(async () =>
      capabilityAction({ request: form(await cookieFor(SALES)), params, context: {} }),
    );
    expect(await refusalOf(refused)).toMatchObject({ status: 403 });

    const before = await prisma.capability.findFirstOrThrow({
      where: { key: "excel-export", product: { slug: "ledgerline" } },
      include: { revisions: true },
    });
    await expect(await capabilityAction({ request: form(await cookieFor(ENGINEER)), params, context: {} })).toSendToast(
      /Phrases saved/,
    );
    const after = await prisma.capability.findUniqueOrThrow({ where: { id: before.id }, include: { revisions: true } });
    expect(after.phrases).toBe("xls\nExcel 2003\nexport to spreadsheet");
    // Phrases are not a change of what the product does: no new revision, same version.
    expect(after.revisions).toHaveLength(before.revisions.length);
    expect(after.version).toBe(before.version);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "capability.phrases", entityId: before.id },
    });
    expect(JSON.parse(event.afterJson ?? "{}")).toEqual({ phrases: ["xls", "Excel 2003", "export to spreadsheet"] });

    const page = await load(capabilityLoader, SALES, path, params);
    expect(page.capability.phrases).toBe("xls\nExcel 2003\nexport to spreadsheet");
  });
});

describe("importing a conversation", () => {
  it("previews the speakers and candidates without writing, then imports the salesperson's claims with phrase, cue words and matrix check", async () => {
    const before = await snapshot();
    const preview = (await postImport(SALES, { intent: "preview", dealId, occurredOn }, [
      { name: "whitfield-call.vtt", text: CALL_VTT },
    ])) as {
      kind: string;
      files: Array<{
        ok: boolean;
        speakers: string[];
        suggestedSpeaker: string | null;
        wordCount: number;
        candidatesBySpeaker: Record<string, Array<{ capabilityTitle: string; phrase: string }>>;
      }>;
    };
    expect(preview.kind).toBe("preview");
    const [file] = preview.files;
    expect(file).toMatchObject({ ok: true, speakers: ["Dana Whitfield", "Maya Chen"], suggestedSpeaker: "Maya Chen" });
    expect(file?.wordCount).toBeGreaterThan(40);
    expect(file?.candidatesBySpeaker["Maya Chen"]?.map((candidate) => candidate.capabilityTitle)).toEqual([
      "Excel export",
      "AI variance commentary",
    ]);
    expect(await snapshot()).toEqual(before);

    const done = await postImport(SALES, { intent: "import", dealId, occurredOn, "speaker-0": "Maya Chen" }, [
      { name: "whitfield-call.vtt", text: CALL_VTT },
    ]);
    await expect(done).toSendToast(/Imported whitfield-call\.vtt: 2 candidate claims found\./);
    expect(done).toHaveRedirect(/^\/conversations\/[^/]+$/);
    conversationId = (done as Response).headers.get("location")?.replace("/conversations/", "") ?? "";

    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { sentences: true, candidates: { include: { capability: true, sentence: true } } },
    });
    expect(conversation).toMatchObject({
      dealId,
      format: "VTT",
      fileName: "whitfield-call.vtt",
      salespersonSpeaker: "Maya Chen",
    });
    expect(utcDayOf(conversation.occurredAt)).toBe(occurredOn);
    expect(conversation.sentences.length).toBeGreaterThanOrEqual(5);
    const excel = conversation.candidates.find((candidate) => candidate.capability.key === "excel-export");
    // "Excel 2003" and "xls" are phrases; the customer's own mention of xls is not a candidate.
    expect(excel).toMatchObject({
      matchedPhrase: expect.stringMatching(/^(Excel 2003|xls)$/),
      assertedLevel: "SUPPORTED",
      cueWords: "",
      matrixCheck: "OVERSTATES",
      status: "PENDING",
    });
    expect(excel?.sentence.speaker).toBe("Maya Chen");
    expect(excel?.revisionId).not.toBeNull();
    const roadmap = conversation.candidates.find((candidate) => candidate.capability.key === "ai-variance-commentary");
    expect(roadmap).toMatchObject({
      matchedPhrase: "AI variance commentary",
      assertedLevel: "ROADMAP",
      matrixCheck: "CONSISTENT",
    });
    expect(roadmap?.cueWords).toContain("next quarter");
    expect(conversation.candidates.every((candidate) => candidate.sentence.speaker === "Maya Chen")).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "conversation.import", entityId: conversationId } })).toBe(
      1,
    );

    // The page shows the overstating candidate first, with its neighbours and the matrix row of that day.
    const page = (await loadConversation(SALES, conversationId)) as Awaited<ReturnType<typeof conversationLoader>>;
    expect(page.mayDecide).toBe(true);
    expect(page.candidates.map((candidate) => candidate.matrixCheck)).toEqual(["OVERSTATES", "CONSISTENT"]);
    expect(page.candidates[0]?.before).toEqual({
      position: expect.any(Number),
      speaker: "Dana Whitfield",
      text: "Can we export to those?",
    });
    expect(page.candidates[0]?.after).toMatchObject({ speaker: "Dana Whitfield", text: "Good." });
    expect(page.candidates[0]?.revision).toMatchObject({
      status: "PARTIAL",
      conditions: expect.stringContaining("legacy .xls not supported"),
    });
  });

  it("adds nothing when the same file is imported again for the deal, and says when it was", async () => {
    const before = await snapshot();
    const again = await postImport(MANAGER, { intent: "import", dealId, occurredOn, "speaker-0": "Maya Chen" }, [
      { name: "copy.vtt", text: CALL_VTT.replaceAll("\n", "\r\n") },
    ]);
    await expect(again).toSendToast(/copy\.vtt was already imported on \d{1,2} \w{3} \d{4}; nothing was added\./);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses what it cannot import with a sentence and writes nothing", async () => {
    const before = await snapshot();
    const call = [{ name: "call.vtt", text: CALL_VTT.replace("Thanks, that helps.", "Thanks.") }];

    // Deals outside the importer's scope are not found, and their existence is not confirmed.
    for (const email of [OTHER_MANAGER, OTHER_SALES]) {
      const refused = replyOf(
        await postImport(email, { intent: "import", dealId, occurredOn, "speaker-0": "Maya Chen" }, call),
      );
      expect(refused.status).toBe(404);
      expect(refused.data.fieldErrors).toEqual({
        dealId: [expect.stringContaining("We could not find that deal among the deals you may import")],
      });
    }

    const empty = replyOf(
      await postImport(SALES, { intent: "import", dealId, occurredOn }, [{ name: "empty.vtt", text: "" }]),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.formErrors).toEqual(["empty.vtt: This file is empty: there is nothing to import."]);

    const unknown = replyOf(
      await postImport(SALES, { intent: "import", dealId, occurredOn, "speaker-0": "Brad Kessler" }, call),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data.formErrors).toEqual([
      'call.vtt: "Brad Kessler" is not one of its speakers (Dana Whitfield, Maya Chen). Choose one of them.',
    ]);

    const noDay = replyOf(
      await postImport(SALES, { intent: "import", dealId, occurredOn: "", "speaker-0": "Maya Chen" }, call),
    );
    expect(noDay.data.fieldErrors).toEqual({ occurredOn: ["Enter the day the conversation took place."] });

    const future = replyOf(
      await postImport(
        SALES,
        { intent: "import", dealId, occurredOn: utcDayOf(addDays(new Date(), 3)), "speaker-0": "Maya Chen" },
        call,
      ),
    );
    expect(future.data.fieldErrors).toEqual({ occurredOn: ["The date cannot be in the future."] });

    // Per file, in the preview: a transcript saved as UTF-16 and one over 2 MB are refused with what to do; the others still preview.
    const preview = (await postImport(SALES, { intent: "preview", dealId, occurredOn }, [
      { name: "teams-utf16.vtt", text: Buffer.from(`\uFEFF${CALL_VTT}`, "utf16le") },
      {
        name: "all-day.vtt",
        text: `WEBVTT\n\n${"00:00:01.000 --> 00:00:02.000\n<v Maya Chen>Hello there.\n\n".repeat(50_000)}`,
      },
      ...call,
    ])) as { kind: string; files: Array<{ fileName: string; ok: boolean; problem?: string }> };
    expect(preview.kind).toBe("preview");
    expect(preview.files.map((file) => [file.fileName, file.ok, file.problem ?? ""])).toEqual([
      ["teams-utf16.vtt", false, expect.stringContaining("saved as UTF-16: save it as UTF-8")],
      ["all-day.vtt", false, expect.stringContaining("larger than 2 MB")],
      ["call.vtt", true, ""],
    ]);

    const notes = replyOf(
      await postImport(SALES, { intent: "import", dealId, occurredOn }, [
        { name: "notes.txt", text: "just some notes without any speakers at all" },
      ]),
    );
    expect(notes.status).toBe(400);
    expect(notes.data.formErrors).toEqual([
      expect.stringContaining("notes.txt: Candor could not tell who is speaking"),
    ]);

    expect(await snapshot()).toEqual(before);
  });

  it("offers each importer only the deals they may import for", async () => {
    const own = await load(importLoader, SALES, "/conversations/import?q=Whitfield");
    expect(own.deals.map((deal) => deal.id)).toEqual([dealId]);
    const maya = await prisma.user.findUniqueOrThrow({ where: { email: SALES } });
    const mine = await load(importLoader, SALES, "/conversations/import");
    expect(mine.total).toBe(await prisma.deal.count({ where: { ownerId: maya.id } }));
    const otherTeam = await load(importLoader, OTHER_MANAGER, "/conversations/import?q=Whitfield");
    expect(otherTeam.deals).toEqual([]);
  });
});

describe("deciding candidate claims", () => {
  it("turns a confirmed candidate into a CONVERSATION claim in the verification queue; a second decision is refused with who decided when", async () => {
    const page = (await loadConversation(SALES, conversationId)) as Awaited<ReturnType<typeof conversationLoader>>;
    const overstating = page.candidates[0];
    if (!overstating) throw new Error("The imported call has no candidate");
    await expect(
      await postDecision(SALES, conversationId, { intent: "confirm", candidateId: overstating.id }),
    ).toSendToast(/Confirmed/);

    const claim = await prisma.claim.findUniqueOrThrow({
      where: { candidateId: overstating.id },
      include: { loggedBy: true, salesperson: true, capability: true },
    });
    expect(claim).toMatchObject({
      source: "CONVERSATION",
      channel: "CALL",
      dealId,
      accountName: "Whitfield Holdings",
      assertedLevel: "SUPPORTED",
      matrixCheck: "OVERSTATES",
      statement: "Yes, the export works with Excel 2003 and xls files out of the box.",
      status: "PENDING",
    });
    expect(claim.salesperson.email).toBe(SALES);
    expect(claim.loggedBy.email).toBe(SALES);
    expect(claim.capability?.key).toBe("excel-export");
    expect(utcDayOf(claim.madeAt)).toBe(occurredOn);
    expect(claim.evidence).toBe(
      "Dana Whitfield: Can we export to those?\nMaya Chen: Yes, the export works with Excel 2003 and xls files out of the box.\nDana Whitfield: Good.\n(from whitfield-call.vtt)",
    );
    // The queue lists the oldest claims first: its last page holds one made two days ago.
    const first = await listVerificationQueue({ productSlug: "ledgerline", matrixCheck: "OVERSTATES" }, new Date());
    const last = await listVerificationQueue(
      { productSlug: "ledgerline", matrixCheck: "OVERSTATES", page: first.pageCount },
      new Date(),
    );
    expect(last.rows.find((row) => row.id === claim.id)).toMatchObject({
      source: "CONVERSATION",
      channel: "CALL",
      salesperson: { name: "Maya Chen" },
    });
    expect(await prisma.auditEvent.count({ where: { action: "candidate.confirm", entityId: overstating.id } })).toBe(1);

    const raced = replyOf(
      await postDecision(MANAGER, conversationId, {
        intent: "dismiss",
        candidateId: overstating.id,
        reason: "NOT_A_CLAIM",
      }),
    );
    expect(raced.status).toBe(409);
    expect(raced.data.errors).toMatchObject({
      formErrors: [
        expect.stringMatching(
          /^Maya Chen already confirmed this candidate on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/,
        ),
      ],
    });
    expect(await prisma.claim.count({ where: { candidateId: overstating.id } })).toBe(1);
  });

  it("dismisses with a reason (a note for 'other'), and the dismissal stays visible to the manager and engineers", async () => {
    const page = (await loadConversation(SALES, conversationId)) as Awaited<ReturnType<typeof conversationLoader>>;
    const roadmap = page.candidates.find((candidate) => candidate.status === "PENDING");
    if (!roadmap) throw new Error("No pending candidate left");
    const noNote = replyOf(
      await postDecision(SALES, conversationId, { intent: "dismiss", candidateId: roadmap.id, reason: "OTHER" }),
    );
    expect(noNote.status).toBe(400);
    expect(noNote.data.errors).toMatchObject({ fieldErrors: { note: ['Say why, when the reason is "other".'] } });
    await expect(
      await postDecision(SALES, conversationId, {
        intent: "dismiss",
        candidateId: roadmap.id,
        reason: "CUSTOMER_SAID_IT",
        note: "Dana read it from our website.",
      }),
    ).toSendToast(/Dismissed/);
    for (const email of [MANAGER, ENGINEER]) {
      const seen = (await loadConversation(email, conversationId)) as Awaited<ReturnType<typeof conversationLoader>>;
      expect(seen.candidates.find((candidate) => candidate.id === roadmap.id)).toMatchObject({
        status: "DISMISSED",
        dismissReason: "CUSTOMER_SAID_IT",
        dismissNote: "Dana read it from our website.",
        decidedBy: { name: "Maya Chen" },
      });
    }
    expect(await prisma.auditEvent.count({ where: { action: "candidate.dismiss", entityId: roadmap.id } })).toBe(1);
  });

  it("shows a manager the candidates undecided for more than 7 days and lets them decide; other managers and engineers may not", async () => {
    const call = CALL_VTT.replace("out of the box", "right out of the box").replace(
      "AI variance commentary is coming next quarter.",
      "Thanks for the time.",
    );
    const done = await postImport(ENGINEER, { intent: "import", dealId, occurredOn, "speaker-0": "Maya Chen" }, [
      { name: "follow-up.vtt", text: call },
    ]);
    expect(done).toHaveRedirect(/^\/conversations\/[^/]+$/);
    const followUp = (done as Response).headers.get("location")?.replace("/conversations/", "") ?? "";
    const candidate = await prisma.candidateClaim.findFirstOrThrow({ where: { conversationId: followUp } });
    // Found eight days ago and left undecided by the salesperson.
    await prisma.candidateClaim.update({ where: { id: candidate.id }, data: { createdAt: addDays(new Date(), -8) } });

    const home = await load(homeLoader, SALES, "/home");
    expect(home.foundInConversations.rows.find((row) => row.id === candidate.id)).toMatchObject({
      daysLeft: 0,
      matrixCheck: "OVERSTATES",
    });

    const list = await load(listLoader, MANAGER, "/conversations");
    expect(list.waiting.rows.map((row) => row.id)).toContain(candidate.id);
    expect(list.rows.find((row) => row.id === followUp)).toMatchObject({ pending: 1, confirmed: 0, dismissed: 0 });
    const other = await load(listLoader, OTHER_MANAGER, "/conversations");
    expect(other.waiting.rows.map((row) => row.id)).not.toContain(candidate.id);
    expect(other.rows.map((row) => row.id)).not.toContain(followUp);

    expect(
      await refusalOf(await postDecision(ENGINEER, followUp, { intent: "confirm", candidateId: candidate.id })),
    ).toMatchObject({
      status: 403,
      message: expect.stringContaining("Engineers do not confirm or dismiss"),
    });
    expect(
      await refusalOf(await postDecision(OTHER_MANAGER, followUp, { intent: "confirm", candidateId: candidate.id })),
    ).toMatchObject({ status: 404 });
    expect((await loadConversation(ENGINEER, followUp)) as { mayDecide: boolean }).toMatchObject({ mayDecide: false });

    await expect(await postDecision(MANAGER, followUp, { intent: "confirm", candidateId: candidate.id })).toSendToast(
      /Confirmed/,
    );
    const claim = await prisma.claim.findUniqueOrThrow({
      where: { candidateId: candidate.id },
      include: { loggedBy: true, salesperson: true },
    });
    expect(claim.loggedBy.email).toBe(MANAGER);
    expect(claim.salesperson.email).toBe(SALES);
    expect(await prisma.candidateClaim.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
      status: "CONFIRMED",
    });
  });
});
