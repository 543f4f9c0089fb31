import { prisma } from "../lib/db.server.ts";

export async function loader() {
  await prisma.$queryRaw`SELECT 1`;
  return new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
