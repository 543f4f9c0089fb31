import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ROLE_HOME } from "../domain/permissions.ts";
import { requireUser } from "../services/session.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(ROLE_HOME[user.role]);
}
