import type { Account } from "../../app/generated/prisma/client.ts";
import { COMPANY_INDUSTRIES, COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, LAST_NAMES } from "../content/names.ts";
import type { Rng } from "../random.ts";

// Customer accounts, drawn from a fixed pool of distinct company names.

export interface PoolAccount {
  id: string;
  name: string;
  domain: string;
}

export function buildAccountPool(count: number, createdAt: Date, rng: Rng, ids: Rng) {
  const combos: [string, string, string][] = [];
  for (const prefix of COMPANY_PREFIXES) {
    for (const industry of COMPANY_INDUSTRIES) {
      for (const suffix of COMPANY_SUFFIXES) combos.push([prefix, industry, suffix]);
    }
  }
  if (count > combos.length) throw new Error(`at most ${combos.length} distinct accounts, asked for ${count}`);
  const accounts: PoolAccount[] = rng.sample(combos, count).map(([prefix, industry, suffix]) => ({
    id: ids.id(),
    name: `${prefix} ${industry}${suffix}`,
    domain: `${prefix}-${industry}`.toLowerCase().replace(/[^a-z-]/g, "") + ".example",
  }));
  const rows: Account[] = accounts.map((account) => ({ id: account.id, name: account.name, createdAt }));
  return { accounts, rows };
}

export function contactFor(account: PoolAccount, rng: Rng): { name: string; email: string } {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
  return { name: `${first} ${last}`, email: `${local}@${account.domain}` };
}
