// A stand-in for one server worker (tests/integration/sqlite-transactions.test.ts): the app's own
// Prisma client (app/lib/db.server.ts) on DATABASE_URL runs COUNT read-then-write transactions,
// the shape that fails with SQLITE_BUSY when another process commits between the read and the
// write of a deferred transaction. Prints one JSON line: how many succeeded and the errors seen.
import { prisma } from "../../../app/lib/db.server.ts";
const count = Number(process.argv[2] ?? 50);
const label = process.argv[3] ?? "writer";
let ok = 0;
const errors: string[] = [];
for (let i = 0; i < count; i++) {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.auditEvent.count({ where: { action: "test.read-then-write" } });
      // Give the other process time to commit between this read and the write below.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await tx.auditEvent.create({
        data: {
          action: "test.read-then-write",
          entityType: "Test",
          entityId: `${label}-${i}`,
          afterJson: JSON.stringify({ before }),
        },
      });
    });
    ok++;
  } catch (error) {
    errors.push(error instanceof Error ? (error.message.split("\n").slice(-1)[0] ?? error.message) : String(error));
  }
}
await prisma.$disconnect();
console.log(JSON.stringify({ ok, errors: errors.slice(0, 3), failed: errors.length }));
