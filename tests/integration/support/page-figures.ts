// What Candor's figure pages show on the database in DATABASE_URL, as one JSON document on
// stdout: each page's loader as a demo account sees it, ids written as <id> (rows created when
// the data was loaded get new ids on each database). same-figures-on-both-databases.test.ts runs
// it against SQLite and PostgreSQL loaded with the same demo data and compares the two.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader as capabilities } from "../../../app/routes/_app.capabilities._index.tsx";
import { loader as claims } from "../../../app/routes/_app.claims._index.tsx";
import { loader as statement } from "../../../app/routes/_app.comp.$periodName.$userId.tsx";
import { loader as compOverview } from "../../../app/routes/_app.comp.$periodName._index.tsx";
import { loader as dashboard } from "../../../app/routes/_app.dashboard.tsx";
import { loader as scorecard } from "../../../app/routes/_app.dashboard_.scorecard.tsx";
import { loader as deals } from "../../../app/routes/_app.deals._index.tsx";
import { loader as engineering } from "../../../app/routes/_app.engineering.tsx";
import { loader as home } from "../../../app/routes/_app.home.tsx";
import { loader as surveys } from "../../../app/routes/_app.surveys._index.tsx";
import { loader as payroll } from "../../../app/routes/comp.$periodName.payroll[.]csv.ts";
import { loader as scorecardCsv } from "../../../app/routes/dashboard.scorecard[.]csv.ts";
import { prisma } from "../../../app/lib/db.server.ts";
import { cookieFor, ORIGIN } from "./sign-in.ts";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

const [period = ""] = process.argv.slice(2);
const sales = await prisma.user.findUniqueOrThrow({ where: { email: "sales@candor.test" }, select: { id: true } });

const PAGES: Array<[email: string, path: string, loader: Loader, params?: Record<string, string>]> = [
  ["admin@candor.test", "/dashboard", dashboard],
  ["manager@candor.test", `/dashboard?period=${period}`, dashboard],
  ["manager@candor.test", "/dashboard/scorecard?sort=accuracy&dir=asc", scorecard],
  ["manager@candor.test", "/dashboard/scorecard.csv", scorecardCsv],
  ["admin@candor.test", `/comp/${period}?sort=multiplier&dir=desc`, compOverview, { periodName: period }],
  ["admin@candor.test", `/comp/${period}/payroll.csv`, payroll, { periodName: period }],
  ["sales@candor.test", `/comp/${period}/${sales.id}`, statement, { periodName: period, userId: sales.id }],
  ["admin@candor.test", "/surveys", surveys],
  ["manager@candor.test", "/claims?sort=status&pageSize=50", claims],
  ["admin@candor.test", "/deals?sort=status&pageSize=50", deals],
  ["engineer@candor.test", "/engineering", engineering],
  ["sales@candor.test", "/home", home],
  ["sales@candor.test", "/capabilities", capabilities],
];

const ID = /\bc[a-z0-9]{24}\b/g;

/** A loader's value with ids as <id>, and without the instants that follow each run's clock ("now", "as of"). */
function comparable(key: string, item: unknown): unknown {
  if (key === "asOf" || key === "now") return undefined;
  if (typeof item === "string") return item.replace(ID, "<id>");
  return item;
}

async function shown(outcome: unknown): Promise<unknown> {
  if (outcome instanceof Response) return { status: outcome.status, body: (await outcome.text()).replace(ID, "<id>") };
  const value =
    (outcome as { type?: string; data?: unknown })?.type === "DataWithResponseInit"
      ? (outcome as { data: unknown }).data
      : outcome;
  return JSON.parse(JSON.stringify(value, comparable));
}

const figures: Record<string, unknown> = {};
for (const [email, path, loader, params = {}] of PAGES) {
  const request = new Request(`${ORIGIN}${path}`, { headers: { cookie: await cookieFor(email) } });
  figures[`${email} ${path.replace(sales.id, "<id>")}`] = await shown(await loader({ request, params, context: {} }));
}
process.stdout.write(JSON.stringify(figures));
await prisma.$disconnect();
