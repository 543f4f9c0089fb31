import { describe, expect, it } from "vitest";
import { MAX_WORKERS, isCrash, mayRestart, workerCountFrom } from "./cluster-policy.ts";

describe("WEB_CONCURRENCY", () => {
  it("defaults to one worker per CPU core", () => {
    expect(workerCountFrom(undefined, 2)).toEqual({ ok: true, count: 2 });
    expect(workerCountFrom("", 8)).toEqual({ ok: true, count: 8 });
    expect(workerCountFrom("  ", 4)).toEqual({ ok: true, count: 4 });
  });

  it("keeps at least one and at most MAX_WORKERS when counting cores", () => {
    expect(workerCountFrom(undefined, 0)).toEqual({ ok: true, count: 1 });
    expect(workerCountFrom(undefined, 128)).toEqual({ ok: true, count: MAX_WORKERS });
  });

  it("takes a whole number of workers, 1 meaning a single process", () => {
    expect(workerCountFrom("1", 8)).toEqual({ ok: true, count: 1 });
    expect(workerCountFrom("3", 2)).toEqual({ ok: true, count: 3 });
    expect(workerCountFrom(String(MAX_WORKERS), 2)).toEqual({ ok: true, count: MAX_WORKERS });
  });

  it("refuses anything else with a sentence naming the variable and the value", () => {
    for (const value of ["0", "-1", "1.5", "two", "2 workers", String(MAX_WORKERS + 1)]) {
      const result = workerCountFrom(value, 2);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.problem).toBe(
          `WEB_CONCURRENCY must be a whole number of worker processes from 1 to ${MAX_WORKERS} (it is "${value}"); leave it unset for one per CPU core.`,
        );
    }
  });
});

describe("restarting workers", () => {
  it("counts only an exit 0 without a signal as asked for", () => {
    expect(isCrash({ code: 0, signal: null })).toBe(false);
    expect(isCrash({ code: 1, signal: null })).toBe(true);
    expect(isCrash({ code: null, signal: "SIGKILL" })).toBe(true);
    expect(isCrash({ code: null, signal: "SIGTERM" })).toBe(true);
  });

  it("restarts up to the limit within the window, then refuses", () => {
    const limit = { restarts: 3, windowMs: 60_000 };
    const now = 1_000_000;
    expect(mayRestart([], now, limit)).toBe(true);
    expect(mayRestart([now - 1000, now - 2000], now, limit)).toBe(true);
    expect(mayRestart([now - 1000, now - 2000, now - 3000], now, limit)).toBe(false);
  });

  it("forgets restarts older than the window", () => {
    const limit = { restarts: 3, windowMs: 60_000 };
    const now = 1_000_000;
    expect(mayRestart([now - 60_000, now - 70_000, now - 1000], now, limit)).toBe(true);
  });
});
