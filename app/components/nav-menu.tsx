// The main navigation's disclosure menus (see nav-groups.ts): a <details>, so they open and
// every page stays reachable without JavaScript. With JavaScript, Escape and a click elsewhere
// close an open menu, and following a link closes it (the layout re-keys it by address).
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { NavMenuGroup } from "./nav-groups.ts";
import type { NavItem } from "./nav-items.ts";

export function NavItemLabel({ item }: { item: NavItem }) {
  return (
    <>
      {item.label}
      {item.count ? (
        <>
          {" "}
          <span className="badge warn">{item.count}</span>
          <span className="visually-hidden"> {item.countLabel ?? "open"}</span>
        </>
      ) : null}
    </>
  );
}

export function NavMenu({ menu, current }: { menu: NavMenuGroup; current: string | null }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const holdsCurrent = menu.items.some((item) => item.to === current);
  const waiting = menu.items.reduce((sum, item) => sum + (item.count ?? 0), 0);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    document.addEventListener("click", closeOnOutsideClick);
    details.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("click", closeOnOutsideClick);
      details.removeEventListener("keydown", closeOnEscape);
    };
  }, []);

  return (
    <details className={`nav-menu${holdsCurrent ? " active" : ""}`} ref={ref}>
      <summary>
        {menu.label}
        {holdsCurrent ? <span className="visually-hidden"> (current page is here)</span> : null}
        {waiting ? (
          <>
            {" "}
            <span className="badge warn">{waiting}</span>
            <span className="visually-hidden"> waiting inside</span>
          </>
        ) : null}
      </summary>
      <ul className="nav-menu-list">
        {menu.items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              prefetch="intent"
              aria-current={item.to === current ? "page" : undefined}
              className={item.to === current ? "active" : undefined}
            >
              <NavItemLabel item={item} />
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
