import nodemailer from "nodemailer";
import {
  DIGEST_LEASE_MINUTES,
  DIGEST_LISTED,
  digestDay,
  digestEmail,
  digestHourReached,
  isDigestDue,
  MAX_DIGEST_ATTEMPTS,
  nextDigestTry,
} from "../domain/notifications.ts";
import { prisma, isUniqueViolation } from "../lib/db.server.ts";

// The daily email digest of unread notifications (PRODUCT.md §8, ADR 017). A user's digest for a
// day is the DigestDelivery row with the unique (userId, day): a run creates it before sending,
// so a second run — in this process or another — finds it taken and sends nothing. A failed send
// stays PENDING with a time to try again (nextDigestTry) until it is sent or given up as FAILED.
// A run holds a claimed row for DIGEST_LEASE_MINUTES (its nextTryAt), so a run that crashed
// mid-send is retried later rather than never.

export interface DigestMail {
  smtpUrl: string;
  from: string;
  /** Candor's address as its users reach it, for the links in the email. */
  origin: string;
}

export interface DigestRun {
  sent: number;
  failed: number;
  /** Failures given up for the day after MAX_DIGEST_ATTEMPTS. */
  gaveUp: number;
}

const leaseUntil = (now: Date) => new Date(now.getTime() + DIGEST_LEASE_MINUTES * 60_000);

// By its code rather than its class: under `npm start` the Prisma client may come from the
// server build while this module was loaded from source, each with its own error classes.

/** Users whose digest for `day` is due and not yet claimed: chose it, active, with something unread. */
async function dueUsers(day: string, now: Date, hourUtc: number) {
  // Only the people who chose the digest are read, each with their unread count and the day's row.
  const users = await prisma.user.findMany({
    where: { active: true, emailDigest: true },
    select: {
      id: true,
      active: true,
      emailDigest: true,
      digests: { where: { day }, select: { id: true } },
      _count: { select: { notifications: { where: { readAt: null } } } },
    },
    orderBy: { id: "asc" },
  });
  return users.filter((user) =>
    isDigestDue(
      {
        active: user.active,
        emailDigest: user.emailDigest,
        unread: user._count.notifications,
        claimedToday: user.digests.length > 0,
      },
      now,
      hourUtc,
    ),
  );
}

/** Creates the day's row for a user; false when another run already did (the unique key). */
async function claimDay(userId: string, day: string, now: Date): Promise<string | null> {
  try {
    const row = await prisma.digestDelivery.create({
      data: { userId, day, status: "PENDING", attempts: 0, nextTryAt: leaseUntil(now) },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Takes a waiting retry for this run; false when another run took it first. */
async function claimRetry(id: string, nextTryAt: Date, now: Date): Promise<boolean> {
  const { count } = await prisma.digestDelivery.updateMany({
    where: { id, status: "PENDING", nextTryAt },
    data: { nextTryAt: leaseUntil(now) },
  });
  return count === 1;
}

type AttemptOutcome = "sent" | "failed" | "gave-up" | "dropped";

/** What one run of the digest job sends with: its SMTP connection, the mail settings and the run's clock. */
interface DigestSending {
  transport: nodemailer.Transporter;
  mail: DigestMail;
  now: Date;
}

/** One attempt at a claimed delivery: the unread notifications as they stand now, emailed once. */
async function attemptDelivery({ transport, mail, now }: DigestSending, deliveryId: string): Promise<AttemptOutcome> {
  const delivery = await prisma.digestDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      attempts: true,
      user: { select: { id: true, name: true, email: true, active: true, emailDigest: true } },
    },
  });
  const { user } = delivery;
  const [unread, items] = await Promise.all([
    prisma.notification.count({ where: { userId: user.id, readAt: null } }),
    prisma.notification.findMany({
      where: { userId: user.id, readAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DIGEST_LISTED,
      select: { kind: true, text: true, href: true, createdAt: true },
    }),
  ]);
  // Read everything, switched the digest off or left since the claim: nothing to send, and the
  // day stays free should something arrive later.
  if (unread === 0 || !user.active || !user.emailDigest) {
    await prisma.digestDelivery.deleteMany({ where: { id: deliveryId, status: "PENDING" } });
    return "dropped";
  }
  const email = digestEmail({ name: user.name, origin: mail.origin, unread, items });
  const attempts = delivery.attempts + 1;
  try {
    await transport.sendMail({
      from: mail.from,
      to: { name: user.name, address: user.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
  } catch (caught) {
    const lastError = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
    const retryAt = nextDigestTry(attempts, now);
    await prisma.digestDelivery.update({
      where: { id: deliveryId },
      data: { attempts, lastError, status: retryAt ? "PENDING" : "FAILED", nextTryAt: retryAt },
    });
    return retryAt ? "failed" : "gave-up";
  }
  await prisma.digestDelivery.update({
    where: { id: deliveryId },
    data: { attempts, status: "SENT", sentAt: new Date(), nextTryAt: null, lastError: null, notificationCount: unread },
  });
  return "sent";
}

/**
 * One run of the digest job: retries whose time has come, and — from the digest hour on, when
 * `includeNewDay` — the day's digests not yet claimed by anyone. Never throws for a failed send:
 * the failure is recorded on its row and counted in the result.
 */
export async function sendDigests(
  mail: DigestMail,
  options: { now?: Date; hourUtc: number; includeNewDay?: boolean },
): Promise<DigestRun> {
  const now = options.now ?? new Date();
  const day = digestDay(now);
  const run: DigestRun = { sent: 0, failed: 0, gaveUp: 0 };
  const count = (outcome: AttemptOutcome) => {
    if (outcome === "sent") run.sent++;
    else if (outcome === "failed") run.failed++;
    else if (outcome === "gave-up") run.gaveUp++;
  };
  const retries = await prisma.digestDelivery.findMany({
    where: { status: "PENDING", nextTryAt: { lte: now }, attempts: { lt: MAX_DIGEST_ATTEMPTS } },
    orderBy: { nextTryAt: "asc" },
    select: { id: true, nextTryAt: true },
  });
  const fresh =
    options.includeNewDay !== false && digestHourReached(now, options.hourUtc)
      ? await dueUsers(day, now, options.hourUtc)
      : [];
  if (retries.length === 0 && fresh.length === 0) return run;

  const sending: DigestSending = { transport: nodemailer.createTransport(mail.smtpUrl), mail, now };
  try {
    for (const retry of retries) {
      if (retry.nextTryAt && (await claimRetry(retry.id, retry.nextTryAt, now)))
        count(await attemptDelivery(sending, retry.id));
    }
    for (const user of fresh) {
      const deliveryId = await claimDay(user.id, day, now);
      if (deliveryId) count(await attemptDelivery(sending, deliveryId));
    }
  } finally {
    sending.transport.close();
  }
  return run;
}
