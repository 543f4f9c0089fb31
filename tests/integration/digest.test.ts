import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_DIGEST_ATTEMPTS } from "../../app/domain/notifications.ts";
import { createDailyJobs } from "../../app/services/daily-jobs.server.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { sendDigests, type DigestMail } from "../../app/models/digests.server.ts";
import { notify, setDigestChoice } from "../../app/models/notifications.server.ts";
import { localSmtp } from "../support/local-smtp.ts";

// The daily email digest (PRODUCT.md §8) against a real SMTP server on this machine: at most one
// email per user per day however often the job runs, none when nothing is unread, a refused send
// retried with backoff and then delivered once.

const smtp = localSmtp();
const received = smtp.received;
let mail: DigestMail;

beforeAll(async () => {
  mail = { smtpUrl: await smtp.start(), from: "Candor <candor@test.example>", origin: "https://candor.example" };
});

afterAll(() => smtp.close());

const MAYA = "sales@candor.test";
const RAFE = "overpromiser@candor.test";
const MANAGER = "manager@candor.test";
const ENGINEER = "engineer@candor.test";
const HOUR = 7;

async function userId(email: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Exactly these people chose the digest; each starts with `unread` fresh unread notifications (0: all read). */
async function digestReaders(readers: Record<string, number>, tag: string) {
  await prisma.user.updateMany({ data: { emailDigest: false } });
  await prisma.notification.updateMany({ where: { readAt: null }, data: { readAt: new Date() } });
  for (const [email, unread] of Object.entries(readers)) {
    const id = await userId(email);
    await setDigestChoice({ actorId: id, requestId: null, ip: null }, id, true);
    await notify(
      prisma,
      Array.from({ length: unread }, (_, index) => ({
        userId: id,
        kind: "VERDICT" as const,
        text: `Notice ${index + 1} for ${email} (${tag})`,
        href: `/claims/${tag}-${index}`,
        dedupeKey: `digest-test:${tag}:${index}`,
      })),
    );
  }
}

const at = (day: string, time: string) => new Date(`${day}T${time}Z`);
/** One run of the digest job at `time` (UTC) on `day`. */
const runAt = (day: string, time: string) => sendDigests(mail, { now: at(day, time), hourUtc: HOUR });
/** What a run reports: emails sent, sends refused (tried again later), and days given up. */
const tally = (sent: number, failed = 0, gaveUp = 0) => ({ sent, failed, gaveUp });
const mailsTo = (email: string) => received.filter((message) => message.to === email);

beforeEach(() => {
  received.length = 0;
  smtp.accepting = true;
});

describe("the daily digest", () => {
  it("sends each reader who chose it exactly one email for the day, however often it runs, and none before the hour", async () => {
    await digestReaders({ [MAYA]: 3, [RAFE]: 1, [ENGINEER]: 0 }, "once");
    const day = "2027-01-11";

    expect(await runAt(day, "06:59:00")).toEqual(tally(0));
    expect(received).toHaveLength(0);
    expect(await prisma.digestDelivery.count({ where: { day } })).toBe(0);

    expect(await runAt(day, "07:00:30")).toEqual(tally(2));
    expect(await runAt(day, "07:05:00")).toEqual(tally(0));
    // Two runs at once (two processes): the unique (user, day) row lets one of them send.
    const both = await Promise.all([runAt(day, "09:00:00"), runAt(day, "09:00:00")]);
    expect(both.map((run) => run.sent)).toEqual([0, 0]);

    expect(mailsTo(MAYA)).toHaveLength(1);
    expect(mailsTo(RAFE)).toHaveLength(1);
    expect(mailsTo(ENGINEER)).toHaveLength(0);
    expect(received).toHaveLength(2);
    const body = mailsTo(MAYA)[0]?.body ?? "";
    expect(body).toContain("Subject: Candor: 3 unread notifications");
    expect(body).toContain(`Notice 1 for ${MAYA} (once)`);
    expect(body).toContain("https://candor.example/claims/once-0");
    expect(body).toContain("https://candor.example/inbox");

    const rows = await prisma.digestDelivery.findMany({
      where: { day },
      select: { userId: true, status: true, attempts: true, notificationCount: true, sentAt: true },
    });
    expect(rows.map((row) => row.userId).sort()).toEqual([await userId(MAYA), await userId(RAFE)].sort());
    for (const row of rows) expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: expect.any(Date) });
    expect(rows.map((row) => row.notificationCount).sort()).toEqual([1, 3]);

    // The next day is a new day: still unread, so one more email each.
    expect(await runAt("2027-01-12", "07:10:00")).toEqual(tally(2));
    expect(received).toHaveLength(4);
  });

  it("sends nothing when nothing is unread, to someone who did not choose it, or to a deactivated user", async () => {
    await digestReaders({ [MAYA]: 0, [RAFE]: 2 }, "nothing");
    const rafe = await userId(RAFE);
    await prisma.user.update({ where: { id: rafe }, data: { active: false } });
    try {
      // The manager has unread notifications but never chose the digest.
      await notify(prisma, [
        {
          userId: await userId(MANAGER),
          kind: "VERDICT",
          text: "Unchosen",
          href: "/inbox",
          dedupeKey: "digest-test:unchosen",
        },
      ]);
      expect(await runAt("2027-02-01", "08:00:00")).toEqual(tally(0));
      expect(received).toHaveLength(0);
      expect(await prisma.digestDelivery.count({ where: { day: "2027-02-01" } })).toBe(0);
    } finally {
      await prisma.user.update({ where: { id: rafe }, data: { active: true } });
    }
  });

  it("retries a refused send with backoff and then delivers it once", async () => {
    await digestReaders({ [MANAGER]: 2 }, "retry");
    const day = "2027-03-01";
    const manager = await userId(MANAGER);
    smtp.accepting = false;

    expect(await runAt(day, "07:00:00")).toEqual(tally(0, 1));
    const failed = await prisma.digestDelivery.findUniqueOrThrow({ where: { userId_day: { userId: manager, day } } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, nextTryAt: at(day, "07:05:00") });
    expect(failed.lastError).toContain("Mailbox temporarily unavailable");

    // Not yet due: nothing is tried, even with the server accepting again.
    smtp.accepting = true;
    expect(await runAt(day, "07:03:00")).toEqual(tally(0));
    expect(received).toHaveLength(0);

    expect(await runAt(day, "07:06:00")).toEqual(tally(1));
    expect(await runAt(day, "10:00:00")).toEqual(tally(0));
    expect(mailsTo(MANAGER)).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(
      await prisma.digestDelivery.findUniqueOrThrow({ where: { userId_day: { userId: manager, day } } }),
    ).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
      nextTryAt: null,
      notificationCount: 2,
    });
  });

  it("gives a day's digest up after the last attempt, and never sends it later that day", async () => {
    await digestReaders({ [MAYA]: 1 }, "give-up");
    const day = "2027-04-01";
    const maya = await userId(MAYA);
    smtp.accepting = false;
    let now = at(day, "07:00:00");
    for (let attempt = 1; attempt <= MAX_DIGEST_ATTEMPTS; attempt++) {
      const run = await sendDigests(mail, { now, hourUtc: HOUR });
      expect(run).toEqual(attempt < MAX_DIGEST_ATTEMPTS ? tally(0, 1) : tally(0, 0, 1));
      now = new Date(now.getTime() + 3 * 3_600_000);
    }
    expect(
      await prisma.digestDelivery.findUniqueOrThrow({ where: { userId_day: { userId: maya, day } } }),
    ).toMatchObject({ status: "FAILED", attempts: MAX_DIGEST_ATTEMPTS, nextTryAt: null });
    smtp.accepting = true;
    expect(await runAt(day, "23:00:00")).toEqual(tally(0));
    expect(received).toHaveLength(0);
  });

  it("drops a waiting retry when everything has been read meanwhile, leaving the day free", async () => {
    await digestReaders({ [RAFE]: 1 }, "read-meanwhile");
    const day = "2027-05-03";
    const rafe = await userId(RAFE);
    smtp.accepting = false;
    expect((await runAt(day, "07:00:00")).failed).toBe(1);
    await prisma.notification.updateMany({ where: { userId: rafe, readAt: null }, data: { readAt: new Date() } });
    smtp.accepting = true;
    expect(await runAt(day, "07:10:00")).toEqual(tally(0));
    expect(await prisma.digestDelivery.count({ where: { userId: rafe, day } })).toBe(0);
    expect(received).toHaveLength(0);
  });
});

describe("the daily job", () => {
  it("runs the scan at start-up, and the day's digest once the hour has come", async () => {
    await digestReaders({ [MAYA]: 1 }, "job");
    const maya = await userId(MAYA);
    const logged: string[] = [];
    const jobs = createDailyJobs(
      { hourUtc: HOUR, mail },
      {
        log: (line: string) => logged.push(line),
        error: (...args: unknown[]) => logged.push(`error: ${args.map(String).join(" ")}`),
      },
    );
    const day = "2027-06-07";

    await jobs.tick(at(day, "05:00:00"));
    expect(received).toHaveLength(0);
    // The scan ran: the seeded salespeople have quizzes due.
    expect(
      await prisma.notification.count({
        where: { userId: maya, kind: { in: ["QUIZ_DUE", "CERTIFICATION_EXPIRING"] } },
      }),
    ).toBeGreaterThan(0);

    await jobs.tick(at(day, "07:01:00"));
    await jobs.tick(at(day, "07:06:00"));
    expect(mailsTo(MAYA)).toHaveLength(1);
    expect(logged.filter((line) => line.startsWith("error"))).toEqual([]);
    expect(logged.some((line) => line.startsWith("Daily digest: 1 sent"))).toBe(true);
  });
});
