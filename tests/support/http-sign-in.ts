import { CookieJar } from "./cookie-jar.ts";

// Signing a demo account in over HTTP against a running server, as a browser does: Auth.js's csrf
// token, then the credentials callback. The benchmark and the load check sign in this way.

type Send = (url: string, init?: RequestInit) => Promise<Response>;

/** The session cookie header of `email` (password candor-demo) at the server on `origin`. */
export async function signInOverHttp(origin: string, email: string, send: Send = fetch): Promise<string> {
  const jar = new CookieJar();
  const csrf = await send(`${origin}/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await send(`${origin}/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin },
    body: new URLSearchParams({ csrfToken, email, password: "candor-demo", callbackUrl: "/" }),
  });
  await response.arrayBuffer();
  const cookie = jar.keep(response).header();
  if (!cookie.includes("session-token=")) throw new Error(`Could not sign in as ${email} (${response.status})`);
  return cookie;
}
