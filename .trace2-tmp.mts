import { PrismaClient } from "./app/generated/prisma/client.ts";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: "file:./data/scale.db" }), log: [{ emit: "event", level: "query" }] });
let log = false;
client.$on("query", (e) => { if (log) console.log(`  ${String(e.duration).padStart(4)}ms ${e.query.replace(/\s+/g, " ").replace(/\?(,\s*\?)+/g, "?…").slice(0, 160)}`); });
(globalThis as { candorPrisma?: unknown }).candorPrisma = client;
const { listClaimsPage } = await import("./app/models/claims-table.server.ts");
const { claimAudienceFor } = await import("./app/models/claims.server.ts");
const { parseClaimsQuery } = await import("./app/domain/claims-filter.ts");
const mgr = await client.user.findUniqueOrThrow({ where: { email: "manager@candor.test" } });
const eng = await client.user.findUniqueOrThrow({ where: { email: "engineer@candor.test" } });
const audiences: Record<string, Awaited<ReturnType<typeof claimAudienceFor>>> = { manager: await claimAudienceFor(mgr.id, "team"), engineer: await claimAudienceFor(eng.id, "any") };
console.log(JSON.stringify(audiences).slice(0, 200), mgr.email);
for (const arg of process.argv.slice(2)) {
  const [who = "", qs = ""] = arg.split("?");
  const q = parseClaimsQuery(new URLSearchParams(qs));
  const audience = audiences[who];
  if (!audience) continue;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) { const s = performance.now(); await listClaimsPage(audience, q.filter, q.sort, q.page, q.pageSize); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  log = true;
  console.log(`${arg}  (median ${times[10]?.toFixed(1)} min ${times[0]?.toFixed(1)})`);
  const s = performance.now();
  const r = await listClaimsPage(audience, q.filter, q.sort, q.page, q.pageSize);
  console.log(`  total ${(performance.now() - s).toFixed(1)}ms rows=${r.rows.length} total=${r.total}`);
  log = false;
}
await client.$disconnect();
