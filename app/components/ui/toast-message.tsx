import { useEffect, useState } from "react";

export function ToastMessage({ toast }: { toast: { kind: "success" | "error" | "info"; message: string } }) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!visible) return null;
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <span>{toast.message}</span>
      <button type="button" className="link-button" onClick={() => setVisible(false)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
