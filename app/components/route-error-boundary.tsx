import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "./error-page.tsx";

/**
 * A child route's error boundary: a 403 or 404 thrown by the route's loader or
 * action renders here, inside the signed-in shell, rather than replacing it.
 */
export function RouteErrorBoundary() {
  return <ErrorPage error={useRouteError()} inLayout />;
}
