import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../services/auth.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  for (const cookie of await signOut(request)) headers.append("set-cookie", cookie);
  return redirect("/login?signedOut=1", { headers });
}
