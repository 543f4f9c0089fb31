import { randomBytes, randomUUID } from "node:crypto";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import {
  ALLOWED_METHODS,
  CROSS_SITE_MESSAGE,
  METHOD_MESSAGE,
  bodyLimitFor,
  isAllowedMethod,
  isApiPath,
  isSameOriginRequest,
  tooLargeMessage,
  trustedProtocol,
} from "./http-policy.ts";

// Express middleware that runs before Remix: each request gets a trusted client address and
// scheme, a request id and a CSP nonce; refused requests are answered here, so no route reads
// a body that is too large, from another site, or sent with a method Candor does not use.

declare module "express-serve-static-core" {
  interface Locals {
    cspNonce: string;
  }
}

/**
 * Answers with one plain sentence: JSON `{ "error", "problems" }` on the API's addresses, a
 * small page for a browser, JSON for Remix's own data requests (`?_data=`, so the route's error
 * boundary shows the sentence), text otherwise.
 */
export function refuse(req: Request, res: Response, status: number, message: string) {
  res.status(status).setHeader("Cache-Control", "no-store");
  if (isApiPath(req.path)) {
    res.json({ error: message, problems: [] });
  } else if (typeof req.query._data === "string") {
    res.setHeader("X-Remix-Catch", "yes");
    res.json({ message });
  } else if (req.accepts(["text/plain", "text/html"]) === "text/html") {
    const escaped = message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    res
      .type("html")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Candor</title></head><body><main><h1>Candor</h1><p>${escaped}</p><p><a href="/">Back to Candor</a></p></main></body></html>`,
      );
  } else {
    res.type("text/plain").send(message);
  }
}

/**
 * Decides the client's address and scheme from the socket and the configured number of trusted
 * proxy hops, then rewrites the forwarding headers so everything downstream (Remix's request
 * URL, Auth.js's secure-cookie choice, the audit log) sees the same trusted values.
 */
export function trustedClient(hops: number): RequestHandler {
  return (req, res, next) => {
    const forwardedProto = req.headers["x-forwarded-proto"];
    const protocol = trustedProtocol(
      hops,
      "encrypted" in req.socket && req.socket.encrypted === true,
      Array.isArray(forwardedProto) ? forwardedProto.join(",") : forwardedProto,
    );
    // Express reads the leftmost X-Forwarded-Proto when a proxy is trusted; leave it only the trusted value.
    if (hops > 0) req.headers["x-forwarded-proto"] = protocol;
    else delete req.headers["x-forwarded-proto"];
    // The proxy must pass the Host header through; a client-written X-Forwarded-Host is never used.
    delete req.headers["x-forwarded-host"];
    const requestId = randomUUID();
    req.headers["x-candor-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
}

/** X-Candor-Worker: the pid of the process that answered (tests and benchmarks only, server/app.ts). */
export const namesWorker: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Candor-Worker", String(process.pid));
  next();
};

export const allowedMethods: RequestHandler = (req, res, next) => {
  if (isAllowedMethod(req.method)) return next();
  res.setHeader("Allow", ALLOWED_METHODS.join(", "));
  refuse(req, res, 405, METHOD_MESSAGE);
};

export const sameOriginOnly: RequestHandler = (req, res, next) => {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : null;
  };
  const allowed = isSameOriginRequest({
    method: req.method,
    pathname: req.path,
    origin: header("origin"),
    fetchSite: header("sec-fetch-site"),
    ownOrigin: `${req.protocol}://${req.get("host") ?? ""}`,
  });
  if (!allowed) return refuse(req, res, 403, CROSS_SITE_MESSAGE);
  // Only the public survey page gets here with `Origin: null` (its no-referrer policy); Remix's
  // own origin check would refuse that, and the page acts on no session, only on its token.
  if (req.headers.origin === "null") delete req.headers.origin;
  next();
};

/**
 * Reads the whole body, up to the route's limit, before Remix parses anything: a declared
 * Content-Length over the limit is refused without reading a byte, and a body without one
 * (chunked) is counted as it arrives. Refusals close the connection rather than drain an
 * upload nobody will read. The bytes are kept on `req.body` for the Remix handler.
 */
export const boundedBody: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path);
  const stop = (status: number, message: string) => {
    req.removeAllListeners("data");
    res.setHeader("Connection", "close");
    res.on("finish", () => req.socket.destroy());
    refuse(req, res, status, message);
  };
  const declared = req.headers["content-length"];
  if (declared !== undefined && !(Number(declared) <= limit)) return stop(413, tooLargeMessage(limit));
  if (req.headers["content-encoding"] && req.headers["content-encoding"] !== "identity") {
    return stop(415, "Candor does not accept compressed request bodies.");
  }
  const parts: Buffer[] = [];
  let received = 0;
  let done = false;
  req.on("data", (part: Buffer) => {
    if (done) return;
    received += part.length;
    if (received > limit) {
      done = true;
      return stop(413, tooLargeMessage(limit));
    }
    parts.push(part);
  });
  req.on("end", () => {
    if (done) return;
    done = true;
    req.body = Buffer.concat(parts);
    next();
  });
  req.on("error", () => {
    if (done) return;
    done = true;
    // The client stopped sending, or sent less than it declared.
    if (!res.headersSent) stop(400, "The request body could not be read. Try again.");
  });
};

/**
 * The single sign-on button posts to Candor, which redirects the browser to the identity
 * provider's authorization endpoint; browsers hold that redirect to form-action too, so the
 * provider's origin (OIDC_ISSUER's, as for Okta, Entra ID, Google and Keycloak) is allowed.
 */
function identityProviderOrigins(): string[] {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}

/** Headers for every response; HSTS only when the client reached Candor over HTTPS. */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        // Remix's hydration scripts are inline; each response's nonce lets only those run.
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        // React renders style attributes (chart sizes, progress bars); no inline <style> is used.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'", ...identityProviderOrigins()],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: true });
  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.protocol === "https") return hsts(req, res, next);
      next();
    });
  };
}

/** The last resort: an unexpected error still gets a sentence, and the log gets the details. */
export const unexpectedError: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  console.error(
    `[server] ${req.method} ${req.path} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  refuse(
    req,
    res,
    500,
    "Something went wrong on Candor's side. Try again; if it keeps happening, tell your Candor admin.",
  );
};
