import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { getToast } from "../../app/lib/toast.server.ts";
import {
  action as capabilityAction,
  loader as capabilityLoader,
} from "../../app/routes/_app.capabilities.$productSlug.$capabilityKey.tsx";
import { action as claimAction, loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { loader as verifyLoader } from "../../app/routes/_app.verify.tsx";
import { claimInQueueHref } from "../../app/schemas/verify-queue.ts";
import { capabilityEditForm, editableCapability } from "./support/capabilities.ts";
import { load, submit } from "./support/requests.ts";
import { ORIGIN } from "./support/sign-in.ts";

// The engineer's flow (PRODUCT.md §3): through the verification queue claim by claim without
// losing the filter, and a capability save that says what it set in motion.

const ENGINEER = "engineer@candor.test";

async function toastOf(response: unknown) {
  if (!(response instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(response)}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { toast } = await getToast(new Request(ORIGIN, { headers: { cookie } }));
  return { location: response.headers.get("location"), message: toast?.message ?? "" };
}

describe("Next claim keeps the queue's filter", () => {
  const filter = { product: "ledgerline", check: "CONSISTENT" as const };
  const queuePath = "/verify?product=ledgerline&check=CONSISTENT";

  async function openFromQueue(claimId: string) {
    const href = claimInQueueHref(claimId, filter);
    return { href, page: await load(claimLoader, ENGINEER, href, { claimId }) };
  }

  it("offers the next claim of the filtered queue after a verdict, and wraps round to claims skipped", async () => {
    const engineer = await prisma.user.findUniqueOrThrow({ where: { email: ENGINEER }, select: { id: true } });
    const queue = await load(verifyLoader, ENGINEER, queuePath);
    const judgeable = queue.rows.filter((row) => row.loggedById !== engineer.id);
    expect(judgeable.length).toBeGreaterThanOrEqual(3);
    for (const row of queue.rows) expect(row.matrixCheck).toBe("CONSISTENT");
    const [first, second] = judgeable;
    if (!first || !second) throw new Error("expected claims in the queue");

    // Opened from the queue: the way back and the next claim both keep the filter.
    const opened = await openFromQueue(first.id);
    expect(opened.page.queue).toMatchObject({
      queueHref: queuePath,
      next: { href: claimInQueueHref(second.id, filter) },
      remaining: judgeable.length - 1,
    });

    // The verdict posted from that page returns to it, still in the queue.
    const verdict = await submit(
      claimAction,
      ENGINEER,
      opened.href,
      {
        intent: "verify",
        version: String(opened.page.claim.version),
        status: "ACCURATE",
        severity: "LOW",
        note: "",
      },
      { claimId: first.id },
    );
    expect(await toastOf(verdict)).toEqual({ location: opened.href, message: "Verdict recorded." });
    const judged = await load(claimLoader, ENGINEER, opened.href, { claimId: first.id });
    expect(judged.claim.status).toBe("ACCURATE");
    expect(judged.queue?.next?.href).toBe(claimInQueueHref(second.id, filter));
    expect(judged.queue?.remaining).toBe(judgeable.length - 1);

    // Every claim the queue leads to matches the filter; from the last one it goes back to the oldest still waiting.
    const last = judgeable[judgeable.length - 1];
    if (!last) throw new Error("expected a last claim");
    const atEnd = await openFromQueue(last.id);
    expect(atEnd.page.queue?.next?.href).toBe(claimInQueueHref(second.id, filter));
    const nextId = second.id;
    const next = await prisma.claim.findUniqueOrThrow({
      where: { id: nextId },
      select: { status: true, matrixCheck: true, product: { select: { slug: true } } },
    });
    expect(next).toEqual({ status: "PENDING", matrixCheck: "CONSISTENT", product: { slug: "ledgerline" } });
  });

  it("says when nothing else waits, and leaves claims opened elsewhere (or by non-engineers) without queue links", async () => {
    const engineer = await prisma.user.findUniqueOrThrow({ where: { email: ENGINEER }, select: { id: true } });
    // A filter (product, check, source) that exactly one claim the engineer may judge matches.
    const groups = await prisma.claim.groupBy({
      by: ["productId", "matrixCheck", "source"],
      where: { status: "PENDING", loggedById: { not: engineer.id } },
      _count: { _all: true },
    });
    const single = groups.find((group) => group._count._all === 1);
    if (!single) throw new Error("expected a filter only one pending claim matches in the demo data");
    const pending = await prisma.claim.findFirstOrThrow({
      where: {
        status: "PENDING",
        loggedById: { not: engineer.id },
        productId: single.productId,
        matrixCheck: single.matrixCheck,
        source: single.source,
      },
      select: { id: true, salesperson: { select: { email: true } }, product: { select: { slug: true } } },
    });
    const alone = { product: pending.product.slug, check: single.matrixCheck, source: single.source };
    const page = await load(claimLoader, ENGINEER, claimInQueueHref(pending.id, alone), { claimId: pending.id });
    expect(page.queue).toMatchObject({ next: null, remaining: 0 });
    expect(page.queue?.queueHref).toBe(`/verify?product=${alone.product}&check=${alone.check}&source=${alone.source}`);

    const plain = await load(claimLoader, ENGINEER, `/claims/${pending.id}`, { claimId: pending.id });
    expect(plain.queue).toBeNull();
    const asSalesperson = await load(claimLoader, pending.salesperson.email, claimInQueueHref(pending.id, alone), {
      claimId: pending.id,
    });
    expect(asSalesperson.queue).toBeNull();
  });
});

describe("saving a capability says what it set in motion", () => {
  it("counts the quiz questions moved to review and the open claims the change affects, as the page then lists them", async () => {
    // The capability with the most open claims (pending, or on a deal still open) that also has quiz questions.
    const candidates = await prisma.capability.findMany({
      where: { questions: { some: { state: "ACTIVE" } } },
      select: { ...editableCapability, product: { select: { slug: true } } },
    });
    const openWhere = (capabilityId: string, before: Date) => ({
      capabilityId,
      madeAt: { lt: before },
      OR: [{ status: "PENDING" as const }, { deal: { status: "OPEN" as const } }],
    });
    const now = new Date();
    const counted = await Promise.all(
      candidates.map(async (c) => ({ c, open: await prisma.claim.count({ where: openWhere(c.id, now) }) })),
    );
    const chosen = counted.sort((a, b) => b.open - a.open)[0];
    if (!chosen) throw new Error("no capability");
    const capability = chosen.c;
    expect(chosen.open).toBeGreaterThan(0);
    const questions = await prisma.question.count({ where: { capabilityId: capability.id, state: "ACTIVE" } });
    expect(questions).toBeGreaterThan(0);

    const path = `/capabilities/${capability.product.slug}/${capability.key}`;
    const params = { productSlug: capability.product.slug, capabilityKey: capability.key };
    const response = await submit(
      capabilityAction,
      ENGINEER,
      path,
      capabilityEditForm(capability, {
        // Conditions no revision ever had: every open claim made before today now reads differently.
        conditions: `Re-tested ${now.toISOString()}: only with the 2026 connector.`,
        note: "Re-tested against the new connector.",
      }),
      params,
    );
    const toast = await toastOf(response);
    const openAffected = await prisma.claim.count({ where: openWhere(capability.id, new Date()) });
    expect(toast.message).toBe(
      `Saved as a new revision: ${questions} quiz question${questions === 1 ? "" : "s"} moved to review (not asked until an engineer re-approves ${questions === 1 ? "it" : "them"}), and ${openAffected} open claim${openAffected === 1 ? " was" : "s were"} made when the matrix said something else (listed on this page).`,
    );
    expect(
      await prisma.question.count({ where: { capabilityId: capability.id, state: "NEEDS_REVIEW" } }),
    ).toBeGreaterThanOrEqual(questions);
    // The page lists the same claims the message counted.
    const page = await load(capabilityLoader, ENGINEER, path, params);
    expect(page.openClaims.total).toBe(openAffected);

    // Saving again with only the pain points changed: no revision, so nothing to count.
    const after = await prisma.capability.findUniqueOrThrow({
      where: { id: capability.id },
      select: { version: true, conditions: true },
    });
    const plain = await submit(
      capabilityAction,
      ENGINEER,
      path,
      capabilityEditForm(
        { ...capability, ...after },
        { painPoints: `${capability.painPoints} Slow on big files.`, note: "" },
      ),
      params,
    );
    expect((await toastOf(plain)).message).toBe("Saved.");
  });
});
