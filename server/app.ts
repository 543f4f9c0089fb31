import path from "node:path";
import compression from "compression";
import express, { type RequestHandler } from "express";
import {
  allowedMethods,
  boundedBody,
  namesWorker,
  sameOriginOnly,
  securityHeaders,
  trustedClient,
  unexpectedError,
} from "./guards.ts";

export interface CandorAppOptions {
  /** The build folder whose client/ assets are served as static files. */
  buildDir: string;
  /** TRUST_PROXY: how many reverse proxies stand in front of Candor. */
  trustedHops: number;
  /** What answers the requests that pass the guards: Remix, or a stand-in in tests. */
  handler: RequestHandler;
  /**
   * Tests and the benchmarks only: name the serving process in an `X-Candor-Worker` header, to
   * see that several workers answer (ADR 020). Off unless CANDOR_WORKER_HEADER=1.
   */
  workerHeader?: boolean;
}

/** The Express application in front of Remix, in the order its guards must run. */
export function createCandorApp({
  buildDir,
  trustedHops,
  handler,
  workerHeader = process.env.CANDOR_WORKER_HEADER === "1",
}: CandorAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Behind N reverse proxies, the client is the address the outermost of them saw.
  app.set("trust proxy", trustedHops);
  app.use(trustedClient(trustedHops));
  if (workerHeader) app.use(namesWorker);
  app.use(securityHeaders());
  app.use(allowedMethods);
  // gzip level 1, as nginx does by default: pages are rendered per request, and level 6 (zlib's
  // default) cost the company-wide dashboard's HTML about six times the CPU of level 1 for a
  // response about a sixth smaller. Static assets are cached by browsers for a year (below).
  app.use(compression({ level: 1 }));
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  // Both refusals come before the body is read, so a refused request costs no parsing.
  app.use(sameOriginOnly);
  app.use(boundedBody);
  app.all("*", handler);
  app.use(unexpectedError);
  return app;
}
