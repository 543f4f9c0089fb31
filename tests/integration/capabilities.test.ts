import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { utcDayLabel } from "../../app/domain/capability-changes.ts";
import { addDays } from "../../app/domain/dates.ts";
import { levelLabel, type CapabilityLevel } from "../../app/domain/levels.ts";
import { isStaleAt, revisionInForce } from "../../app/domain/matrix-check.ts";
import { prisma } from "../../app/lib/db.server.ts";
import type { AuditContext } from "../../app/models/audit.server.ts";
import {
  createCapability,
  listFlaggedClaimsFor,
  listMatrixRows,
  markCapabilityVerified,
  reviseCapabilityInTx,
  updateCapability,
} from "../../app/models/capabilities.server.ts";
import {
  action as capabilityAction,
  loader as capabilityLoader,
} from "../../app/routes/_app.capabilities.$productSlug.$capabilityKey.tsx";
import {
  action as matrixAction,
  loader as matrixLoader,
} from "../../app/routes/_app.capabilities.$productSlug._index.tsx";
import { loader as specSheetCsv } from "../../app/routes/capabilities.$productSlug.spec-sheet[.]csv.ts";
import { loader as specSheetMd } from "../../app/routes/capabilities.$productSlug.spec-sheet[.]md.ts";
import { capabilityEditForm } from "./support/capabilities.ts";
import { refusalOf } from "./support/refusal.ts";
import { load, submit } from "./support/requests.ts";
import { ORIGIN, settle } from "./support/sign-in.ts";

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const auditAs = async (email: string): Promise<AuditContext> => ({
  actorId: await userId(email),
  requestId: randomUUID(),
  ip: "203.0.113.9",
});

/** A seeded row, found by product slug and key (never by id). */
function capabilityAt(slug: string, key: string) {
  return prisma.capability.findFirstOrThrow({
    where: { key, product: { slug } },
    include: { product: true, revisions: { orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }] } },
  });
}

type Row = Awaited<ReturnType<typeof capabilityAt>>;

const editInput = (row: Row) => ({
  title: row.title,
  description: row.description,
  status: row.status,
  conditions: row.conditions,
  painPoints: row.painPoints,
  docsUrl: row.docsUrl,
  ownerId: row.ownerId ?? "",
  note: "",
  version: row.version,
});

/** `email` saving `row` through the model with `changes` to what the form showed. */
const updateAs = async (email: string, row: Row, changes: Partial<ReturnType<typeof editInput>>) =>
  updateCapability(await auditAs(email), row.id, { ...editInput(row), ...changes }, await userId(email));

const otherLevel = (...avoid: CapabilityLevel[]): CapabilityLevel =>
  (["SUPPORTED", "PARTIAL", "NOT_SUPPORTED", "ROADMAP"] as const).find((level) => !avoid.includes(level)) ?? "ROADMAP";

describe("changing a capability", () => {
  it("appends a revision on a status change, flags linked quiz questions NEEDS_REVIEW and audits it", async () => {
    const before = await capabilityAt("ledgerline", "excel-export");
    const activeQuestions = await prisma.question.count({ where: { capabilityId: before.id, state: "ACTIVE" } });
    expect(activeQuestions).toBeGreaterThan(0);
    const audit = await auditAs("engineer@candor.test");

    const outcome = await updateCapability(
      audit,
      before.id,
      {
        ...editInput(before),
        status: "SUPPORTED",
        conditions: "xlsx and .xls",
        note: "Legacy .xls export shipped in 2026.4.",
      },
      await userId("engineer@candor.test"),
    );
    expect(outcome).toMatchObject({
      ok: true,
      value: { saved: true, factsChanged: true, questionsToReview: activeQuestions },
    });

    const after = await capabilityAt("ledgerline", "excel-export");
    expect(after.revisions).toHaveLength(before.revisions.length + 1);
    const latest = after.revisions[after.revisions.length - 1];
    expect(latest).toMatchObject({
      status: "SUPPORTED",
      conditions: "xlsx and .xls",
      note: "Legacy .xls export shipped in 2026.4.",
      authorId: audit.actorId,
    });
    expect(after).toMatchObject({
      status: "SUPPORTED",
      conditions: "xlsx and .xls",
      version: before.version + 1,
      verifiedById: audit.actorId,
    });
    expect(after.reviewDueAt?.getTime()).toBe(
      addDays(latest?.validFrom ?? new Date(0), after.product.reviewCycleDays).getTime(),
    );
    expect(await prisma.question.count({ where: { capabilityId: before.id, state: "ACTIVE" } })).toBe(0);
    expect(
      await prisma.question.count({ where: { capabilityId: before.id, state: "NEEDS_REVIEW" } }),
    ).toBeGreaterThanOrEqual(activeQuestions);

    const events = await prisma.auditEvent.findMany({ where: { entityId: before.id, action: "capability.revise" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.beforeJson ?? "{}")).toMatchObject({
      status: before.status,
      conditions: before.conditions,
    });
    expect(JSON.parse(events[0]?.afterJson ?? "{}")).toMatchObject({
      status: "SUPPORTED",
      questionsFlagged: activeQuestions,
    });
  });

  it("asks why when the status or conditions change without a note, and writes nothing", async () => {
    const before = await capabilityAt("ledgerline", "reporting-api");
    const outcome = await updateAs("engineer@candor.test", before, { conditions: "Read and write" });
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/why/i)] } });
    const after = await capabilityAt("ledgerline", "reporting-api");
    expect(after.version).toBe(before.version);
    expect(after.revisions).toHaveLength(before.revisions.length);
  });

  it("updates the other fields as capability.update without a revision", async () => {
    const before = await capabilityAt("ledgerline", "audit-trail");
    const outcome = await updateAs("engineer@candor.test", before, { painPoints: "Exports of the trail are slow." });
    expect(outcome).toEqual({
      ok: true,
      value: { saved: true, factsChanged: false, questionsToReview: 0, openClaimsAffected: 0 },
    });
    const after = await capabilityAt("ledgerline", "audit-trail");
    expect(after).toMatchObject({
      painPoints: "Exports of the trail are slow.",
      version: before.version + 1,
      verifiedAt: before.verifiedAt,
    });
    expect(after.revisions).toHaveLength(before.revisions.length);
    const events = await prisma.auditEvent.findMany({ where: { entityId: before.id } });
    expect(events.map((event) => event.action)).toEqual(["capability.update"]);
    expect(JSON.parse(events[0]?.afterJson ?? "{}")).toEqual({ painPoints: "Exports of the trail are slow." });
  });

  it("answers a stale version with 409 naming who changed it and when, overwriting nothing", async () => {
    const loaded = await capabilityAt("relay", "webhooks");
    // Jun saves first…
    const jun = await updateAs("jun.tanaka@candor.test", loaded, { title: "Webhook triggers and callbacks" });
    expect(jun.ok).toBe(true);
    // …then Sam submits the form he loaded before Jun's change.
    const user = "engineer@candor.test";
    const result = await submit(
      capabilityAction,
      user,
      "/capabilities/relay/webhooks",
      capabilityEditForm(loaded, { title: "Webhooks", status: "PARTIAL", note: "Retries broken" }),
      { productSlug: "relay", capabilityKey: "webhooks" },
    );
    if (result instanceof Response) throw new Error(`expected a 409, got a ${result.status} response`);
    expect(result.init?.status).toBe(409);
    expect(result.data.result.error?.[""]?.[0]).toMatch(
      /^Jun Tanaka changed this capability at \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC; reload to see their change\.$/,
    );
    const after = await capabilityAt("relay", "webhooks");
    expect(after).toMatchObject({
      title: "Webhook triggers and callbacks",
      status: loaded.status,
      version: loaded.version + 1,
    });
    expect(after.revisions).toHaveLength(loaded.revisions.length);
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const loaded = await capabilityAt("relay", "exactly-once");
    const [first, second] = await Promise.all(
      (["engineer@candor.test", "jun.tanaka@candor.test"] as const).map((email, index) =>
        updateAs(email, loaded, { status: index === 0 ? "PARTIAL" : "SUPPORTED", note: `Change ${index}` }),
      ),
    );
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome && !outcome.ok && outcome.conflict)).toHaveLength(1);
    const after = await capabilityAt("relay", "exactly-once");
    expect(after.revisions).toHaveLength(loaded.revisions.length + 1);
    expect(after.version).toBe(loaded.version + 1);
  });

  it("mark verified restarts the review cycle and appends a 'Verified' revision with the same facts", async () => {
    const before = await capabilityAt("ledgerline", "sap-connector");
    const now = new Date();
    expect(before.reviewDueAt && before.reviewDueAt < now).toBe(true);
    const latestBefore = before.revisions[before.revisions.length - 1];
    expect(latestBefore && isStaleAt(latestBefore, now, before.product.reviewCycleDays)).toBe(true);

    const user = "engineer@candor.test";
    const response = await submit(
      capabilityAction,
      user,
      "/capabilities/ledgerline/sap-connector",
      {
        intent: "verify",
        version: String(before.version),
      },
      { productSlug: "ledgerline", capabilityKey: "sap-connector" },
    );
    expect(response).toBeInstanceOf(Response);
    const after = await capabilityAt("ledgerline", "sap-connector");
    const engineerId = await userId("engineer@candor.test");
    expect(after).toMatchObject({
      status: before.status,
      conditions: before.conditions,
      verifiedById: engineerId,
      version: before.version + 1,
    });
    expect(after.verifiedAt && after.verifiedAt >= now).toBe(true);
    expect(after.reviewDueAt?.getTime()).toBe(
      addDays(after.verifiedAt ?? now, after.product.reviewCycleDays).getTime(),
    );
    const latest = after.revisions[after.revisions.length - 1];
    expect(latest).toMatchObject({
      status: before.status,
      conditions: before.conditions,
      note: "Verified",
      authorId: engineerId,
    });
    expect(latest && isStaleAt(latest, now, after.product.reviewCycleDays)).toBe(false);
    expect(await prisma.auditEvent.count({ where: { entityId: before.id, action: "capability.verify" } })).toBe(1);

    // The same version again is now stale.
    const again = await markCapabilityVerified(
      await auditAs("engineer@candor.test"),
      before.id,
      before.version,
      engineerId,
    );
    expect(again).toMatchObject({ ok: false, conflict: { byName: "Sam Keller" } });
  });

  it("refuses a salesperson's edit, verify and create with 403 and changes nothing", async () => {
    const before = await capabilityAt("ledgerline", "multi-currency");
    const user = "sales@candor.test";
    const params = { productSlug: "ledgerline", capabilityKey: "multi-currency" };
    for (const fields of [
      capabilityEditForm(before, { status: "NOT_SUPPORTED", note: "x" }),
      { intent: "verify", version: String(before.version) },
    ]) {
      const refusal = await settle(() =>
        submit(capabilityAction, user, "/capabilities/ledgerline/multi-currency", fields, params),
      );
      expect(await refusalOf(refusal)).toMatchObject({ status: 403 });
    }
    const create = await settle(() =>
      submit(
        matrixAction,
        user,
        "/capabilities/ledgerline",
        {
          intent: "create",
          key: "teleport",
          title: "Teleport",
          status: "SUPPORTED",
          ownerId: before.ownerId ?? "",
        },
        { productSlug: "ledgerline" },
      ),
    );
    expect(await refusalOf(create)).toMatchObject({ status: 403 });
    const after = await capabilityAt("ledgerline", "multi-currency");
    expect(after.version).toBe(before.version);
    expect(await prisma.capability.count({ where: { key: "teleport" } })).toBe(0);
  });

  it("shows the matrix to a salesperson without the edit form, and 404s an unknown product or key", async () => {
    const user = "sales@candor.test";
    const page = await load(capabilityLoader, user, "/capabilities/ledgerline/sso-saml", {
      productSlug: "ledgerline",
      capabilityKey: "sso-saml",
    });
    expect(page.canEdit).toBe(false);
    expect(page.owners).toEqual([]);
    const matrix = await load(matrixLoader, user, "/capabilities/ledgerline", { productSlug: "ledgerline" });
    expect(matrix.canEdit).toBe(false);
    expect(matrix.rows.length).toBeGreaterThan(5);

    const noProduct = await settle(() => load(matrixLoader, user, "/capabilities/nope", { productSlug: "nope" }));
    expect(await refusalOf(noProduct)).toMatchObject({ status: 404, message: expect.stringMatching(/no product/) });
    const noKey = await settle(() =>
      load(capabilityLoader, user, "/capabilities/ledgerline/nope", {
        productSlug: "ledgerline",
        capabilityKey: "nope",
      }),
    );
    expect(await refusalOf(noKey)).toMatchObject({ status: 404, message: expect.stringMatching(/no capability/) });
  });
});

describe("creating a capability", () => {
  it("creates the row and its first revision, starts the review cycle and audits it; a taken key is a field error", async () => {
    const user = "engineer@candor.test";
    const ownerId = await userId("fatima.nasser@candor.test");
    const fields = {
      intent: "create",
      key: "xbrl-filing",
      title: "XBRL filing",
      description: "Tag statements for regulators.",
      status: "PARTIAL",
      conditions: "ESEF taxonomy only",
      painPoints: "Tagging takes a day per filing.",
      docsUrl: "https://docs.example.test/xbrl",
      ownerId,
      note: "",
    };
    const response = await submit(matrixAction, user, "/capabilities/ledgerline", fields, {
      productSlug: "ledgerline",
    });
    expect(response).toHaveRedirect("/capabilities/ledgerline/xbrl-filing");
    const row = await capabilityAt("ledgerline", "xbrl-filing");
    expect(row).toMatchObject({
      status: "PARTIAL",
      conditions: "ESEF taxonomy only",
      ownerId,
      verifiedById: await userId("engineer@candor.test"),
      version: 1,
    });
    expect(row.reviewDueAt?.getTime()).toBe(
      addDays(row.verifiedAt ?? new Date(0), row.product.reviewCycleDays).getTime(),
    );
    expect(row.revisions).toEqual([
      expect.objectContaining({ status: "PARTIAL", conditions: "ESEF taxonomy only", note: "Initial matrix row." }),
    ]);
    expect(await prisma.auditEvent.count({ where: { entityId: row.id, action: "capability.create" } })).toBe(1);

    const duplicate = await submit(
      matrixAction,
      user,
      "/capabilities/ledgerline",
      { ...fields, key: "excel-export" },
      { productSlug: "ledgerline" },
    );
    if (duplicate instanceof Response) throw new Error("expected field errors");
    expect(duplicate.data.result.error).toEqual({ key: ["This product already has a capability with this key."] });

    const badInput = await submit(
      matrixAction,
      user,
      "/capabilities/ledgerline",
      {
        ...fields,
        key: "Bad Key",
        docsUrl: "javascript:alert(1)",
        ownerId: await userId("sales@candor.test"),
      },
      { productSlug: "ledgerline" },
    );
    if (badInput instanceof Response) throw new Error("expected field errors");
    expect(Object.keys(badInput.data.result.error ?? {}).sort()).toEqual(["docsUrl", "key"]);

    const salesOwner = await createCapability(
      await auditAs("engineer@candor.test"),
      row.productId,
      { ...fields, key: "xbrl-2", status: "PARTIAL", docsUrl: null, ownerId: await userId("sales@candor.test") },
      ownerId,
    );
    expect(salesOwner).toMatchObject({ ok: false, fieldErrors: { ownerId: [expect.any(String)] } });
  });
});

describe("the matrix table", () => {
  it("filters by text in any case, and by review state", async () => {
    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "ledgerline" } });
    const now = new Date();
    const byText = await listMatrixRows(product.id, { q: "MANY-TO-MANY" }, now);
    expect(byText.map((row) => row.key)).toEqual(["intercompany-elimination"]);
    const overdue = await listMatrixRows(product.id, { review: "overdue" }, now);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((row) => row.stale)).toBe(true);
    const current = await listMatrixRows(product.id, { review: "current" }, now);
    expect(current.some((row) => row.stale)).toBe(false);
  });
});

describe("spec sheet", () => {
  it("is markdown with the PARTIAL conditions and none of the internal fields", async () => {
    const user = "sales@candor.test";
    const response = await load(specSheetMd, user, "/capabilities/relay/spec-sheet.md", { productSlug: "relay" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="relay-spec-sheet.md"');
    const text = await response.text();
    const rows = await prisma.capability.findMany({ where: { product: { slug: "relay" } }, include: { owner: true } });
    const partial = rows.filter((row) => row.status === "PARTIAL");
    expect(partial.length).toBeGreaterThan(0);
    for (const row of partial) expect(text).toContain(row.conditions);
    expect(text).toContain("## What it does with limitations");
    for (const row of rows) {
      expect(text).not.toContain(row.painPoints);
      if (row.owner) expect(text).not.toContain(row.owner.name);
    }
  });

  it("is CSV with formula injection neutralised, and sends an anonymous reader to sign in", async () => {
    const user = "manager@candor.test";
    const relay = await capabilityAt("relay", "graphql-api");
    await prisma.capability.update({ where: { id: relay.id }, data: { title: '=HYPERLINK("http://evil.test")' } });
    const response = await load(specSheetCsv, user, "/capabilities/relay/spec-sheet.csv", { productSlug: "relay" });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(`'=HYPERLINK(""http://evil.test"")`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    const anonymous = await settle(() =>
      specSheetMd({
        request: new Request(`${ORIGIN}/capabilities/relay/spec-sheet.md`),
        params: { productSlug: "relay" },
        context: {},
      }),
    );
    expect(anonymous).toHaveRedirect(/^\/login\?redirectTo=/);
    const missing = await settle(() =>
      load(specSheetMd, user, "/capabilities/nope/spec-sheet.md", { productSlug: "nope" }),
    );
    expect(missing instanceof Response && missing.status).toBe(404);
  });
});

describe("claims made before a change", () => {
  it("flags the salesperson's open claim and lists it on the capability page for those who may read it", async () => {
    const salesId = await userId("sales@candor.test");
    const used = [
      "excel-export",
      "reporting-api",
      "audit-trail",
      "webhooks",
      "exactly-once",
      "sap-connector",
      "multi-currency",
      "graphql-api",
    ];
    const claim = await prisma.claim.findFirstOrThrow({
      where: {
        salespersonId: salesId,
        capability: { key: { notIn: used } },
        OR: [{ status: "PENDING" }, { deal: { status: "OPEN" } }],
      },
      orderBy: { madeAt: "desc" },
      include: {
        capability: {
          include: { product: true, revisions: { orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }] } },
        },
      },
    });
    const capability = claim.capability;
    if (!capability) throw new Error("the claim has no capability");
    const then = revisionInForce(capability.revisions, claim.madeAt);
    const target = otherLevel(capability.status, then?.status ?? capability.status);
    await prisma.$transaction((tx) =>
      reviseCapabilityInTx(
        tx,
        { actorId: null, requestId: null, ip: null },
        {
          capabilityId: capability.id,
          status: target,
          conditions: capability.conditions,
          note: "Changed for the test.",
          authorId: capability.ownerId ?? salesId,
        },
      ),
    );

    const flagged = await listFlaggedClaimsFor(salesId);
    const mine = flagged.find((item) => item.claimId === claim.id);
    expect(mine?.sentence).toBe(
      `${capability.title} changed from ${levelLabel(then?.status ?? "SUPPORTED")} to ${levelLabel(target)} since you said it on ${utcDayLabel(claim.madeAt)}.`,
    );
    expect(mine?.capabilityHref).toBe(`/capabilities/${capability.product.slug}/${capability.key}`);

    const pageFor = async (email: string) =>
      load(capabilityLoader, email, `/capabilities/${capability.product.slug}/${capability.key}`, {
        productSlug: capability.product.slug,
        capabilityKey: capability.key,
      });
    for (const email of ["sales@candor.test", "manager@candor.test", "engineer@candor.test"]) {
      const page = await pageFor(email);
      expect(page.openClaims.claims.map((row) => row.id)).toContain(claim.id);
    }
    // Another salesperson, and a manager of another team, may not read it.
    for (const email of ["overpromiser@candor.test", "marcus.bell@candor.test"]) {
      const page = await pageFor(email);
      expect(page.openClaims.claims.map((row) => row.id)).not.toContain(claim.id);
    }
  });
});
