import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "./components/error-page.tsx";
import { useNonce } from "./components/nonce.tsx";
import { ToastMessage } from "./components/ui/toast-message.tsx";
import { getClientEnv } from "./lib/env.server.ts";
import { getToast } from "./lib/toast.server.ts";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { toast, setCookie } = await getToast(request);
  return data({ toast, env: getClientEnv() }, setCookie ? { headers: { "set-cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  // After the page in the DOM, so the skip link stays the first Tab stop while a message shows.
  return (
    <>
      <Outlet />
      <ToastMessage toast={toast} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
