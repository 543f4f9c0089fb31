import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCandorApp } from "../../server/app.ts";
import { FORM_BODY_LIMIT } from "../../server/http-policy.ts";

// The guards in front of Remix, on a real Express server over real HTTP. A stand-in handler
// answers in Remix's place with what reached it, so each test sees exactly what a route would.

interface Seen {
  ip: string | undefined;
  url: string;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
  bodyBytes: number;
}

const echo: RequestHandler = (req, res) => {
  const seen: Seen = {
    ip: req.headers["x-candor-client-ip"] as string | undefined,
    url: `${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`,
    forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
    forwardedHost: req.headers["x-forwarded-host"] as string | undefined,
    bodyBytes: Buffer.isBuffer(req.body) ? req.body.length : 0,
  };
  res.json(seen);
};

const servers: Server[] = [];
async function start(trustedHops: number): Promise<number> {
  const app = createCandorApp({ buildDir: path.join(import.meta.dirname, "no-build"), trustedHops, handler: echo });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function send(
  port: number,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; chunks?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Node's client sends no Content-Length for an OPTIONS or DELETE body unless told to.
    const length = options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {};
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path: pathname, headers: { ...length, ...options.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString("utf8") }),
        );
      },
    );
    // A refused upload may be answered and closed before the client has sent it all.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    if (options.chunks) {
      const chunk = Buffer.alloc(64 * 1024, "a");
      for (let i = 0; i < options.chunks; i++) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

let direct = 0;
let behindOneProxy = 0;
beforeAll(async () => {
  direct = await start(0);
  behindOneProxy = await start(1);
});
afterAll(() => {
  for (const server of servers) server.close();
});

const form = { "content-type": "application/x-www-form-urlencoded" };

describe("request bodies are bounded before anything parses them", () => {
  it("refuses a declared oversized form body with 413 and a sentence, without reading it", async () => {
    const answer = await send(direct, "POST", "/auth/callback/credentials", {
      headers: { ...form, "content-length": String(50 * 1024 * 1024) },
      body: "email=a",
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/larger than Candor accepts here \(256 KB\)/);
  });

  it("refuses a chunked body that grows past the limit while it arrives", async () => {
    const answer = await send(direct, "POST", "/survey/abc", { headers: { ...form, accept: "text/html" }, chunks: 8 });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/text\/html/);
    expect(answer.text).toMatch(/nothing was saved/);
  });

  it("gives the upload routes, and only those, room for a 5 MB file", async () => {
    const upload = Buffer.alloc(1024 * 1024, "a");
    const imported = await send(direct, "POST", "/deals/import", { headers: form, body: upload });
    expect(imported.status).toBe(200);
    expect((JSON.parse(imported.text) as Seen).bodyBytes).toBe(upload.length);
    expect((await send(direct, "POST", "/deals/import/../../claims/new", { headers: form, body: upload })).status).toBe(
      413,
    );
    expect(
      (await send(direct, "POST", "/claims/new", { headers: form, body: Buffer.alloc(FORM_BODY_LIMIT + 1, "a") }))
        .status,
    ).toBe(413);
  });

  it("answers Remix's data requests in JSON the route's error boundary can show", async () => {
    const answer = await send(direct, "POST", "/claims/new?_data=routes%2F_app.claims.new", {
      headers: { ...form, "content-length": String(FORM_BODY_LIMIT + 1) },
      body: "x",
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["x-remix-catch"]).toBe("yes");
    expect(JSON.parse(answer.text)).toEqual({ message: expect.stringMatching(/larger than Candor accepts/) });
  });
});

describe("only same-origin requests may change anything", () => {
  const own = (port: number) => `http://127.0.0.1:${port}`;

  it("refuses a POST from a foreign Origin on pages, data requests, resource routes and sign-out", async () => {
    for (const pathname of ["/logout", "/claims/new?_data=routes%2F_app.claims.new", "/claims.csv", "/auth/signout"]) {
      const answer = await send(direct, "POST", pathname, {
        headers: { ...form, origin: "https://evil.example" },
        body: "a=1",
      });
      expect(answer.status, pathname).toBe(403);
      expect(answer.text).toMatch(/did not come from a Candor page/);
    }
  });

  it("refuses a garbage Origin with 403 and a sentence, not a 500", async () => {
    const answer = await send(direct, "POST", "/logout", {
      headers: { ...form, origin: "::::not-an-origin" },
      body: "",
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/did not come from a Candor page/);
  });

  it("refuses a cross-site fetch that carries no Origin", async () => {
    const answer = await send(direct, "POST", "/logout", {
      headers: { ...form, "sec-fetch-site": "cross-site" },
      body: "",
    });
    expect(answer.status).toBe(403);
  });

  it("passes Candor's own pages, and Origin: null only on the public survey page", async () => {
    expect(
      (
        await send(direct, "POST", "/claims/new", {
          headers: { ...form, origin: own(direct), "sec-fetch-site": "same-origin" },
          body: "a=1",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(direct, "POST", "/survey/AbCd_123", {
          headers: { ...form, origin: "null", "sec-fetch-site": "same-origin" },
          body: "a=1",
        })
      ).status,
    ).toBe(200);
    expect(
      (await send(direct, "POST", "/surveys/import", { headers: { ...form, origin: "null" }, body: "a=1" })).status,
    ).toBe(403);
    expect(
      (await send(direct, "POST", "/survey/a/b", { headers: { ...form, origin: "null" }, body: "a=1" })).status,
    ).toBe(403);
  });

  it("answers other methods with 405 instead of running an action", async () => {
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const answer = await send(direct, method, "/claims/new", {
        headers: { ...form, origin: own(direct) },
        body: "a=1",
      });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, POST");
      expect(answer.text).toMatch(/accept only GET and POST/);
    }
  });
});

describe("the client's address and scheme come from trusted hops only", () => {
  it("ignores forged forwarding headers when no proxy is trusted", async () => {
    const answer = await send(direct, "GET", "/home", {
      headers: { "x-forwarded-for": "198.51.100.9", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" },
    });
    const seen = JSON.parse(answer.text) as Seen;
    expect(seen.ip).toMatch(/127\.0\.0\.1$/);
    expect(seen.url).toBe(`http://127.0.0.1:${direct}/home`);
    expect(seen.forwardedProto).toBeUndefined();
    expect(seen.forwardedHost).toBeUndefined();
  });

  it("behind one proxy, takes the address and scheme that proxy saw, not what the client wrote before it", async () => {
    const answer = await send(behindOneProxy, "GET", "/home", {
      headers: { "x-forwarded-for": "203.0.113.66, 192.0.2.10", "x-forwarded-proto": "http, https" },
    });
    const seen = JSON.parse(answer.text) as Seen;
    expect(seen.ip).toBe("192.0.2.10");
    expect(seen.url).toBe(`https://127.0.0.1:${behindOneProxy}/home`);
    expect(seen.forwardedProto).toBe("https");
  });

  it("sends HSTS only to clients that came over HTTPS", async () => {
    const overHttps = await send(behindOneProxy, "GET", "/home", {
      headers: { "x-forwarded-for": "192.0.2.10", "x-forwarded-proto": "https" },
    });
    expect(overHttps.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const overHttp = await send(direct, "GET", "/home", { headers: { "x-forwarded-proto": "https" } });
    expect(overHttp.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("security headers", () => {
  it("sends a Content-Security-Policy that allows scripts only from Candor or with this response's nonce", async () => {
    const first = await send(direct, "GET", "/home");
    const second = await send(direct, "GET", "/home");
    const csp = String(first.headers["content-security-policy"]);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(second.headers["content-security-policy"]).not.toBe(csp);
    expect(first.headers["x-content-type-options"]).toBe("nosniff");
    expect(first.headers["x-frame-options"]).toBe("DENY");
    expect(first.headers["referrer-policy"]).toBe("same-origin");
  });
});
