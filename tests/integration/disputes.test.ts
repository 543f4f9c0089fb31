import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/claim-rules.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { getManagedTeamIds } from "../../app/models/teams.server.ts";
import { loader as layoutLoader } from "../../app/routes/_app.tsx";
import { loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { loader as claimsLoader } from "../../app/routes/_app.claims._index.tsx";
import { loader as dashboardLoader } from "../../app/routes/_app.dashboard.tsx";
import { action as disputesAction, loader as disputesLoader } from "../../app/routes/_app.disputes.tsx";
import { actorFor, disputeVerdict, judgeInaccurate, loggedClaim, type Person } from "./support/claims.ts";
import { refusalOf } from "./support/refusal.ts";
import { load, submit } from "./support/requests.ts";
import { settle } from "./support/sign-in.ts";

const DAY = 86_400_000;
const MANAGER = "manager@candor.test";
const ADMIN = "admin@candor.test";
const SALES = "sales@candor.test";

async function readQueue(email: string) {
  const outcome = await settle(() => load(disputesLoader, email, "/disputes"));
  if (outcome instanceof Response || !outcome || typeof outcome !== "object" || !("open" in outcome))
    throw new Error(`the dispute queue refused ${email}`);
  return outcome as Awaited<ReturnType<typeof disputesLoader>>;
}

async function openCountInNavigation(email: string): Promise<number | undefined> {
  const layout = await load(layoutLoader, email, "/home");
  return layout.nav.find((item) => item.to === "/disputes")?.count;
}

const postResolution = async (email: string, form: Record<string, string>) =>
  settle(() => submit(disputesAction, email, "/disputes", form));

let engineer: Actor;
let product: { id: string; capabilityId: string };

beforeAll(async () => {
  engineer = await actorFor("engineer@candor.test");
  const capability = await prisma.capability.findFirstOrThrow({
    where: { product: { slug: "ledgerline" } },
    select: { id: true, productId: true },
  });
  product = { id: capability.productId, capabilityId: capability.id };
});

/** A claim about `salesperson`, judged Inaccurate by an engineer and disputed by them `daysAgo` days ago. */
async function disputedClaim(salesperson: Actor, daysAgo: number, account: string): Promise<string> {
  const claimId = await loggedClaim(salesperson, {
    capabilityId: product.capabilityId,
    statement: `Ledgerline exports straight into ${account}'s ERP.`,
    accountName: account,
    madeAt: new Date(Date.now() - (daysAgo + 3) * DAY),
  });
  await judgeInaccurate(engineer, claimId, "Only CSV export exists.");
  await disputeVerdict(salesperson, claimId, "The customer only needed the CSV, which works.");
  await prisma.claimDispute.update({ where: { claimId }, data: { raisedAt: new Date(Date.now() - daysAgo * DAY) } });
  return claimId;
}

/** A salesperson in a team the demo manager does not manage. */
async function salespersonOutsideManagersTeams(): Promise<Person> {
  const manager = await actorFor(MANAGER);
  const teamIds = await getManagedTeamIds(manager.userId);
  const other = await prisma.user.findFirstOrThrow({
    where: { role: "SALES", active: true, teamId: { notIn: teamIds, not: null } },
    select: { email: true },
  });
  return actorFor(other.email);
}

describe("the dispute queue", () => {
  it("shows a manager their teams' open disputes oldest first, and resolving one from the page lowers the count", async () => {
    const maya = await actorFor(SALES);
    const outsider = await salespersonOutsideManagersTeams();
    const older = await disputedClaim(maya, 12, "Fabrikam Older");
    const newer = await disputedClaim(maya, 2, "Fabrikam Newer");
    const elsewhere = await disputedClaim(outsider, 20, "Contoso Elsewhere");

    const queue = await readQueue(MANAGER);
    const openIds = queue.open.map((dispute) => dispute.claim.id);
    expect(openIds).toContain(older);
    expect(openIds).toContain(newer);
    expect(openIds).not.toContain(elsewhere);
    expect(openIds.indexOf(older)).toBeLessThan(openIds.indexOf(newer));
    const raised = queue.open.map((dispute) => new Date(dispute.raisedAt).getTime());
    expect(raised).toEqual([...raised].sort((a, b) => a - b));
    const shown = queue.open.find((dispute) => dispute.claim.id === older);
    expect(shown).toMatchObject({
      reason: "The customer only needed the CSV, which works.",
      disputedStatus: "INACCURATE",
      ageDays: 12,
      claim: {
        accountName: "Fabrikam Older",
        salesperson: { name: maya.name },
        verifiedBy: { name: expect.any(String) },
      },
    });

    const before = await openCountInNavigation(MANAGER);
    expect(before).toBe(queue.open.length);

    // A decision without a note is refused and nothing changes.
    const noNote = await postResolution(MANAGER, {
      intent: "resolve",
      claimId: older,
      outcome: "UPHELD",
      resolutionNote: "",
    });
    expect(noNote).toMatchObject({
      init: { status: 400 },
      data: { claimId: older, result: { error: { resolutionNote: [expect.any(String)] } } },
    });
    expect(await prisma.claimDispute.findUniqueOrThrow({ where: { claimId: older } })).toMatchObject({
      status: "OPEN",
    });

    const upheld = await postResolution(MANAGER, {
      intent: "resolve",
      claimId: older,
      outcome: "UPHELD",
      resolutionNote: "The customer was told about ERP export.",
    });
    expect(upheld).toHaveRedirect("/disputes");
    expect(await openCountInNavigation(MANAGER)).toBe((before ?? 0) - 1);

    const after = await readQueue(MANAGER);
    expect(after.open.map((dispute) => dispute.claim.id)).not.toContain(older);
    const manager = await actorFor(MANAGER);
    expect(after.resolved.find((dispute) => dispute.claim.id === older)).toMatchObject({
      status: "UPHELD",
      resolvedBy: { name: manager.name },
    });

    // Another team's dispute cannot be resolved by posting its id here.
    const foreign = await postResolution(MANAGER, {
      intent: "resolve",
      claimId: elsewhere,
      outcome: "UPHELD",
      resolutionNote: "Not mine to decide.",
    });
    expect((await refusalOf(foreign)).status).toBe(403);
    expect(await prisma.claimDispute.findUniqueOrThrow({ where: { claimId: elsewhere } })).toMatchObject({
      status: "OPEN",
    });
  });

  it("puts the open count on the manager's dashboard", async () => {
    const maya = await actorFor(SALES);
    await disputedClaim(maya, 6, "Fabrikam Dashboard");
    const dashboard = await load(dashboardLoader, MANAGER, "/dashboard");
    expect("openDisputes" in dashboard ? dashboard.openDisputes : null).toBe(await openCountInNavigation(MANAGER));
  });

  it("shows an admin the open disputes of every team", async () => {
    const outsider = await salespersonOutsideManagersTeams();
    const maya = await actorFor(SALES);
    const elsewhere = await disputedClaim(outsider, 5, "Contoso Admin View");
    const mine = await disputedClaim(maya, 4, "Fabrikam Admin View");
    const queue = await readQueue(ADMIN);
    const openIds = queue.open.map((dispute) => dispute.claim.id);
    expect(openIds).toEqual(expect.arrayContaining([elsewhere, mine]));
    expect(await openCountInNavigation(ADMIN)).toBe(await prisma.claimDispute.count({ where: { status: "OPEN" } }));
  });

  it("refuses salespeople and shows them no count", async () => {
    const outcome = await settle(() => load(disputesLoader, SALES, "/disputes"));
    expect(await refusalOf(outcome)).toEqual({ status: 403, message: "Only managers and admins resolve disputes." });
    const posted = await postResolution(SALES, {
      intent: "resolve",
      claimId: "anything",
      outcome: "UPHELD",
      resolutionNote: "Let me decide.",
    });
    expect((await refusalOf(posted)).status).toBe(403);
    const layout = await load(layoutLoader, SALES, "/home");
    expect(layout.nav.some((item) => item.to === "/disputes")).toBe(false);
  });

  it("names the manager who overturned a verdict as the one who set it", async () => {
    const maya = await actorFor(SALES);
    const manager = await actorFor(MANAGER);
    const claimId = await disputedClaim(maya, 1, "Fabrikam Overturned");
    const overturned = await postResolution(MANAGER, {
      intent: "resolve",
      claimId,
      outcome: "OVERTURNED",
      resolutionNote: "CSV export was all the customer asked about.",
      status: "ACCURATE",
      severity: "MEDIUM",
      note: "CSV export into the ERP works.",
    });
    expect(overturned).toBeInstanceOf(Response);
    const page = await load(claimLoader, MANAGER, `/claims/${claimId}`, { claimId });
    expect(page.claim.status).toBe("ACCURATE");
    expect(page.verdictAuthor).toMatchObject({ kind: "overturned", name: manager.name });
    const queue = await readQueue(MANAGER);
    expect(queue.resolved.find((dispute) => dispute.claim.id === claimId)).toMatchObject({
      status: "OVERTURNED",
      overturnedStatus: "ACCURATE",
    });
  });
});

describe("the claims table's dispute filter", () => {
  it("finds claims with an open dispute, or with any dispute", async () => {
    const maya = await actorFor(SALES);
    const open = await disputedClaim(maya, 3, "Fabrikam Filter Open");
    const resolved = await disputedClaim(maya, 3, "Fabrikam Filter Resolved");
    expect(
      await postResolution(MANAGER, {
        intent: "resolve",
        claimId: resolved,
        outcome: "UPHELD",
        resolutionNote: "Stands.",
      }),
    ).toBeInstanceOf(Response);

    const claimsPage = (query: string) => load(claimsLoader, MANAGER, `/claims${query}&pageSize=100`);
    const openOnly = await claimsPage("?disputed=open");
    const openIds = openOnly.rows.map((row) => row.id);
    expect(openIds).toContain(open);
    expect(openIds).not.toContain(resolved);
    const disputes = await prisma.claimDispute.findMany({
      where: { claimId: { in: openIds } },
      select: { status: true },
    });
    expect(disputes).toHaveLength(openIds.length);
    expect(disputes.every((dispute) => dispute.status === "OPEN")).toBe(true);

    const anyIds = (await claimsPage("?disputed=any")).rows.map((row) => row.id);
    expect(anyIds).toEqual(expect.arrayContaining([open, resolved]));

    const unknown = await claimsPage("?disputed=sometimes");
    expect(unknown.notes).toContain("Ignored the dispute filter: “sometimes” is not a value Candor knows.");
  });
});
