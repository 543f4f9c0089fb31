import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/lib/db.server.ts";
import { COMPUTATION_RUNNING, computePeriod } from "../../app/models/comp-compute.server.ts";
import { refused } from "../../app/domain/outcome.ts";
import { releaseLease, takeLease } from "../../app/models/job-leases.server.ts";

// PRODUCT.md §10: one comp computation at a time across every process, held in the database.
// Demo data seeded for 2026-11-26; 2026-Q4 is the open period.

async function openPeriod() {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@candor.test" }, select: { id: true } });
  const period = await prisma.compPeriod.findFirstOrThrow({ where: { name: "2026-Q4" }, select: { id: true } });
  const compute = () =>
    computePeriod({ actorId: admin.id, requestId: randomUUID(), ip: null }, period.id, { kind: "all" });
  return { compute };
}

describe("comp computations", () => {
  it("run one at a time: of two started together one computes and the other is told one is running", async () => {
    const { compute } = await openPeriod();
    const outcomes = await Promise.all([compute(), compute()]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([refused(409, COMPUTATION_RUNNING)]);
    // The lease is given back: the next computation runs.
    expect((await compute()).ok).toBe(true);
    expect(await prisma.jobLease.count()).toBe(0);
  });

  it("respect a lease another process holds, and take over one whose holder died", async () => {
    const { compute } = await openPeriod();
    const now = new Date();
    const held = await takeLease("comp-compute", 60_000, now);
    expect(held).not.toBeNull();
    expect(await takeLease("comp-compute", 60_000, now)).toBeNull();
    expect(await compute()).toEqual(refused(409, COMPUTATION_RUNNING));
    // A holder that never gave it back: once expired, the lease is free again.
    await prisma.jobLease.update({ where: { name: "comp-compute" }, data: { expiresAt: new Date(now.getTime() - 1) } });
    expect((await compute()).ok).toBe(true);
    // The dead holder's late release does not free someone else's lease.
    const next = await takeLease("comp-compute", 60_000);
    if (held) await releaseLease(held);
    expect(await prisma.jobLease.findUnique({ where: { name: "comp-compute" } })).toMatchObject({
      holder: next?.holder,
    });
  });
});
