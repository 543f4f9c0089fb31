import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ROLE_HOME } from "../domain/permissions.ts";
import { getCsrfToken } from "../lib/auth.server.ts";
import { safeRedirectPath } from "../lib/request.server.ts";
import { getSessionUser } from "../lib/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Candor" }];

function messageFor(error: string | null, code: string | null): string | null {
  if (!error) return null;
  const throttled = code?.match(/^throttled_(\d+)$/);
  if (throttled) {
    const minutes = Number(throttled[1]);
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error === "CredentialsSignin") return "That email and password do not match an active account.";
  return "Sign-in did not work. Please try again.";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"));
  const user = await getSessionUser(request);
  if (user) throw redirect(redirectTo ?? ROLE_HOME[user.role]);
  const { csrfToken, setCookies } = await getCsrfToken(request);
  const headers = new Headers({ "cache-control": "no-store" });
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  return data(
    {
      csrfToken,
      redirectTo: redirectTo ?? "/",
      message: messageFor(url.searchParams.get("error"), url.searchParams.get("code")),
      signedOut: url.searchParams.has("signedOut"),
    },
    { headers },
  );
}

// A plain HTML form posting straight to Auth.js's credentials callback: it works
// without JavaScript, and scripts can sign in the same way (README).
export default function Login() {
  const { csrfToken, redirectTo, message, signedOut } = useLoaderData<typeof loader>();
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Sign in to Candor</h1>
        <p className="muted">Honest claims, product knowledge, happy customers.</p>
        {message ? (
          <p className="form-error" role="alert" id="login-error">
            {message}
          </p>
        ) : signedOut ? (
          <p role="status">You are signed out.</p>
        ) : null}
        <form method="post" action="/auth/callback/credentials" className="stack" aria-describedby={message ? "login-error" : undefined}>
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value={redirectTo} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} autoFocus />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
          </div>
          <button type="submit" className="button">
            Sign in
          </button>
        </form>
        <p className="muted small">Accounts are created by an administrator. Forgotten your password? Ask your Candor admin to reset it.</p>
      </div>
    </main>
  );
}
