import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { RESTART_LIMIT, isCrash, mayRestart } from "./cluster-policy.ts";

// `npm start` with WEB_CONCURRENCY above 1 (ADR 020): this process, the primary, has already
// checked the settings, claimed the database, migrated and seeded; it now forks the workers that
// serve (server/worker.ts) on one port — node:cluster hands each new connection to the next
// worker — starts a crashed one again (within RESTART_LIMIT), and stops them all on SIGTERM or
// SIGINT. The primary itself opens no database connection and answers no request.

const WORKER_ENTRY = path.join(import.meta.dirname, "worker.ts");
/** How long workers get to finish the requests in flight before they are killed. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface WorkersOptions {
  count: number;
  port: number;
}

export function serveWithWorkers({ count, port }: WorkersOptions): Promise<void> {
  // Workers run worker.ts under the same loader (tsx) as this process, whatever script started
  // it: `npm start`, the end-to-end server or the load check.
  cluster.setupPrimary({ exec: WORKER_ENTRY, execArgv: process.execArgv });
  const restarts: number[] = [];
  const slots = new Map<Worker, number>();
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  let ready: () => void = () => {};
  const allListening = new Promise<void>((resolve) => (ready = resolve));

  const fork = (slot: number) => {
    // CANDOR_WORKER_INDEX (0…count-1) lets work that must happen once per server run in one worker.
    const worker = cluster.fork({ PORT: String(port), CANDOR_WORKER_INDEX: String(slot) });
    slots.set(worker, slot);
    worker.once("listening", (address) => {
      // A worker started again later finds the others serving; only the first start announces.
      if (listening === count) return;
      listening++;
      if (listening === count) {
        // The port the workers share (PORT=0 lets the system choose one, as the tests do).
        console.log(`Candor is serving on http://localhost:${address.port} with ${count} worker processes`);
        ready();
      }
    });
    worker.once("exit", (code, signal) => {
      slots.delete(worker);
      if (stopping) {
        if (slots.size === 0) process.exit(exitCode);
        return;
      }
      const exit = { code, signal };
      if (!isCrash(exit)) {
        // A worker stopped on request (someone sent it SIGTERM): serve on with the others.
        if (slots.size === 0) process.exit(0);
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (listening < count) {
        // Before every worker has started, a crash is a start-up failure that would repeat.
        console.error(
          `Candor cannot start: worker process ${worker.process.pid} ${how} before it could serve. See the errors above.`,
        );
        stop(1);
        return;
      }
      if (!mayRestart(restarts, Date.now())) {
        console.error(
          `Candor stops: worker process ${worker.process.pid} ${how}, and workers have crashed ${RESTART_LIMIT.restarts} times within ${RESTART_LIMIT.windowMs / 1000} s. See the errors above.`,
        );
        stop(1);
        return;
      }
      restarts.push(Date.now());
      console.error(`Worker process ${worker.process.pid} ${how}; starting another.`);
      fork(slot);
    });
  };

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (slots.size === 0) process.exit(exitCode);
    // Each worker closes its server and exits 0 once its requests are answered (server.ts).
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
    }, SHUTDOWN_GRACE_MS).unref();
  };
  // `on`, not `once`: a signal sent to the whole process group and relayed by tsx arrives twice,
  // and the second must not end the primary before its workers have stopped and the database
  // lock has been released.
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));

  for (let slot = 0; slot < count; slot++) fork(slot);
  return allListening;
}
