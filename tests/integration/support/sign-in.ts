import { handleAuthRequest } from "../../../app/lib/auth.server.ts";

export const ORIGIN = "http://candor.test";

/** Signs a demo account in through Auth.js, as the browser would, and returns its cookie header. */
export async function signIn(email: string, clientIp = "203.0.113.70"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const [name = "", ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  const headers = { "x-candor-client-ip": clientIp };
  const csrf = await handleAuthRequest(new Request(`${ORIGIN}/auth/csrf`, { headers }));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  keep(
    await handleAuthRequest(
      new Request(`${ORIGIN}/auth/callback/credentials`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
        body: new URLSearchParams({ csrfToken, email, password: "candor-demo", callbackUrl: "/" }),
      }),
    ),
  );
  return cookie();
}

const cookies = new Map<string, Promise<string>>();

/** One signed-in cookie per demo account for the whole test file. */
export function cookieFor(email: string): Promise<string> {
  let cookie = cookies.get(email);
  if (!cookie) cookies.set(email, (cookie = signIn(email)));
  return cookie;
}

/** What a loader or action threw or returned, so a test can look at a refusal without try/catch. */
export async function settle<T>(run: () => Promise<T>): Promise<T | unknown> {
  return run().catch((error: unknown) => error);
}
