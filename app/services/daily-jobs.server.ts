import { digestDay, digestHourReached } from "../domain/notifications.ts";
import { sendDigests, type DigestMail } from "../models/digests.server.ts";
import { runDailyScan } from "../models/notifications.server.ts";
import type { Env } from "../lib/env.server.ts";

// The daily job inside the server (PRODUCT.md §8, ADR 017): the notifications scan (quizzes due,
// claims past target) and the email digest of unread notifications. The server's start-up starts
// it (server.ts); nothing else does, so tests run it only by calling it. Every step is safe to
// run in several processes at once: the scan's notifications are keyed, and a digest is claimed
// by its unique (user, day) row before it is sent.

export interface DailyJobSettings {
  /** The UTC hour of the day's digest (and of the day's scan after the first). */
  hourUtc: number;
  /** Where digests are sent from; null when SMTP_URL is not set (then only the scan runs). */
  mail: DigestMail | null;
}

/** The job's settings from the environment; null when DIGEST_HOUR_UTC=off. */
export function dailyJobSettings(env: Env, port: number): DailyJobSettings | null {
  if (env.DIGEST_HOUR_UTC === "off") return null;
  const origin = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  return {
    hourUtc: env.DIGEST_HOUR_UTC,
    mail: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, origin } : null,
  };
}

export interface DailyJobs {
  /** One run at `now`; what the timer calls. */
  tick(now?: Date): Promise<void>;
  stop(): void;
}

/** Checks every few minutes: retries are due at odd times; the day's run comes once the hour is reached. */
export const TICK_MS = 5 * 60_000;
/** The first run waits this long after start-up, so serving begins at once. */
const FIRST_RUN_MS = 15_000;

/**
 * The job's state machine, without timers: the scan runs at start-up and then once a day from the
 * digest hour on; the day's digests go out once per process per day from that hour (another
 * process finds them claimed); retries whenever they come due.
 */
export function createDailyJobs(settings: DailyJobSettings, log: Pick<Console, "log" | "error"> = console): DailyJobs {
  let lastScanDay: string | null = null;
  let lastDigestDay: string | null = null;
  let running = false;
  let stopped = false;
  return {
    async tick(now = new Date()) {
      if (running || stopped) return;
      running = true;
      try {
        const day = digestDay(now);
        const hourReached = digestHourReached(now, settings.hourUtc);
        if (lastScanDay === null || (lastScanDay !== day && hourReached)) {
          const { created } = await runDailyScan(now);
          lastScanDay = day;
          if (created > 0) log.log(`Daily scan: ${created} new notifications.`);
        }
        if (settings.mail) {
          const newDay = hourReached && lastDigestDay !== day;
          const run = await sendDigests(settings.mail, { now, hourUtc: settings.hourUtc, includeNewDay: newDay });
          if (newDay) lastDigestDay = day;
          if (run.sent + run.failed + run.gaveUp > 0) {
            log.log(`Daily digest: ${run.sent} sent, ${run.failed} failed (to be retried), ${run.gaveUp} given up.`);
          }
        }
      } catch (error) {
        log.error("The daily notifications job failed; it runs again at the next check.", error);
      } finally {
        running = false;
      }
    },
    stop() {
      stopped = true;
    },
  };
}

/** Starts the job's timers (unref'd: they never keep the process alive). */
export function startDailyJobs(settings: DailyJobSettings | null): DailyJobs | null {
  if (settings === null) return null;
  const jobs = createDailyJobs(settings);
  const first = setTimeout(() => void jobs.tick(), FIRST_RUN_MS);
  const every = setInterval(() => void jobs.tick(), TICK_MS);
  first.unref();
  every.unref();
  return {
    tick: jobs.tick,
    stop() {
      clearTimeout(first);
      clearInterval(every);
      jobs.stop();
    },
  };
}
