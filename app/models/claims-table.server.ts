// The claims table (PRODUCT.md §3, §6) and its CSV export: one page of the claims a reader may see,
// filtered and sorted on the server, and the same selection streamed in keyset batches. How the
// SQL stays fast on 200,000 claims is explained in claims-table-query.server.ts.
import type { ClaimSortKey, ClaimsFilter } from "../domain/claims-filter.ts";
import type { SortDir } from "../domain/list-query.ts";
import {
  channelLabel,
  claimSourceLabel,
  claimStatusLabel,
  isCapabilityLevel,
  isChannel,
  isClaimSource,
  isClaimStatus,
  isMatrixCheckResult,
  isSeverity,
  levelLabel,
  matrixCheckLabel,
  SEVERITIES,
  severityLabel,
  type CapabilityLevel,
  type Channel,
  type ClaimSource,
  type ClaimStatus,
  type MatrixCheckResult,
  type Severity,
} from "../domain/levels.ts";
import { CUSTOMER_CHANNEL_LABEL, NOT_STATED_YET } from "../domain/customer-claims.ts";
import { formatDate, formatDateTime } from "../domain/format.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import { rowDate, sql } from "../lib/sql-dialect.server.ts";
import {
  resolveClaimsFilter,
  type ClaimsFilterOptions,
  type ResolvedClaimsFilter,
} from "./claims-table-filters.server.ts";
import { toRid, type ClaimQuery, type ClaimColumn, type RowKey, type Term } from "./claims-table-query.server.ts";
import type { Audience } from "./audience.server.ts";

export type { ClaimsFilterOptions };

const STATEMENT_SHOWN = 140;
export const EXPORT_BATCH_SIZE = 5_000;

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
async function orderedBuckets(
  resolved: ResolvedClaimsFilter & { query: ClaimQuery },
  key: Exclude<ClaimSortKey, "madeAt">,
  dir: SortDir,
): Promise<Bucket[]> {
  const buckets = await resolved.query.countBy(SORT_COLUMN[key]);
  let label: (value: string) => string;
  if (key === "salesperson") {
    const missing = buckets.flatMap((bucket) =>
      bucket.value !== null && !resolved.names.has(bucket.value) ? [bucket.value] : [],
    );
    if (missing.length)
      for (const user of await prisma.user.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true },
      }))
        resolved.names.set(user.id, user.name);
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
    return (
      sign * (collator.compare(label(a.value), label(b.value)) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    );
  });
}

interface Segment {
  term?: Term;
  dir: SortDir;
  count: number;
}

async function segmentsFor(
  resolved: ResolvedClaimsFilter & { query: ClaimQuery },
  sort: { key: ClaimSortKey; dir: SortDir },
): Promise<Segment[]> {
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
    keys.push(
      ...(await query.keys({
        segment: segment.term,
        dir: segment.dir,
        skip: toSkip,
        take: take - keys.length,
        expected: segment.count,
      })),
    );
    toSkip = 0;
  }
  return keys;
}

// ---------------------------------------------------------------- the rows

interface ClaimRecord {
  rid: number | string;
  id: string;
  madeAt: Date;
  accountName: string;
  statement: string;
  /** Null for a customer's report an engineer has not mapped yet (PRODUCT.md §7). */
  assertedLevel: CapabilityLevel | null;
  channel: Channel;
  source: ClaimSource;
  matrixCheck: MatrixCheckResult;
  status: ClaimStatus;
  severity: Severity | null;
  verifiedAt: Date | null;
  customerCorrectedAt: Date | null;
  salespersonId: string;
  salespersonName: string;
  salespersonEmail: string;
  teamName: string | null;
  productName: string;
  capabilityTitle: string | null;
}

function checked<T extends string>(value: unknown, is: (value: unknown) => value is T, column: string): T {
  if (!is(value)) throw new Error(`Claim.${column} holds ${JSON.stringify(value)}, which is not one of its values`);
  return value;
}

function requiredDate(value: unknown, column: string): Date {
  const parsed = rowDate(value);
  if (!parsed) throw new Error(`Claim.${column} is empty`);
  return parsed;
}

/**
 * The claims behind `keys`, in that order, with their people, team, product and capability
 * names: one joined query (a page or an export batch), rather than one per relation.
 */
async function claimRecords(keys: RowKey[]): Promise<ClaimRecord[]> {
  if (keys.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<Record<string, unknown> & { rid: number | bigint | string }>>`
    SELECT ${Prisma.raw(sql.rowKey("c"))} AS "rid", c."id", c."madeAt", c."accountName", c."statement", c."assertedLevel", c."channel", c."source",
           c."matrixCheck", c."status", c."severity", c."verifiedAt", c."customerCorrectedAt",
           u."id" AS "salespersonId", u."name" AS "salespersonName", u."email" AS "salespersonEmail", t."name" AS "teamName",
           p."name" AS "productName", cap."title" AS "capabilityTitle"
      FROM "Claim" c
      JOIN "User" u ON u."id" = c."salespersonId"
      LEFT JOIN "Team" t ON t."id" = u."teamId"
      JOIN "Product" p ON p."id" = c."productId"
      LEFT JOIN "Capability" cap ON cap."id" = c."capabilityId"
     WHERE ${Prisma.raw(sql.rowKey("c"))} IN (${Prisma.join(keys.map((key) => key.rid))})`;
  const text = (value: unknown) => String(value ?? "");
  const byRid = new Map(
    rows.map((row): [number | string, ClaimRecord] => [
      toRid(row.rid),
      {
        rid: toRid(row.rid),
        id: text(row.id),
        madeAt: requiredDate(row.madeAt, "madeAt"),
        accountName: text(row.accountName),
        statement: text(row.statement),
        assertedLevel:
          row.assertedLevel === null ? null : checked(row.assertedLevel, isCapabilityLevel, "assertedLevel"),
        channel: checked(row.channel, isChannel, "channel"),
        source: checked(row.source, isClaimSource, "source"),
        matrixCheck: checked(row.matrixCheck, isMatrixCheckResult, "matrixCheck"),
        status: checked(row.status, isClaimStatus, "status"),
        severity: row.severity === null ? null : checked(row.severity, isSeverity, "severity"),
        verifiedAt: rowDate(row.verifiedAt),
        customerCorrectedAt: rowDate(row.customerCorrectedAt),
        salespersonId: text(row.salespersonId),
        salespersonName: text(row.salespersonName),
        salespersonEmail: text(row.salespersonEmail),
        teamName: row.teamName === null ? null : text(row.teamName),
        productName: text(row.productName),
        capabilityTitle: row.capabilityTitle === null ? null : text(row.capabilityTitle),
      },
    ]),
  );
  return keys.flatMap((key) => {
    const record = byRid.get(key.rid);
    return record ? [record] : [];
  });
}

// ---------------------------------------------------------------- the page

function shorten(text: string): string {
  return text.length > STATEMENT_SHOWN ? `${text.slice(0, STATEMENT_SHOWN - 1).trimEnd()}…` : text;
}

export type ClaimsTableRow = ReturnType<typeof toTableRow>;

function toTableRow(claim: ClaimRecord) {
  return {
    id: claim.id,
    madeAt: claim.madeAt,
    salesperson: { id: claim.salespersonId, name: claim.salespersonName },
    team: claim.teamName,
    accountName: claim.accountName,
    product: claim.productName,
    capability: claim.capabilityTitle,
    assertedLevel: claim.assertedLevel,
    statement: shorten(claim.statement),
    channel: claim.channel,
    source: claim.source,
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
  audience: Audience,
  requested: ClaimsFilter,
  sort: { key: ClaimSortKey; dir: SortDir },
  page: number,
  pageSize: number,
): Promise<ClaimsPage> {
  const resolved = await resolveClaimsFilter(audience, requested);
  const { filter, notes, options, query } = resolved;
  if (!query) return { rows: [], total: 0, page: 1, pageCount: 1, filter, notes, options };
  const segments = await segmentsFor({ ...resolved, query }, sort);
  const total = segments.reduce((sum, segment) => sum + segment.count, 0);
  const { page: shown, pageCount, skip, take } = pageWindow(total, page, pageSize);
  const keys = await keysAcross(query, segments, skip, take);
  const rows = (await claimRecords(keys)).map(toTableRow);
  return { rows, total, page: shown, pageCount, filter, notes, options };
}

// ---------------------------------------------------------------- the export

export const CLAIMS_CSV_HEADER = [
  "Claim ID",
  "Made on",
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
  "Verified at",
  "Customer corrected at",
];

// The screen's words in the file: labels for every enum, dates as "3 Dec 2026" (a claim's day) and
// "3 Dec 2026, 14:05 UTC" (labels.ts, format.ts); the filters in the URL keep the codes.
const day = (date: Date | null) => (date ? formatDate(date) : "");
const time = (date: Date | null) => (date ? formatDateTime(date) : "");

async function exportRows(keys: RowKey[]): Promise<string[][]> {
  return (await claimRecords(keys)).map((claim) => [
    claim.id,
    day(claim.madeAt),
    claim.salespersonName,
    claim.salespersonEmail,
    claim.teamName ?? "",
    claim.accountName,
    claim.productName,
    claim.capabilityTitle ?? "",
    claim.assertedLevel ? levelLabel(claim.assertedLevel) : NOT_STATED_YET,
    claim.statement,
    claim.source === "CUSTOMER" ? CUSTOMER_CHANNEL_LABEL : channelLabel(claim.channel),
    claimSourceLabel(claim.source),
    matrixCheckLabel(claim.matrixCheck),
    claimStatusLabel(claim.status),
    claim.severity ? severityLabel(claim.severity) : "",
    time(claim.verifiedAt),
    time(claim.customerCorrectedAt),
  ]);
}

/**
 * Every claim of the selection, in the table's order, as CSV cells (CLAIMS_CSV_HEADER), in
 * batches of about `batchSize`: each batch is read by keyset (after the last madeAt and rowid
 * seen), so memory stays flat and no query reads the whole selection at once.
 */
export async function* iterateClaimsForExport(
  audience: Audience,
  requested: ClaimsFilter,
  sort: { key: ClaimSortKey; dir: SortDir },
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<string[][]> {
  const resolved = await resolveClaimsFilter(audience, requested);
  const { query } = resolved;
  if (!query) return;
  let pending: RowKey[] = [];
  for (const segment of await segmentsFor({ ...resolved, query }, sort)) {
    let after: RowKey | undefined;
    for (;;) {
      const keys = await query.keys({
        segment: segment.term,
        dir: segment.dir,
        skip: 0,
        take: batchSize,
        after,
        expected: segment.count,
      });
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
