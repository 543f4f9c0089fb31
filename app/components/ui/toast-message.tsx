// The one-time message after an action ("Claim logged"). It sits at the bottom of the window,
// clear of the header (the user's name and "Sign out" stay visible and clickable), fades after
// a few seconds and can be dismissed. The role=status region is always in the page, so a
// message that arrives after a client-side navigation is announced; an error is inserted as
// role=alert, which is announced on insertion (an always-present empty alert would only
// confuse pages that show their own alert).
import { useEffect, useState } from "react";

export interface ToastData {
  kind: "success" | "error" | "info";
  message: string;
}

const SHOWN_FOR_MS = 8000;

export function ToastMessage({ toast }: { toast: ToastData | null }) {
  const [dismissed, setDismissed] = useState<ToastData | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setDismissed(toast), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  const shown = toast && toast !== dismissed ? toast : null;
  const body = shown ? (
    <div className={`toast toast-${shown.kind}`}>
      <span className="toast-text">{shown.message}</span>
      <button type="button" className="toast-dismiss" onClick={() => setDismissed(shown)} aria-label="Dismiss message">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  ) : null;
  return (
    <div className="toast-region">
      <div role="status">{shown?.kind === "error" ? null : body}</div>
      {shown?.kind === "error" ? <div role="alert">{body}</div> : null}
    </div>
  );
}
