// The port-distinct pair of Candor processes on one PostgreSQL database: next to the port of
// the SQLite end-to-end server (E2E_PORT), so runs on other ports never meet.
const base = Number(process.env.E2E_PORT ?? 3100);

export const POSTGRES_PAIR = {
  ports: [base + 1, base + 2] as const,
  database: `candor_e2e_${base}`,
};
