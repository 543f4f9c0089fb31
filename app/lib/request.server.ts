import { randomUUID } from "node:crypto";

// server.ts overwrites this header with the socket's address on every request,
// so a client cannot forge it (see server.ts).
export const CLIENT_IP_HEADER = "x-candor-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

export function getClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

const requestIds = new WeakMap<Request, string>();

/** The id server.ts gave the request, or one made up for requests built in-process. */
export function getRequestId(request: Request): string {
  const fromServer = request.headers.get(REQUEST_ID_HEADER);
  if (fromServer) return fromServer;
  let id = requestIds.get(request);
  if (!id) {
    id = randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto");
  if (forwarded) return forwarded.split(",")[0]?.trim() === "https";
  return new URL(request.url).protocol === "https:";
}

/** A same-site path to go back to after sign-in; anything else becomes null. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (value.startsWith("/auth") || value.startsWith("/login") || value.startsWith("/logout")) return null;
  return value;
}
