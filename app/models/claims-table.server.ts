// The claims table (issue 3 item 7) and its CSV export: one page of the claims a reader may see,
// filtered and sorted on the server, and the same selection streamed in keyset batches. How the
// SQL stays fast on 200,000 claims is explained in claims-table-query.server.ts.
import { madeAtBounds, type ClaimSortKey, type ClaimsFilter, type SortDir } from "../domain/claims-filter.ts";
import { claimStatusLabel, matrixCheckLabel, SEVERITIES, type ClaimStatus, type MatrixCheckResult } from "../domain/levels.ts";
import { prisma } from "../lib/db.server.ts";
import { ClaimQuery, claimIdsFor, type ClaimColumn, type RowKey, type Term } from "./claims-table-query.server.ts";
import type { ClaimAudience } from "./claims.server.ts";
import { listProductsWithCapabilities } from "./engineer-questions.server.ts";

const STATEMENT_SHOWN = 140;
export const EXPORT_BATCH_SIZE = 5_000;

export interface ClaimsFilterOptions {
  /**
   * Salespeople to offer: those the reader may see when they are few (a manager's teams), else
   * those of the chosen team; the chosen salesperson always. Empty for a salesperson reading
   * their own claims.
   */
  salespeople: Person[];
  /** True when the reader may see too many salespeople to list before a team is chosen. */
  salespeopleNeedTeam: boolean;
  teams: Array<{ id: string; name: string }>;
  products: Array<{ id: string; slug: string; name: string; capabilities: Array<{ id: string; key: string; title: string }> }>;
}

type Person = { id: string; name: string; active: boolean; teamId: string | null };

interface Resolved {
  /** The filter actually applied: the URL's, less what could not be used. */
  filter: ClaimsFilter;
  /** Null when no claim can match (e.g. a team without salespeople). */
  query: ClaimQuery | null;
  notes: string[];
  options: ClaimsFilterOptions;
  names: Map<string, string>;
}

// A select of a thousand names is slow to send and useless to scroll; past this many, the
// salesperson list waits for a team to be chosen.
const SALESPEOPLE_LISTED = 150;
const personSelect = { id: true, name: true, role: true, active: true, teamId: true } as const;

async function loadProducts(): Promise<ClaimsFilterOptions["products"]> {
  const products = await listProductsWithCapabilities();
  return products.map((product) => ({
    id: product.id,
    slug: product.slug,
    name: product.name,
    capabilities: product.capabilities.map(({ id, key, title }) => ({ id, key, title })),
  }));
}

const toPerson = ({ id, name, active, teamId }: Person): Person => ({ id, name, active, teamId });
const intersect = (a: string[] | null, b: string[]) => (a === null ? b : a.filter((id) => b.includes(id)));

/**
 * The salespeople a filter allows (null: anyone), within the audience, and the people to offer
 * in the form. A team or salesperson outside the audience is dropped with a note.
 */
async function resolvePeople(audience: ClaimAudience, filter: ClaimsFilter, teams: ClaimsFilterOptions["teams"], notes: string[]) {
  // Everyone in a manager's teams (any role, as claimAudienceWhere counts them); nobody is
  // loaded for "all", where the whole company would be.
  const scope = audience.kind === "teams" ? await prisma.user.findMany({ where: { teamId: { in: audience.teamIds } }, select: personSelect, orderBy: [{ name: "asc" }, { id: "asc" }] }) : null;
  let allowed: string[] | null = audience.kind === "own" ? [audience.userId] : scope ? scope.map((person) => person.id) : null;
  let members: typeof scope = null;

  if (filter.team !== undefined) {
    const teamId = filter.team;
    if (teams.some((team) => team.id === teamId)) {
      members = scope ? scope.filter((person) => person.teamId === teamId) : await prisma.user.findMany({ where: { teamId }, select: personSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
      allowed = intersect(allowed, members.map((member) => member.id));
    } else {
      notes.push("Ignored the team filter: it is not a team whose claims you can read.");
      delete filter.team;
    }
  }
  let chosen: Person | null = null;
  if (filter.salesperson !== undefined) {
    const id = filter.salesperson;
    const found =
      audience.kind === "own" ? (id === audience.userId ? { id, name: "", active: true, teamId: null } : null)
      : scope ? (scope.find((person) => person.id === id) ?? null)
      : await prisma.user.findUnique({ where: { id }, select: personSelect });
    if (found) {
      chosen = toPerson(found);
      allowed = intersect(allowed, [id]);
    } else {
      notes.push("Ignored the salesperson filter: it is not someone whose claims you can read.");
      delete filter.salesperson;
    }
  }

  const salesOf = (people: NonNullable<typeof scope>) => people.filter((person) => person.role === "SALES").map(toPerson);
  const inScope = scope ? salesOf(scope) : null;
  const needTeam = audience.kind === "all" || (inScope !== null && inScope.length > SALESPEOPLE_LISTED);
  const listed = audience.kind === "own" ? [] : members ? salesOf(members) : needTeam ? [] : (inScope ?? []);
  if (chosen && audience.kind !== "own" && !listed.some((person) => person.id === chosen.id)) listed.push(chosen);
  const names = new Map([...(scope ?? []), ...(members ?? []), ...(chosen ? [chosen] : [])].map((person) => [person.id, person.name]));
  return { allowed, salespeople: listed, salespeopleNeedTeam: needTeam && audience.kind !== "own", names };
}

/** Turns the URL's filter into SQL terms within the reader's audience, dropping what cannot apply. */
async function resolve(audience: ClaimAudience, requested: ClaimsFilter): Promise<Resolved> {
  const [teams, products] = await Promise.all([
    audience.kind === "own"
      ? Promise.resolve([])
      : prisma.team.findMany({ where: audience.kind === "teams" ? { id: { in: audience.teamIds } } : {}, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    loadProducts(),
  ]);
  const filter: ClaimsFilter = { ...requested };
  const notes: string[] = [];
  const terms: Term[] = [];
  const { allowed, salespeople, salespeopleNeedTeam, names } = await resolvePeople(audience, filter, teams, notes);
  const options: ClaimsFilterOptions = { salespeople, salespeopleNeedTeam, teams, products };

  const product = options.products.find((candidate) => candidate.slug === filter.product);
  if (filter.product !== undefined && !product) {
    notes.push(`Ignored the product filter: no product is called “${filter.product}”.`);
    delete filter.product;
  }
  if (product) terms.push({ column: "productId", values: [product.id] });
  if (filter.capability !== undefined) {
    const capability = product?.capabilities.find((candidate) => candidate.key === filter.capability);
    if (capability) {
      terms.push({ column: "capabilityId", values: [capability.id] });
    } else {
      notes.push(
        product
          ? `Ignored the capability filter: ${product.name} has no capability “${filter.capability}”.`
          : "Ignored the capability filter: choose the product it belongs to as well.",
      );
      delete filter.capability;
    }
  }
  if (filter.status) terms.push({ column: "status", values: [filter.status] });
  if (filter.matrixCheck) terms.push({ column: "matrixCheck", values: [filter.matrixCheck] });
  if (filter.channel) terms.push({ column: "channel", values: [filter.channel] });
  if (allowed !== null) terms.unshift({ column: "salespersonId", values: allowed });

  const query = allowed !== null && allowed.length === 0 ? null : new ClaimQuery({ terms, ...madeAtBounds(filter) });
  return { filter, query, notes, options, names };
}

// ---------------------------------------------------------------- ordering

const SORT_COLUMN: Record<Exclude<ClaimSortKey, "madeAt">, ClaimColumn> = {
  salesperson: "salespersonId",
  product: "productId",
  status: "status",
  matrixCheck: "matrixCheck",
  severity: "severity",
};

interface Bucket {
  value: string | null;
  count: number;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Claims grouped by the sort column's value, the groups in the order of what the reader sees
 * (names and labels, not ids); within a group claims go newest first. Severity follows its
 * rank (low, medium, high); claims without one come last either way.
 */
async function orderedBuckets(resolved: Resolved & { query: ClaimQuery }, key: Exclude<ClaimSortKey, "madeAt">, dir: SortDir): Promise<Bucket[]> {
  const buckets = await resolved.query.countBy(SORT_COLUMN[key]);
  let label: (value: string) => string;
  if (key === "salesperson") {
    const missing = buckets.flatMap((bucket) => (bucket.value !== null && !resolved.names.has(bucket.value) ? [bucket.value] : []));
    if (missing.length) for (const user of await prisma.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) resolved.names.set(user.id, user.name);
    label = (value) => resolved.names.get(value) ?? value;
  } else if (key === "product") {
    label = (value) => resolved.options.products.find((product) => product.id === value)?.name ?? value;
  } else if (key === "status") {
    label = (value) => claimStatusLabel(value as ClaimStatus);
  } else if (key === "matrixCheck") {
    label = (value) => matrixCheckLabel(value as MatrixCheckResult);
  } else {
    label = (value) => String(SEVERITIES.indexOf(value as (typeof SEVERITIES)[number])).padStart(2, "0");
  }
  const sign = dir === "asc" ? 1 : -1;
  return buckets.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (collator.compare(label(a.value), label(b.value)) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  });
}

interface Segment {
  term?: Term;
  dir: SortDir;
  count: number;
}

async function segmentsFor(resolved: Resolved & { query: ClaimQuery }, sort: { key: ClaimSortKey; dir: SortDir }): Promise<Segment[]> {
  if (sort.key === "madeAt") return [{ dir: sort.dir, count: await resolved.query.count() }];
  const column = SORT_COLUMN[sort.key];
  const buckets = await orderedBuckets(resolved, sort.key, sort.dir);
  return buckets.map((bucket) => ({ term: { column, values: [bucket.value] }, dir: "desc", count: bucket.count }));
}

/** The keys of rows [skip, skip + take) across the segments in order. */
async function keysAcross(query: ClaimQuery, segments: Segment[], skip: number, take: number): Promise<RowKey[]> {
  const keys: RowKey[] = [];
  let toSkip = skip;
  for (const segment of segments) {
    if (keys.length >= take) break;
    if (toSkip >= segment.count) {
      toSkip -= segment.count;
      continue;
    }
    keys.push(...(await query.keys({ segment: segment.term, dir: segment.dir, skip: toSkip, take: take - keys.length, expected: segment.count })));
    toSkip = 0;
  }
  return keys;
}

// ---------------------------------------------------------------- the page

const rowSelect = {
  id: true,
  madeAt: true,
  accountName: true,
  statement: true,
  assertedLevel: true,
  channel: true,
  matrixCheck: true,
  status: true,
  severity: true,
  verifiedAt: true,
  salesperson: { select: { id: true, name: true, team: { select: { name: true } } } },
  product: { select: { name: true } },
  capability: { select: { title: true } },
} as const;

async function rowsFor(ids: string[]) {
  const claims = await prisma.claim.findMany({ where: { id: { in: ids } }, select: rowSelect });
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return ids.flatMap((id) => {
    const claim = byId.get(id);
    return claim ? [claim] : [];
  });
}

function shorten(text: string): string {
  return text.length > STATEMENT_SHOWN ? `${text.slice(0, STATEMENT_SHOWN - 1).trimEnd()}…` : text;
}

export type ClaimsTableRow = ReturnType<typeof toTableRow>;

function toTableRow(claim: Awaited<ReturnType<typeof rowsFor>>[number]) {
  return {
    id: claim.id,
    madeAt: claim.madeAt,
    salesperson: { id: claim.salesperson.id, name: claim.salesperson.name },
    team: claim.salesperson.team?.name ?? null,
    accountName: claim.accountName,
    product: claim.product.name,
    capability: claim.capability?.title ?? null,
    assertedLevel: claim.assertedLevel,
    statement: shorten(claim.statement),
    channel: claim.channel,
    matrixCheck: claim.matrixCheck,
    status: claim.status,
    severity: claim.severity,
    verifiedAt: claim.verifiedAt,
  };
}

export interface ClaimsPage {
  rows: ClaimsTableRow[];
  total: number;
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  pageCount: number;
  filter: ClaimsFilter;
  notes: string[];
  options: ClaimsFilterOptions;
}

/** One page of the claims `audience` may read, filtered and sorted on the server. */
export async function listClaimsPage(
  audience: ClaimAudience,
  requested: ClaimsFilter,
  sort: { key: ClaimSortKey; dir: SortDir },
  page: number,
  pageSize: number,
): Promise<ClaimsPage> {
  const resolved = await resolve(audience, requested);
  const { filter, notes, options, query } = resolved;
  if (!query) return { rows: [], total: 0, page: 1, pageCount: 1, filter, notes, options };
  const segments = await segmentsFor({ ...resolved, query }, sort);
  const total = segments.reduce((sum, segment) => sum + segment.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, page), pageCount);
  const keys = await keysAcross(query, segments, (shown - 1) * pageSize, pageSize);
  const rows = (await rowsFor(await claimIdsFor(keys))).map(toTableRow);
  return { rows, total, page: shown, pageCount, filter, notes, options };
}

// ---------------------------------------------------------------- the export

export const CLAIMS_CSV_HEADER = [
  "Claim ID",
  "Made at (UTC)",
  "Salesperson",
  "Salesperson email",
  "Team",
  "Account",
  "Product",
  "Capability",
  "Customer was told",
  "Statement",
  "Channel",
  "Source",
  "Matrix check",
  "Verdict",
  "Severity",
  "Verified at (UTC)",
  "Customer corrected at (UTC)",
];

const exportSelect = {
  ...rowSelect,
  source: true,
  customerCorrectedAt: true,
  salesperson: { select: { name: true, email: true, team: { select: { name: true } } } },
} as const;

const iso = (date: Date | null) => (date ? date.toISOString() : "");

async function exportRows(keys: RowKey[]): Promise<string[][]> {
  const ids = await claimIdsFor(keys);
  const claims = await prisma.claim.findMany({ where: { id: { in: ids } }, select: exportSelect });
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return ids.flatMap((id) => {
    const claim = byId.get(id);
    if (!claim) return [];
    return [
      [
        claim.id,
        iso(claim.madeAt),
        claim.salesperson.name,
        claim.salesperson.email,
        claim.salesperson.team?.name ?? "",
        claim.accountName,
        claim.product.name,
        claim.capability?.title ?? "",
        claim.assertedLevel,
        claim.statement,
        claim.channel,
        claim.source,
        claim.matrixCheck,
        claim.status,
        claim.severity ?? "",
        iso(claim.verifiedAt),
        iso(claim.customerCorrectedAt),
      ],
    ];
  });
}

/**
 * Every claim of the selection, in the table's order, as CSV cells (CLAIMS_CSV_HEADER), in
 * batches of about `batchSize`: each batch is read by keyset (after the last madeAt and rowid
 * seen), so memory stays flat and no query reads the whole selection at once.
 */
export async function* iterateClaimsForExport(
  audience: ClaimAudience,
  requested: ClaimsFilter,
  sort: { key: ClaimSortKey; dir: SortDir },
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<string[][]> {
  const resolved = await resolve(audience, requested);
  const { query } = resolved;
  if (!query) return;
  let pending: RowKey[] = [];
  for (const segment of await segmentsFor({ ...resolved, query }, sort)) {
    let after: RowKey | undefined;
    for (;;) {
      const keys = await query.keys({ segment: segment.term, dir: segment.dir, skip: 0, take: batchSize, after, expected: segment.count });
      pending.push(...keys);
      if (pending.length >= batchSize) {
        yield await exportRows(pending);
        pending = [];
      }
      const last = keys[keys.length - 1];
      if (keys.length < batchSize || !last) break;
      after = last;
    }
  }
  if (pending.length) yield await exportRows(pending);
}
