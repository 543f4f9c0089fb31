import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ROLE_HOME } from "../domain/permissions.ts";
import { getCsrfToken } from "../services/auth.server.ts";
import { getEnv, getOidcSettings } from "../lib/env.server.ts";
import { safeRedirectPath } from "../lib/request.server.ts";
import { getSessionUser } from "../services/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Candor" }];

// Single sign-on refusals (app/domain/sso-sign-in.ts): the person has already proved who they
// are to the company's provider, so each gets the reason and what to do about it.
const CODE_MESSAGES: Record<string, string> = {
  sso_unknown:
    "Your single sign-on account is not a Candor user. Ask your Candor admin to add you with the email address your company account uses.",
  sso_deactivated: "Your Candor account is deactivated. Ask your Candor admin if you need access again.",
  sso_unverified:
    "Your identity provider has not verified your email address, so Candor cannot match it to an account. Ask your IT team to verify it.",
  sso_no_email:
    "Your identity provider did not share an email address with Candor. Ask your IT team to release the email scope to Candor.",
  sso_expired: "That single sign-on answer had expired or was already used. Please sign in again.",
  sso_invalid:
    "Candor could not trust the identity provider's answer (it was issued by another provider or for another application). Please try again; if it keeps happening, tell your Candor admin.",
  sso_denied: "Your identity provider did not sign you in to Candor. Please try again.",
  sso_unavailable:
    "Single sign-on is not available right now. Try again in a few minutes; if it keeps happening, tell your Candor admin.",
  password_off: "Password sign-in is turned off for Candor. Sign in with your company account instead.",
};

function messageFor(error: string | null, code: string | null): string | null {
  if (!error) return null;
  const throttled = code?.match(/^throttled_(\d+)$/);
  if (throttled) {
    const minutes = Number(throttled[1]);
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  const known = code ? CODE_MESSAGES[code] : undefined;
  if (known) return known;
  if (error === "CredentialsSignin") return "That email and password do not match an active account.";
  return "Sign-in did not work. Please try again.";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"));
  const user = await getSessionUser(request);
  if (user) throw redirect(redirectTo ?? ROLE_HOME[user.role]);
  const { csrfToken, setCookies } = await getCsrfToken(request);
  const sso = getOidcSettings();
  const headers = new Headers({ "cache-control": "no-store" });
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  return data(
    {
      csrfToken,
      redirectTo: redirectTo ?? "/",
      message: messageFor(url.searchParams.get("error"), url.searchParams.get("code")),
      signedOut: url.searchParams.has("signedOut"),
      ssoName: sso?.name ?? null,
      passwordSignIn: getEnv().PASSWORD_SIGNIN === "on",
    },
    { headers },
  );
}

// A plain HTML form posting straight to Auth.js's credentials callback: it works
// without JavaScript, and scripts can sign in the same way (README).
export default function Login() {
  const { csrfToken, redirectTo, message, signedOut, ssoName, passwordSignIn } = useLoaderData<typeof loader>();
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
        {ssoName ? (
          // Auth.js starts the provider's flow from a POST carrying its csrf token; a plain
          // form does that without JavaScript.
          <form method="post" action="/auth/signin/oidc" aria-describedby={message ? "login-error" : undefined}>
            <input type="hidden" name="csrfToken" value={csrfToken} />
            <input type="hidden" name="callbackUrl" value={redirectTo} />
            <button
              type="submit"
              className={passwordSignIn ? "button secondary" : "button"}
              autoFocus={!passwordSignIn}
            >
              {ssoName}
            </button>
          </form>
        ) : null}
        {ssoName && passwordSignIn ? <p className="muted small">or with your Candor password:</p> : null}
        {passwordSignIn ? (
          <form
            method="post"
            action="/auth/callback/credentials"
            className="stack"
            aria-describedby={message ? "login-error" : undefined}
          >
            <input type="hidden" name="csrfToken" value={csrfToken} />
            <input type="hidden" name="callbackUrl" value={redirectTo} />
            <div className="field">
              <label htmlFor="email">Email</label>
              <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} autoFocus />
            </div>
            <div className="field">
              <label htmlFor="password">Password</label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={200}
              />
            </div>
            <button type="submit" className="button">
              Sign in
            </button>
          </form>
        ) : null}
        <p className="muted small">
          {passwordSignIn
            ? "Accounts are created by an administrator. Forgotten your password? Ask your Candor admin to reset it."
            : "Accounts are created by an administrator; you sign in with your company account."}
        </p>
      </div>
    </main>
  );
}
