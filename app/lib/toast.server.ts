import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv } from "./env.server.ts";

export interface Toast {
  kind: "success" | "error" | "info";
  message: string;
}

type ToastStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: Toast }>>;
let storage: ToastStorage | undefined;
function toastStorage() {
  storage ??= createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
    cookie: {
      name: "candor_toast",
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secrets: [getEnv().SESSION_SECRET],
    },
  });
  return storage;
}

/** Redirect and show a one-time message on the next page. */
export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit): Promise<Response> {
  const session = await toastStorage().getSession();
  session.flash("toast", toast);
  const headers = new Headers(init?.headers);
  headers.append("set-cookie", await toastStorage().commitSession(session));
  return redirect(url, { ...init, headers });
}

/** The pending toast, if any, and the Set-Cookie that clears it. */
export async function getToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await toastStorage().getSession(request.headers.get("cookie"));
  const toast = session.get("toast") ?? null;
  return { toast, setCookie: toast ? await toastStorage().commitSession(session) : null };
}
