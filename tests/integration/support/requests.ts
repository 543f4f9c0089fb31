import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { cookieFor, ORIGIN } from "./sign-in.ts";

// The requests integration tests hand to loaders and actions: as a signed-in demo user, the
// way the browser sends them (a session cookie; a form body for POST).

/** A GET of `path` as `email`. */
export async function get(email: string, path: string): Promise<Request> {
  return new Request(`${ORIGIN}${path}`, { headers: { cookie: await cookieFor(email) } });
}

/**
 * A form POST to `path` as `email`; a field given a list is sent once per value, as checkboxes are.
 * FormData (a file upload) goes as it is, multipart.
 */
export async function post(
  email: string,
  path: string,
  fields: Record<string, string | readonly string[]> | URLSearchParams | FormData,
): Promise<Request> {
  const headers = { cookie: await cookieFor(email) };
  if (fields instanceof FormData) return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: fields });
  const body = new URLSearchParams();
  const entries = fields instanceof URLSearchParams ? [...fields.entries()] : Object.entries(fields);
  for (const [name, value] of entries)
    for (const item of typeof value === "string" ? [value] : value) body.append(name, item);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
}

/** The HTTP status of what a loader or action gave back: a Response, or data() with its init. */
export function statusOf(outcome: unknown): number | undefined {
  if (outcome instanceof Response) return outcome.status;
  return (outcome as { init?: { status?: number } | null } | null)?.init?.status;
}

/** The field errors of a form an action refused (400), as conform's result lists them. */
export function fieldErrorsOf(outcome: unknown): Record<string, string[] | undefined> {
  expect(statusOf(outcome)).toBe(400);
  return (outcome as { data: { result: { error: Record<string, string[] | undefined> } } }).data.result.error;
}

type Params = LoaderFunctionArgs["params"];

/** A route's loader as Remix runs it for a GET of `path` as `email`, with the route's `params`. */
export async function load<T>(
  loader: (args: LoaderFunctionArgs) => T,
  email: string,
  path: string,
  params: Params = {},
): Promise<Awaited<T>> {
  return await loader({ request: await get(email, path), params, context: {} });
}

/** A route's action as Remix runs it for a form POST of `fields` to `path` as `email`. */
export async function submit<T>(
  action: (args: ActionFunctionArgs) => T,
  email: string,
  path: string,
  fields: Parameters<typeof post>[2],
  params: Params = {},
): Promise<Awaited<T>> {
  return await action({ request: await post(email, path, fields), params, context: {} });
}
