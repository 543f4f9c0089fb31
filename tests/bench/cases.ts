// The pages and actions `npm run bench` measures. Later features add their cases here.
// `as` names the demo account to sign in as (every scale database has them).

export type BenchAccount = "admin" | "manager" | "engineer" | "sales";

export interface BenchCase {
  name: string;
  path: string;
  as?: BenchAccount;
  method?: "GET" | "POST";
  /** Form fields for POST cases. */
  form?: Record<string, string>;
  /** A target from an issue, shown beside the measured median (informative, never enforced here). */
  targetMedianMs?: number;
}

export const FLOOR_CASE: BenchCase = { name: "floor: /healthz (trivial route)", path: "/healthz" };

export const BENCH_CASES: BenchCase[] = [
  { name: "sign-in page (anonymous)", path: "/login" },
  { name: "salesperson home", path: "/home", as: "sales" },
  { name: "engineer home", path: "/engineering", as: "engineer" },
  { name: "manager dashboard (document)", path: "/dashboard", as: "manager", targetMedianMs: 150 },
  { name: "admin users list", path: "/admin/users", as: "admin" },
  { name: "audit log, first page (admin)", path: "/audit", as: "admin" },
];
