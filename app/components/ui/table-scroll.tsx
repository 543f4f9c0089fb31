import { useRef, type ReactNode } from "react";
import { useHorizontalOverflow } from "../data-table/use-overflow.ts";

/**
 * The sideways scroll box around a table that may be wider than the screen (a phone is 390 px).
 * It is a named region, and a Tab stop while it has something to scroll, so a keyboard user can
 * scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable) — the same rule as the data
 * table's scroller. `label` names the region; use the table's caption.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useHorizontalOverflow(ref);
  return (
    <div ref={ref} className="table-wrap" role="region" aria-label={label} tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}
