import { expect, test, type APIRequestContext } from "@playwright/test";
import { COMPUTATION_RUNNING } from "../../app/models/comp-compute.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../e2e/fixtures.ts";
import { honestyFlow } from "../e2e/honesty-flow.ts";
import { POSTGRES_PAIR } from "./pair.ts";

// Two Candor processes on one PostgreSQL database (PRODUCT.md §10), as behind a load balancer:
// each step goes to one or the other, and what one wrote the other serves.
const SERVERS = POSTGRES_PAIR.ports.map((port) => `http://localhost:${port}`);

test.beforeAll(async ({ request }) => {
  // The pair starts together; Playwright waited for the second, this waits for the first too.
  // A refused connection (the process is still starting) counts as "not ready yet", not a failure.
  const readiness = (server: string) =>
    request.get(`${server}/readyz`).then(
      (answer) => answer.status(),
      () => 0,
    );
  for (const server of SERVERS) {
    await expect.poll(() => readiness(server), { timeout: 60_000 }).toBe(200);
  }
});

test("the honesty flow alternates between the two processes: one verdict, the late engineer's 409, the dispute resolved", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await honestyFlow(browser, SERVERS);
});

/** Signs `email` in on `server` through Auth.js's endpoints; the answer's `code` when refused. */
async function signIn(request: APIRequestContext, server: string, email: string, password: string) {
  const csrf = await request.get(`${server}/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await request.post(`${server}/auth/callback/credentials`, {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(302);
  return new URL(answer.headers().location ?? "", server).searchParams.get("code");
}

test("two computes of one period, one through each process: one runs, the other is told a computation is running", async ({
  playwright,
}) => {
  const admin = await playwright.request.newContext();
  expect(await signIn(admin, SERVERS[0] ?? "", DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD)).toBeNull();
  const today = new Date();
  const openPeriod = `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
  const compute = (server: string) =>
    admin.post(`${server}/comp/${openPeriod}`, {
      form: { intent: "compute" },
      headers: { origin: server },
      maxRedirects: 0,
    });
  const answers = await Promise.all(SERVERS.map(compute));
  expect(answers.map((answer) => answer.status()).sort()).toEqual([302, 409]);
  expect(await answers.find((answer) => answer.status() === 409)?.text()).toContain(COMPUTATION_RUNNING);
  // Once it has finished, either process computes the period again.
  await expect.poll(async () => (await compute(SERVERS[1] ?? "")).status(), { timeout: 30_000 }).toBe(302);
  await admin.dispose();
});

// Last: it uses up this machine's sign-in attempts on both processes.
test("twenty failed sign-ins spread over both processes are throttled as on one", async ({ playwright }) => {
  const visitor = await playwright.request.newContext();
  // LOGIN_MAX_FAILURES_PER_ADDRESS is 20 by default; every attempt comes from this machine.
  for (let attempt = 0; attempt < 20; attempt++) {
    const server = SERVERS[attempt % 2] ?? "";
    expect(await signIn(visitor, server, `guess-${attempt}@candor.test`, "not-the-password")).toBe("credentials");
  }
  for (const server of SERVERS) {
    expect(await signIn(visitor, server, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD)).toMatch(/^throttled_\d+$/);
  }
  await visitor.dispose();
});
