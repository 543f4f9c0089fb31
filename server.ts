import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getEnv } from "./app/lib/env.server.ts";

// The production server: remix-serve plus the two things it cannot do for us —
// give each request a trusted client address (for sign-in throttling and the
// audit log) and a request id, and send security headers.

const buildDir = path.resolve(import.meta.dirname, process.env.CANDOR_BUILD_DIR ?? "build");
const buildPath = path.join(buildDir, "server/index.js");

export async function startServer(port: number) {
  // Fail at start-up, with a message naming the variable, rather than on the first request.
  getEnv();
  const build = (await import(buildPath)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, set TRUST_PROXY=1 so the client address comes from X-Forwarded-For.
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  app.use(compression());
  app.use((req, res, next) => {
    const requestId = randomUUID();
    req.headers["x-candor-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    if (req.path.startsWith("/survey/")) {
      // The public survey page sends its own, stricter policy (no-referrer, so its token never
      // leaks). Under that policy browsers send `Origin: null` with the page's form posts, which
      // Remix's CSRF check refuses; the page acts on no session, only on the token in its address.
      if (req.method === "POST" && req.headers.origin === "null") delete req.headers.origin;
    } else {
      res.setHeader("Referrer-Policy", "same-origin");
    }
    next();
  });
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  return new Promise<void>((resolve) => {
    const server = app.listen(port, () => {
      console.log(`Candor is serving on http://localhost:${port}`);
      resolve();
    });
    const stop = () => server.close(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
