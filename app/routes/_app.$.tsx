import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireUser } from "../services/session.server.ts";

// Any address no other route answers, inside the signed-in layout: a plain "Page not found"
// with the app's navigation and a link home (PRODUCT.md §3, "Addresses"). Remix prefers every
// more specific route, so /api/v1/* (api.v1.$.ts, JSON 404s), /auth/* (auth.$.tsx), /survey/*,
// /login, /healthz and the CSV exports keep their own answers. A visitor who is not signed in
// is sent to sign in, as for every signed-in page, so the answer never tells which addresses
// exist.

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Page not found · Candor" }];

const NO_SUCH_PAGE = "There is no page at this address. The link may be mistyped, or the page may have moved.";

async function notFound(request: Request): Promise<never> {
  await requireUser(request);
  throw data({ message: NO_SUCH_PAGE }, { status: 404 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  return notFound(request);
}

// A form posted to an unknown address is answered the same way, not with Remix's "no action" error.
export async function action({ request }: ActionFunctionArgs) {
  return notFound(request);
}

// Never rendered (the loader always throws); a UI route needs a component to render its boundary in the layout.
export default function NotFoundPage() {
  return null;
}
