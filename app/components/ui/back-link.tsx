import { Link } from "@remix-run/react";

/** The link back up to the page this one belongs to, above the page's heading: "← All products". */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p className="small">
      <Link to={to}>← {label}</Link>
    </p>
  );
}
