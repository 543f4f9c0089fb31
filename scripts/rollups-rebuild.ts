// `npm run rollups:rebuild`: recomputes the dashboard's rollups (ADR 019) from the rows, in one
// transaction, on DATABASE_URL (default file:./data/candor.db; .env is read as by `npm start`).
// The app keeps the rollups itself on every write; this is for a database written some other way
// (a restore, a hand edit, a fix to the rollups' own maths). Safe while Candor runs: writers wait
// for the transaction (seconds for the scale data), readers see the old rollups until it commits.
import { DEFAULT_DATABASE_URL, loadDotEnv } from "./lib.ts";

loadDotEnv();
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

// Imported now: the app's client reads DATABASE_URL when first imported.
const { prisma } = await import("../app/lib/db.server.ts");
const { rebuildRollups } = await import("../app/models/rollups.server.ts");

try {
  const started = performance.now();
  await prisma.$transaction((tx) => rebuildRollups(tx), { maxWait: 60_000, timeout: 30 * 60_000 });
  const [months, capabilities] = await Promise.all([
    prisma.monthlyRollup.count(),
    prisma.capabilityMonthRollup.count(),
  ]);
  console.log(
    `Rebuilt the dashboard rollups of ${process.env.DATABASE_URL} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${months} person-months, ${capabilities} capability rows.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
