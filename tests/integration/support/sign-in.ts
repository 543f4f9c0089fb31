import { handleAuthRequest } from "../../../app/services/auth.server.ts";
import { CookieJar } from "../../support/cookie-jar.ts";

export const ORIGIN = "http://candor.test";

export interface SignInAttempt {
  response: Response;
  /** Where Auth.js sends the browser next. */
  location: string;
  cookie: string;
}

/** Signs in through Auth.js exactly as the sign-in form and curl scripts do: csrf, then the credentials callback. */
export async function attemptSignIn(
  email: string,
  password: string,
  {
    clientIp = "203.0.113.70",
    origin = ORIGIN,
    callbackUrl = "/",
  }: { clientIp?: string; origin?: string; callbackUrl?: string } = {},
): Promise<SignInAttempt> {
  const headers = { "x-candor-client-ip": clientIp };
  const jar = new CookieJar();
  const csrf = await handleAuthRequest(new Request(`${origin}/auth/csrf`, { headers }));
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await handleAuthRequest(
    new Request(`${origin}/auth/callback/credentials`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl }),
    }),
  );
  jar.keep(response);
  return { response, location: response.headers.get("location") ?? "", cookie: jar.header() };
}

/** Signs a demo account in and returns its cookie header. */
export async function signIn(email: string, clientIp = "203.0.113.70"): Promise<string> {
  return (await attemptSignIn(email, "candor-demo", { clientIp })).cookie;
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
