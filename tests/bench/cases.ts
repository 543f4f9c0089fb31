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
  // Issue 3: the claims table answers a filtered, sorted page in under 100 ms at the median.
  { name: "claims table, manager, filtered+sorted", path: "/claims?status=INACCURATE&sort=madeAt&dir=desc", as: "manager", targetMedianMs: 100 },
  { name: "claims table, engineer, all claims page 1", path: "/claims", as: "engineer", targetMedianMs: 100 },
  {
    name: "claims table, engineer, product+matrix check filter, page 3",
    path: "/claims?product=fieldbook&matrixCheck=OVERSTATES&page=3",
    as: "engineer",
    targetMedianMs: 100,
  },
  // Every claim of the demo manager's four teams (20,000 rows on the scale data), streamed.
  { name: "claims CSV export, manager's teams", path: "/claims.csv", as: "manager" },
];
