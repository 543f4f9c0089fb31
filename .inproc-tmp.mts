import { createRequestHandler } from "@remix-run/node";
process.env.NODE_ENV = "production";
const build = await import("/work/main/build-table/server/index.js");
const handler = createRequestHandler(build as never, "production");
const ORIGIN = "http://localhost:3999";
async function signIn(email: string) {
  const jar = new Map<string, string>();
  const keep = (r: Response) => { for (const h of r.headers.getSetCookie()) { const [pair = ""] = h.split(";"); const [n = "", ...v] = pair.split("="); jar.set(n, v.join("=")); } };
  const headers = { "x-candor-client-ip": "127.0.0.1" };
  const csrf = await handler(new Request(`${ORIGIN}/auth/csrf`, { headers })); keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
  keep(await handler(new Request(`${ORIGIN}/auth/callback/credentials`, { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: new URLSearchParams({ csrfToken, email, password: "candor-demo", callbackUrl: "/" }) })));
  return cookie();
}
const cookies: Record<string, string> = { manager: await signIn("manager@candor.test"), engineer: await signIn("engineer@candor.test") };
const n = Number(process.env.N ?? 30);
for (const arg of process.argv.slice(2)) {
  const [who = "", path = ""] = arg.split(":");
  const t: number[] = [];
  let size = 0;
  for (let i = 0; i < n; i++) { const s = performance.now(); const r = await handler(new Request(ORIGIN + path, { headers: { cookie: cookies[who] ?? "", "x-candor-client-ip": "127.0.0.1" } })); size = (await r.arrayBuffer()).byteLength; t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(`${who} ${path.padEnd(70)} median ${t[Math.floor(n / 2)]?.toFixed(1)} min ${t[0]?.toFixed(1)} ms ${(size / 1024).toFixed(0)} KB`);
}
