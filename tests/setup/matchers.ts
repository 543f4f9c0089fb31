import { expect } from "vitest";

// What the integration tests ask of a loader's or action's answer, said once:
//   expect(outcome).toHaveRedirect("/claims/…")          a redirect (302 unless told) to that place
//   await expect(outcome).toSendToast("Saved.")         a response carrying that one-time message
// The outcome is what the route returned or threw (settle() in support/sign-in.ts gives either).

interface CandorMatchers<R = unknown> {
  toHaveRedirect(location: string | RegExp, status?: number): R;
  toSendToast(message: string | RegExp): R;
}

// The augmentation must repeat vitest's own declaration, `any` default included.
declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends CandorMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CandorMatchers {}
}

const matches = (actual: string, expected: string | RegExp) =>
  typeof expected === "string" ? actual === expected : expected.test(actual);

/** The toast a redirect carries, read back the way the next page reads it (app/lib/toast.server.ts). */
async function toastOf(response: Response) {
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0] ?? "")
    .join("; ");
  const { getToast } = await import("../../app/lib/toast.server.ts");
  return (await getToast(new Request("http://candor.test/", { headers: { cookie } }))).toast;
}

expect.extend({
  toHaveRedirect(received: unknown, location: string | RegExp, status = 302) {
    if (!(received instanceof Response)) {
      return { pass: false, message: () => `expected a redirect Response, got ${this.utils.printReceived(received)}` };
    }
    const actual = received.headers.get("location") ?? "";
    const pass = received.status === status && matches(actual, location);
    return {
      pass,
      message: () =>
        `expected ${this.isNot ? "no " : ""}${status} redirect to ${String(location)}, got ${received.status} to "${actual}"`,
    };
  },
  async toSendToast(received: unknown, message: string | RegExp) {
    if (!(received instanceof Response)) {
      return {
        pass: false,
        message: () => `expected a Response with a toast, got ${this.utils.printReceived(received)}`,
      };
    }
    const toast = await toastOf(received);
    const pass = toast !== null && matches(toast.message, message);
    return {
      pass,
      message: () =>
        `expected ${this.isNot ? "no " : ""}toast ${String(message)}, got ${toast === null ? "none" : `"${toast.message}"`}`,
    };
  },
});
