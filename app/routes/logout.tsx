import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookies } from "../lib/auth.server.ts";
import { getSessionUser } from "../lib/session.server.ts";
import { auditContextFrom, recordAudit } from "../models/audit.server.ts";
import { prisma } from "../lib/db.server.ts";
import { deleteSession } from "../models/sessions.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) {
    await deleteSession(user.sessionId);
    await recordAudit(prisma, auditContextFrom(request, user.id), {
      action: "auth.signout",
      entityType: "User",
      entityId: user.email,
      teamId: user.teamId,
    });
  }
  const headers = new Headers();
  for (const cookie of clearSessionCookies(request)) headers.append("set-cookie", cookie);
  return redirect("/login?signedOut=1", { headers });
}
