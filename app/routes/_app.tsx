import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { ErrorPage } from "../components/error-page.tsx";
import { arrangeNav, currentNavTarget } from "../components/nav-groups.ts";
import { navItemsFor } from "../components/nav-items.ts";
import { NavItemLabel, NavMenu } from "../components/nav-menu.tsx";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { requireUser } from "../services/session.server.ts";
import { countOpenDisputesFor } from "../models/disputes.server.ts";
import { countUnread } from "../models/notifications.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // One COUNT for those who resolve disputes, and one of the reader's unread notifications on
  // the (userId, readAt, createdAt) index (PRODUCT.md §8).
  const [openDisputes, unreadNotifications] = await Promise.all([countOpenDisputesFor(user), countUnread(user.id)]);
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    nav: navItemsFor(user, { openDisputes, unreadNotifications }),
  };
}

function Shell({ children }: { children: React.ReactNode }) {
  const { user, nav } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const current = currentNavTarget(pathname, nav);
  return (
    <>
      {/* The first Tab stop of every signed-in page (WCAG 2.4.1): past the navigation to the page. */}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <div className="shell-header-inner">
          <a className="brand" href="/">
            Candor
          </a>
          <nav className="nav" aria-label="Main">
            <ul className="nav-list">
              {arrangeNav(nav).map((entry) =>
                entry.kind === "link" ? (
                  <li key={entry.item.to}>
                    <Link
                      to={entry.item.to}
                      prefetch="intent"
                      aria-current={entry.item.to === current ? "page" : undefined}
                      className={entry.item.to === current ? "active" : undefined}
                    >
                      <NavItemLabel item={entry.item} />
                    </Link>
                  </li>
                ) : (
                  <li key={entry.menu.id}>
                    {/* Keyed by the address, so a menu closes when one of its links is followed. */}
                    <NavMenu key={pathname} menu={entry.menu} current={current} />
                  </li>
                ),
              )}
            </ul>
          </nav>
          <div className="shell-user">
            <span className="shell-user-name">
              {user.name} <span className="shell-user-role">{ROLE_LABEL[user.role]}</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit">Sign out</button>
            </Form>
          </div>
        </div>
      </header>
      {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
      <main className="page" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export default function AppLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  // The layout's own loader may have failed, so render the error without the shell.
  return <ErrorPage error={useRouteError()} />;
}
