import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { refusalOf } from "./support/refusal.ts";
import { ORIGIN } from "./support/sign-in.ts";
import { dueSurvey, openSurvey, outboxPost } from "./support/surveys.ts";

// "Replace link" in the survey outbox asks before the old link stops working: a step on the
// server (it works without JavaScript). Nothing changes until the sender confirms, and a
// confirmation about a link that has changed since is asked again rather than obeyed.

/** A form posted to the outbox, by a manager unless told. */
const post = (fields: Record<string, string>, email = "manager@candor.test") => outboxPost(email, fields);

type Reply = { kind: string; url?: string; linkCreatedAt?: Date | null; changedMeanwhile?: boolean; message?: string };
/** The action's answer, whether returned plain or through data() with a status. */
function reply(outcome: unknown): { status: number; body: Reply } {
  const wrapped = outcome as { data?: Reply; init?: { status?: number } | null; kind?: string };
  if (wrapped.kind !== undefined) return { status: 200, body: outcome as Reply };
  return { status: wrapped.init?.status ?? 200, body: wrapped.data ?? { kind: "none" } };
}

const tokenOf = (url: string | undefined) => (url ?? "").replace(`${ORIGIN}/survey/`, "");
const opens = async (token: string) =>
  ((await openSurvey(token)) as { data?: { kind?: string } }).data?.kind ?? "invalid";
const linkEvents = (surveyId: string) =>
  prisma.auditEvent.count({ where: { action: "survey.link.create", entityId: surveyId } });

describe("replacing a survey link", () => {
  it("asks first; the old link works until the sender confirms, then only the new one does", async () => {
    const { surveyId } = await dueSurvey();
    const made = reply(await post({ intent: "create-link", surveyId, seen: "" }));
    expect(made.body.kind).toBe("link");
    const first = tokenOf(made.body.url);
    expect(await opens(first)).toBe("open");
    const { tokenCreatedAt, tokenHash } = await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(tokenCreatedAt).not.toBeNull();

    // "Replace link" only asks: nothing stored changes, no audit row, the old link still opens.
    const asked = reply(await post({ intent: "replace-link", surveyId, seen: tokenCreatedAt?.toISOString() ?? "" }));
    expect(asked.body).toMatchObject({
      kind: "confirm-replace",
      changedMeanwhile: false,
      linkCreatedAt: tokenCreatedAt,
    });
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({
      tokenHash,
      tokenCreatedAt,
    });
    expect(await linkEvents(surveyId)).toBe(1);
    expect(await opens(first)).toBe("open");

    // "Replace the link" names the link it was asked about: now the old one stops working.
    const replaced = reply(await post({ intent: "create-link", surveyId, seen: tokenCreatedAt?.toISOString() ?? "" }));
    expect(replaced.body.kind).toBe("link");
    const second = tokenOf(replaced.body.url);
    expect(second).not.toBe(first);
    expect(await opens(first)).toBe("invalid");
    expect(await opens(second)).toBe("open");
    expect(await linkEvents(surveyId)).toBe(2);
  });

  it("does not replace a link made after the sender's page was loaded: it asks again (409) and changes nothing", async () => {
    const { surveyId } = await dueSurvey();
    // A colleague makes a link while this sender's page still shows "Create link".
    const colleague = reply(await post({ intent: "create-link", surveyId, seen: "" }, "admin@candor.test"));
    const colleagueToken = tokenOf(colleague.body.url);
    const stale = reply(await post({ intent: "create-link", surveyId, seen: "" }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ kind: "confirm-replace", changedMeanwhile: true });
    expect(stale.body.linkCreatedAt).toEqual(
      (await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).tokenCreatedAt,
    );
    expect(await opens(colleagueToken)).toBe("open");

    // A confirmation about a link that has since been replaced is asked again too.
    const asked =
      (await prisma.survey.findUniqueOrThrow({ where: { id: surveyId } })).tokenCreatedAt?.toISOString() ?? "";
    const again = reply(await post({ intent: "create-link", surveyId, seen: asked }, "admin@candor.test"));
    expect(again.body.kind).toBe("link");
    const late = reply(await post({ intent: "create-link", surveyId, seen: asked }));
    expect(late.status).toBe(409);
    expect(await opens(tokenOf(again.body.url))).toBe("open");
    expect(await linkEvents(surveyId)).toBe(2);
  });

  it("creates a first link at once: there is nothing to replace", async () => {
    const { surveyId } = await dueSurvey();
    const made = reply(await post({ intent: "replace-link", surveyId, seen: "" }));
    expect(made.body.kind).toBe("link");
    expect(await opens(tokenOf(made.body.url))).toBe("open");
  });

  it("refuses another team's survey (404), a salesperson or engineer (403), and an unreadable page state (400)", async () => {
    const { surveyId: west } = await dueSurvey({ owner: "aisha.rahman@candor.test" });
    expect(await refusalOf(await post({ intent: "replace-link", surveyId: west, seen: "" }))).toMatchObject({
      status: 404,
    });
    expect(await refusalOf(await post({ intent: "create-link", surveyId: west, seen: "" }))).toMatchObject({
      status: 404,
    });
    const { surveyId: own } = await dueSurvey();
    for (const email of ["sales@candor.test", "engineer@candor.test"]) {
      expect(await refusalOf(await post({ intent: "replace-link", surveyId: own, seen: "" }, email))).toMatchObject({
        status: 403,
      });
    }
    const bad = reply(await post({ intent: "create-link", surveyId: own, seen: "yesterday-ish" }));
    expect(bad.status).toBe(400);
    expect(await prisma.survey.findUniqueOrThrow({ where: { id: own } })).toMatchObject({ tokenHash: null });
  });
});
