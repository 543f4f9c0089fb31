import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleAuthRequest } from "../services/auth.server.ts";

// Auth.js endpoints (/auth/csrf, /auth/callback/credentials, /auth/session …).
export const loader = ({ request }: LoaderFunctionArgs) => handleAuthRequest(request);
export const action = ({ request }: ActionFunctionArgs) => handleAuthRequest(request);
