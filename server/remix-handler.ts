import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler } from "express";
import { CoalescedStream } from "../app/lib/coalesced-stream.server.ts";
import { RECORD_QUERIES_HEADER, queryLogFile, recordingQueries } from "../app/lib/query-log.server.ts";

// Remix's Express adapter streams the body straight from the socket. Candor reads it first,
// bounded (server/guards.ts boundedBody), so the Request handed to Remix is built from those
// bytes. Every response Remix makes is private and uncached unless the route says otherwise:
// pages and exports carry people's claims, scores and pay.

function fetchHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

function toFetchRequest(req: ExpressRequest, signal: AbortSignal): Request {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const init: RequestInit = { method: req.method, headers: fetchHeaders(req), signal };
  if (req.method !== "GET" && req.method !== "HEAD")
    init.body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0);
  return new Request(url.href, init);
}

export function remixHandler(build: ServerBuild): RequestHandler {
  const handle = createRequestHandler(build, "production");
  const serve: RequestHandler = async (req, res, next) => {
    try {
      const controller = new AbortController();
      let finished = false;
      res.on("finish", () => (finished = true));
      res.on("close", () => finished || controller.abort());
      const response = await handle(toFetchRequest(req, controller.signal), { cspNonce: res.locals.cspNonce });
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) {
        // A route's own header replaces the server's default (the survey page's Referrer-Policy).
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      if (!response.headers.has("cache-control")) res.setHeader("Cache-Control", "private, no-store");
      if (response.body) {
        // What Remix writes in one turn of the event loop reaches gzip as one chunk, flushed
        // once, instead of one compressed and flushed chunk per write (app/lib/coalesced-stream.server.ts).
        const body = new CoalescedStream();
        body.pipe(res);
        body.on("data", () => (res as { flush?: () => void }).flush?.());
        await writeReadableStreamToWritable(response.body, body);
      } else res.end();
    } catch (error) {
      next(error);
    }
  };
  // Bench mode (CANDOR_QUERY_LOG set): a request that asks for it has its SQL statements logged
  // under its X-Request-Id, for the benchmark's SQL floor (app/lib/query-log.server.ts).
  if (!queryLogFile()) return serve;
  return (req, res, next) => {
    const requestId = req.headers["x-request-id"];
    if (req.headers[RECORD_QUERIES_HEADER] === undefined || typeof requestId !== "string") return serve(req, res, next);
    return recordingQueries(requestId, () => serve(req, res, next));
  };
}
