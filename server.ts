import cluster from "node:cluster";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "./app/lib/env.server.ts";
import { createCandorApp } from "./server/app.ts";
import { buildDirectory } from "./server/build-directory.ts";
import { remixHandler } from "./server/remix-handler.ts";

// The production server: Remix behind the guards remix-serve lacks — a trusted client address
// and scheme, a request id, security headers, and refusals of requests no route should read
// (server/, docs/security.md, ADR 004).

const buildDir = buildDirectory(import.meta.dirname);
const buildPath = path.join(buildDir, "server/index.js");

export async function startServer(port: number) {
  // Fail at start-up, with a message naming the variable, rather than on the first request.
  const trustedHops = getEnv().TRUST_PROXY;
  const build = (await import(buildPath)) as ServerBuild;
  const app = createCandorApp({ buildDir, trustedHops, handler: remixHandler(build) });
  return new Promise<void>((resolve) => {
    const server = app.listen(port, () => {
      // Under several workers (server/cluster.ts) the primary announces the port once.
      if (!cluster.isWorker) console.log(`Candor is serving on http://localhost:${port}`);
      // The daily notifications scan and email digest (PRODUCT.md §8, ADR 017); DIGEST_HOUR_UTC=off disables it.
      // Under several workers only the first slot runs it (a restarted worker keeps its slot);
      // the job is safe in several processes at once, but one is enough.
      if (!cluster.isWorker || process.env.CANDOR_WORKER_INDEX === "0") {
        import("./app/services/daily-jobs.server.ts")
          .then(({ dailyJobSettings, startDailyJobs }) => startDailyJobs(dailyJobSettings(getEnv(), port)))
          .catch((error: unknown) => console.error("The daily notifications job could not start.", error));
      }
      resolve();
    });
    // A signal can arrive twice (sent to the process group and relayed by tsx or the cluster's
    // primary): the first closes the server, a second must not cut its last requests short.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
