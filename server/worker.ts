// One worker process of `npm start` with several workers (server/cluster.ts, ADR 020). The
// primary has checked the settings, migrated and seeded, and passes the port in PORT; a worker
// only serves. It stops (exit 0) on SIGTERM or SIGINT once its requests are answered, and at
// once if the primary disappears (node:cluster ends a worker whose primary is gone).
import { startServer } from "../server.ts";

await startServer(Number(process.env.PORT));
