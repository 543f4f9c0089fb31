import { randomUUID } from "node:crypto";
import { isUniqueViolation, prisma } from "../lib/db.server.ts";

// One holder at a time for a job every Candor process could start (PRODUCT.md §10), kept in the
// database so that several processes, on one machine or many, see the same lease. Taking it is
// one insert, or one conditional update of an expired lease: each is atomic on SQLite and on
// PostgreSQL, so of two processes asking at once exactly one gets it.

/** What a holder needs to give the lease back. */
export interface Lease {
  name: string;
  holder: string;
}

/** Takes the lease `name` for `ttlMs` (a crashed holder's lease lapses then); null while another holds it. */
export async function takeLease(name: string, ttlMs: number, now = new Date()): Promise<Lease | null> {
  const holder = randomUUID();
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    await prisma.jobLease.create({ data: { name, holder, expiresAt } });
    return { name, holder };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const { count } = await prisma.jobLease.updateMany({
    where: { name, expiresAt: { lte: now } },
    data: { holder, expiresAt },
  });
  return count === 1 ? { name, holder } : null;
}

/** Gives the lease back (only if still ours: after it lapsed someone else may hold it). */
export async function releaseLease(lease: Lease): Promise<void> {
  await prisma.jobLease.deleteMany({ where: { name: lease.name, holder: lease.holder } });
}

/** Runs `work` holding the lease, or returns `busy()` without running it when another holds it. */
export async function withLease<T>(name: string, ttlMs: number, work: () => Promise<T>, busy: () => T): Promise<T> {
  const lease = await takeLease(name, ttlMs);
  if (!lease) return busy();
  try {
    return await work();
  } finally {
    await releaseLease(lease);
  }
}
