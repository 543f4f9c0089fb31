import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "../components/error-page.tsx";
import { navItemsFor } from "../components/nav-items.ts";
import { ROLE_LABEL } from "../domain/permissions.ts";
import { requireUser } from "../lib/session.server.ts";
import { countOpenDisputesFor } from "../models/disputes.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // One COUNT for those who resolve disputes (PRODUCT.md §8); nothing for everyone else.
  const openDisputes = await countOpenDisputesFor(user);
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role }, nav: navItemsFor(user, { openDisputes }) };
}

function Shell({ children }: { children: React.ReactNode }) {
  const { user, nav } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="shell-header">
        <div className="shell-header-inner">
          <a className="brand" href="/">
            Candor
          </a>
          <nav className="nav" aria-label="Main">
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to} prefetch="intent" end={item.to === "/claims"}>
                {item.label}
                {item.count ? (
                  <>
                    {" "}
                    <span className="badge warn">{item.count}</span>
                    <span className="visually-hidden"> open</span>
                  </>
                ) : null}
              </NavLink>
            ))}
          </nav>
          <div className="shell-user">
            <span>
              {user.name} <span className="small">({ROLE_LABEL[user.role]})</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit">Sign out</button>
            </Form>
          </div>
        </div>
      </header>
      <main className="page" id="main">
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
