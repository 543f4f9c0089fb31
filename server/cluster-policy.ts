// The rules of the worker processes (ADR 020), kept pure so they are unit-tested apart from
// node:cluster: how many workers WEB_CONCURRENCY asks for, and whether a worker that died is
// started again.

/** More workers than this on one SQLite file only queue for its single writer. */
export const MAX_WORKERS = 32;

export type WorkerCount = { ok: true; count: number } | { ok: false; problem: string };

/**
 * WEB_CONCURRENCY: the number of worker processes that serve. Unset or empty: one per CPU core
 * (`cpus`, at least one). 1 keeps a single process, without a primary in front of it.
 */
export function workerCountFrom(setting: string | undefined, cpus: number): WorkerCount {
  const value = setting?.trim() ?? "";
  if (value === "") return { ok: true, count: Math.min(MAX_WORKERS, Math.max(1, Math.floor(cpus))) };
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS) {
    return {
      ok: false,
      problem: `WEB_CONCURRENCY must be a whole number of worker processes from 1 to ${MAX_WORKERS} (it is "${value}"); leave it unset for one per CPU core.`,
    };
  }
  return { ok: true, count: Number(value) };
}

export interface RestartLimit {
  /** At most this many restarts… */
  restarts: number;
  /** …within this many milliseconds. */
  windowMs: number;
}

/** Five restarts a minute: enough for a rare crash, not for a worker that dies as it starts. */
export const RESTART_LIMIT: RestartLimit = { restarts: 5, windowMs: 60_000 };

/** How a worker process ended: its exit code, or the signal that ended it. */
export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

/**
 * Whether a worker's end was asked for: it exits 0 after closing its server on SIGTERM or SIGINT.
 * Anything else (an uncaught error, an out-of-memory kill, SIGKILL) is a crash.
 */
export function isCrash(exit: WorkerExit): boolean {
  return !(exit.code === 0 && exit.signal === null);
}

/**
 * Whether a crashed worker is started again, given the times of the earlier restarts; when it
 * is, the caller records `now` among them.
 */
export function mayRestart(
  earlierRestarts: readonly number[],
  now: number,
  limit: RestartLimit = RESTART_LIMIT,
): boolean {
  const recent = earlierRestarts.filter((at) => now - at < limit.windowMs);
  return recent.length < limit.restarts;
}
