import { randomUUID } from "node:crypto";
import type { ImportProblem } from "../domain/csv-import.ts";
import {
  changedDealFields,
  checkDealRows,
  checkDealValues,
  readDealCsv,
  type DealImportLookups,
  type DealProblem,
  type DealValues,
  type ValidDeal,
  type ValidDealRow,
} from "../domain/deal-import.ts";
import type { DealSortKey, DealStatusCode } from "../domain/deals-query.ts";
import type { SortDir } from "../domain/list-query.ts";
import { surveyDueAt } from "../domain/survey-schedule.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { audienceOwnerWhere, type Audience } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { bulkInsert, takeWriteLock } from "./bulk-insert.server.ts";
import { readPage } from "./paging.server.ts";
import { refreshRollups, rollupKeysOf } from "./rollups.server.ts";

// SQLite allows a limited number of bound variables per statement; large `in` lists go in chunks.
const CHUNK = 500;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

// ---------------------------------------------------------------------------------------------
// The list

export interface DealListQuery {
  q: string;
  status: DealStatusCode | null;
  /** Default: the newest close first, open deals (not closed yet) before them. */
  sort?: { key: DealSortKey; dir: SortDir };
  page: number;
  pageSize: number;
}

/** The ORDER BY of each sortable column, ending with the external ID so pages never overlap. */
function dealOrderBy(sort: { key: DealSortKey; dir: SortDir }): Prisma.DealOrderByWithRelationInput[] {
  const { dir } = sort;
  const tieBreak: Prisma.DealOrderByWithRelationInput = { externalId: "asc" };
  switch (sort.key) {
    case "externalId":
      return [{ externalId: dir }];
    case "account":
      return [{ account: { name: dir } }, tieBreak];
    case "owner":
      return [{ owner: { name: dir } }, tieBreak];
    case "team":
      return [{ owner: { team: { name: dir } } }, { owner: { name: "asc" } }, tieBreak];
    case "product":
      return [{ product: { name: dir } }, tieBreak];
    case "amount":
      return [{ amountCents: dir }, tieBreak];
    case "status":
      // The codes sort as their labels do: Lost, Open, Won.
      return [{ status: dir }, { closedAt: { sort: "desc", nulls: "first" } }, tieBreak];
    case "closedAt":
      return [{ closedAt: { sort: dir, nulls: dir === "desc" ? "first" : "last" } }, tieBreak];
  }
}

/** A deal as pickers and pages name it: its CRM id, status and account. */
export const dealLabelSelect = {
  id: true,
  externalId: true,
  status: true,
  account: { select: { name: true } },
} satisfies Prisma.DealSelect;

/** What a deal says, as the deals list shows it and an import compares against. */
const dealFields = {
  ...dealLabelSelect,
  contactName: true,
  contactEmail: true,
  amountCents: true,
  closedAt: true,
} satisfies Prisma.DealSelect;

/** One page of the deals in the audience of "read:deal" (a deal belongs to its owner). */
export async function listDealsPage(audience: Audience, query: DealListQuery) {
  const q = query.q.trim();
  const where: Prisma.DealWhereInput = {
    ...audienceOwnerWhere(audience, "ownerId", "owner"),
    ...(query.status ? { status: query.status } : {}),
    ...(q
      ? {
          OR: [
            { externalId: sql.contains(q) },
            { account: { name: sql.contains(q) } },
            { contactName: sql.contains(q) },
            { contactEmail: sql.contains(q) },
            { owner: { name: sql.contains(q) } },
            { owner: { email: sql.contains(q) } },
          ],
        }
      : {}),
  };
  const total = await prisma.deal.count({ where });
  const { rows, page } = await readPage(total, query.page, query.pageSize, (slice) =>
    prisma.deal.findMany({
      where,
      orderBy: dealOrderBy(query.sort ?? { key: "closedAt", dir: "desc" }),
      ...slice,
      select: {
        ...dealFields,
        owner: { select: { name: true, team: { select: { name: true } } } },
        product: { select: { name: true } },
        survey: { select: { dueAt: true, sentAt: true, respondedAt: true, csat: true, deliveredAsPromised: true } },
      },
    }),
  );
  return {
    total,
    page,
    // The deal's own fields as stored; the account, owner, team and product by name.
    rows: rows.map(({ account, owner, product, ...deal }) => ({
      ...deal,
      account: account.name,
      owner: owner.name,
      team: owner.team?.name ?? null,
      product: product?.name ?? null,
    })),
  };
}

export type DealListRow = Awaited<ReturnType<typeof listDealsPage>>["rows"][number];

// ---------------------------------------------------------------------------------------------
// The import

export type DealRowOutcome = "create" | "update" | "unchanged";

type Planned<Row extends ValidDeal> = Row & { outcome: DealRowOutcome; changed: string[] };

export interface DealImportPlan<Row extends ValidDeal = ValidDealRow> {
  rows: Array<Planned<Row>>;
  counts: Record<DealRowOutcome, number>;
}

export type DealImportResult =
  { ok: true; plan: DealImportPlan } | { ok: false; problems: ImportProblem[]; rowCount: number };

/** The JSON API's import: problems name the deal's position in the posted array and its field. */
export type DealBatchResult = { ok: true; plan: DealImportPlan<ValidDeal> } | { ok: false; problems: DealProblem[] };

interface ExistingDeal {
  id: string;
  externalId: string;
  ownerId: string;
  productId: string | null;
  contactName: string;
  contactEmail: string;
  amountCents: number;
  status: string;
  closedAt: Date | null;
  account: { name: string };
  owner: { teamId: string | null };
  survey: { id: string; dueAt: Date; respondedAt: Date | null } | null;
}

async function loadExistingDeals(db: Tx | typeof prisma, externalIds: string[]): Promise<Map<string, ExistingDeal>> {
  const found = new Map<string, ExistingDeal>();
  for (const part of chunks(externalIds)) {
    const rows = await db.deal.findMany({
      where: { externalId: { in: part } },
      select: {
        ...dealFields,
        ownerId: true,
        productId: true,
        owner: { select: { teamId: true } },
        survey: { select: { id: true, dueAt: true, respondedAt: true } },
      },
    });
    for (const row of rows) found.set(row.externalId, row);
  }
  return found;
}

type Checked<Row, Failure> = { ok: true; rows: Row[] } | Failure;

/** What importing would do, with the stored deals it compared against (the write needs them). */
interface PlannedDeals<Row extends ValidDeal> {
  ok: true;
  plan: DealImportPlan<Row>;
  existing: Map<string, ExistingDeal>;
}

/**
 * Looks up what the batch names (owners, products, deals already stored), runs `check` (the CSV
 * file's or the API's, both built on checkDealValues), and works out what importing would do.
 * Writes nothing.
 */
async function planDeals<Row extends ValidDeal, Failure extends { ok: false }>(
  batch: readonly DealValues[],
  check: (lookups: DealImportLookups) => Checked<Row, Failure>,
  teamIds: string[] | null,
  now: Date,
  db: Tx | typeof prisma,
): Promise<PlannedDeals<Row> | Failure> {
  const emails = [...new Set(batch.map((values) => values.ownerEmail.toLowerCase()).filter((email) => email !== ""))];
  const [owners, products] = await Promise.all([
    Promise.all(
      chunks(emails).map((part) =>
        db.user.findMany({
          where: { email: { in: part } },
          select: { id: true, email: true, teamId: true, active: true, role: true },
        }),
      ),
    ).then((parts) => parts.flat()),
    db.product.findMany({ select: { id: true, slug: true } }),
  ]);
  // External ids are only known to be usable after the first check; it finds the rows.
  const lookups: DealImportLookups = {
    owners: new Map(owners.map((owner) => [owner.email, owner])),
    products: new Map(products.map((product) => [product.slug.toLowerCase(), product.id])),
    teamIds,
    existingTeams: new Map<string, string | null>(),
    now,
  };
  let checked = check(lookups);
  const ids = checked.ok ? checked.rows.map((row) => row.externalId) : [];
  const existing = await loadExistingDeals(db, ids);
  if (checked.ok && teamIds !== null && existing.size > 0) {
    lookups.existingTeams = new Map([...existing.values()].map((deal) => [deal.externalId, deal.owner.teamId]));
    checked = check(lookups);
  }
  if (!checked.ok) return checked;

  const counts: Record<DealRowOutcome, number> = { create: 0, update: 0, unchanged: 0 };
  const rows = checked.rows.map((row): Planned<Row> => {
    const stored = existing.get(row.externalId);
    const changed = stored ? changedDealFields({ ...stored, accountName: stored.account.name }, row) : [];
    const outcome: DealRowOutcome = !stored ? "create" : changed.length ? "update" : "unchanged";
    counts[outcome]++;
    return { ...row, outcome, changed };
  });
  return { ok: true, plan: { rows, counts }, existing };
}

/**
 * Checks a deals CSV against the database and works out what importing it would do. Writes
 * nothing: the preview shows this, and importDeals re-runs it inside its transaction.
 */
export async function planDealImport(
  text: string,
  teamIds: string[] | null,
  now = new Date(),
  db: Tx | typeof prisma = prisma,
) {
  const read = readDealCsv(text);
  // An unreadable file names no owners; the check reports why.
  const batch = read.ok ? read.rows.map((row) => row.values) : [];
  return planDeals<ValidDealRow, { ok: false; problems: ImportProblem[]; rowCount: number }>(
    batch,
    (lookups) => checkDealRows(read, lookups),
    teamIds,
    now,
    db,
  );
}

/** Where the API names a deal of the posted array, in its duplicate sentence. */
const atIndex = (index: number) => `at index ${index}`;

export type DealImportOutcome = DealImportResult;

/**
 * Imports every row or none: checks again inside the write transaction, upserts accounts by name
 * and deals by external id, gives each WON deal its survey (answers already given are never
 * touched), and records one audit event for the import plus one per created or changed deal.
 */
export async function importDeals(
  audit: AuditContext,
  text: string,
  teamIds: string[] | null,
  now = new Date(),
): Promise<DealImportOutcome> {
  return planAndWriteDeals(audit, now, (tx) => planDealImport(text, teamIds, now, tx));
}

/**
 * The JSON API's import (PRODUCT.md §9): the same checks and writes as importDeals, for deals
 * posted as objects; every deal or none, and posting the same deals again changes nothing.
 */
export async function importDealBatch(
  audit: AuditContext,
  batch: readonly DealValues[],
  teamIds: string[] | null,
  now = new Date(),
): Promise<DealBatchResult> {
  return planAndWriteDeals(audit, now, (tx) =>
    planDeals<ValidDeal, { ok: false; problems: DealProblem[] }>(
      batch,
      (lookups) => {
        const check = checkDealValues(batch, lookups, atIndex);
        return check.ok ? { ok: true as const, rows: check.items } : check;
      },
      teamIds,
      now,
      tx,
    ),
  );
}

/**
 * Both imports' write: plans again inside one transaction, under the write lock so that imports
 * run one after another, and writes every deal of the plan or, when the check fails, none.
 */
function planAndWriteDeals<Row extends ValidDeal, Failure extends { ok: false }>(
  audit: AuditContext,
  now: Date,
  plan: (tx: Tx) => Promise<PlannedDeals<Row> | Failure>,
): Promise<{ ok: true; plan: DealImportPlan<Row> } | Failure> {
  return prisma.$transaction(
    async (tx) => {
      await takeWriteLock(tx);
      const planned = await plan(tx);
      if (!planned.ok) return planned;
      await writeDealPlan(tx, audit, planned.plan, planned.existing, now);
      return { ok: true as const, plan: planned.plan };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function writeDealPlan(
  tx: Tx,
  audit: AuditContext,
  plan: DealImportPlan<ValidDeal>,
  existing: Map<string, ExistingDeal>,
  now: Date,
) {
  const toWrite = plan.rows.filter((row) => row.outcome !== "unchanged");
  // Where the changed deals and their surveys counted on the dashboard until now (ADR 019).
  const rollupsBefore = await rollupKeysOf(tx, {
    dealIds: toWrite.flatMap((row) => existing.get(row.externalId)?.id ?? []),
  });

  const accountIds = await upsertAccounts(tx, [...new Set(toWrite.map((row) => row.accountName))], now);
  const accountId = (name: string) => accountIds.get(name) ?? "";

  const dealIds = new Map<string, string>();
  for (const [externalId, deal] of existing) dealIds.set(externalId, deal.id);
  const created = toWrite.filter((row) => row.outcome === "create");
  for (const row of created) dealIds.set(row.externalId, randomUUID());
  await bulkInsert(
    tx,
    "Deal",
    [
      "id",
      "externalId",
      "accountId",
      "contactName",
      "contactEmail",
      "ownerId",
      "productId",
      "amountCents",
      "status",
      "closedAt",
      "createdAt",
      "updatedAt",
    ],
    created.map((row) => [
      dealIds.get(row.externalId) ?? "",
      row.externalId,
      accountId(row.accountName),
      row.contactName,
      row.contactEmail,
      row.ownerId,
      row.productId,
      row.amountCents,
      row.status,
      row.closedAt,
      now,
      now,
    ]),
  );
  for (const row of toWrite.filter((candidate) => candidate.outcome === "update")) {
    await tx.deal.update({
      where: { externalId: row.externalId },
      data: {
        accountId: accountId(row.accountName),
        contactName: row.contactName,
        contactEmail: row.contactEmail,
        ownerId: row.ownerId,
        productId: row.productId,
        amountCents: row.amountCents,
        status: row.status,
        closedAt: row.closedAt,
      },
    });
  }

  const surveys = await scheduleSurveys(tx, toWrite, existing, dealIds, now);
  await refreshRollups(tx, { dealIds: toWrite.flatMap((row) => dealIds.get(row.externalId) ?? []) }, rollupsBefore);
  const summary = { ...plan.counts, surveysCreated: surveys.created, surveysRescheduled: surveys.rescheduled };
  const teams = [...new Set(plan.rows.map((row) => row.ownerTeamId))];
  await recordAudit(tx, audit, {
    action: "deal.import",
    entityType: "DealImport",
    entityId: audit.requestId ?? now.toISOString(),
    teamId: teams.length === 1 ? (teams[0] ?? null) : null,
    after: { rows: plan.rows.length, ...summary },
  });
  // One row per created or changed deal, so each deal's history stays readable on its own.
  await bulkInsert(
    tx,
    "AuditEvent",
    ["at", "actorId", "requestId", "ip", "action", "entityType", "entityId", "teamId", "beforeJson", "afterJson"],
    toWrite.map((row) => {
      const before = existing.get(row.externalId);
      return [
        now,
        audit.actorId,
        audit.requestId,
        audit.ip,
        row.outcome === "create" ? "deal.create" : "deal.update",
        "Deal",
        dealIds.get(row.externalId) ?? row.externalId,
        row.ownerTeamId,
        before ? JSON.stringify(dealSnapshot({ ...before, accountName: before.account.name })) : null,
        JSON.stringify(dealSnapshot(row)),
      ];
    }),
  );
}

function dealSnapshot(deal: {
  externalId: string;
  accountName: string;
  ownerId: string;
  productId: string | null;
  amountCents: number;
  status: string;
  closedAt: Date | null;
}) {
  return {
    externalId: deal.externalId,
    account: deal.accountName,
    ownerId: deal.ownerId,
    productId: deal.productId,
    amountCents: deal.amountCents,
    status: deal.status,
    closedAt: deal.closedAt?.toISOString() ?? null,
  };
}

async function upsertAccounts(tx: Tx, names: string[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunks(names)) {
    const found = await tx.account.findMany({ where: { name: { in: part } }, select: { id: true, name: true } });
    for (const account of found) ids.set(account.name, account.id);
  }
  const missing = names.filter((name) => !ids.has(name));
  for (const name of missing) ids.set(name, randomUUID());
  await bulkInsert(
    tx,
    "Account",
    ["id", "name", "createdAt"],
    missing.map((name) => [ids.get(name) ?? "", name, now]),
  );
  return ids;
}

/**
 * WON deals get their survey, due six calendar months after the close. An unanswered survey
 * follows a corrected close date; an answered one is left exactly as it is.
 */
async function scheduleSurveys(
  tx: Tx,
  rows: Array<ValidDeal & { outcome: DealRowOutcome }>,
  existing: Map<string, ExistingDeal>,
  dealIds: Map<string, string>,
  now: Date,
) {
  const won = rows.filter((row) => row.status === "WON" && row.closedAt !== null);
  const needSurvey = won.filter((row) => !existing.get(row.externalId)?.survey);
  await bulkInsert(
    tx,
    "Survey",
    ["id", "dealId", "salespersonId", "dueAt", "sendAttempts", "createdAt", "updatedAt"],
    needSurvey.flatMap((row) =>
      row.closedAt
        ? [[randomUUID(), dealIds.get(row.externalId) ?? "", row.ownerId, surveyDueAt(row.closedAt), 0, now, now]]
        : [],
    ),
  );
  let rescheduled = 0;
  for (const row of won) {
    const survey = existing.get(row.externalId)?.survey;
    if (!survey || survey.respondedAt !== null || row.closedAt === null) continue;
    const dueAt = surveyDueAt(row.closedAt);
    if (dueAt.getTime() === survey.dueAt.getTime()) continue;
    await tx.survey.update({ where: { id: survey.id }, data: { dueAt } });
    rescheduled++;
  }
  return { created: needSurvey.length, rescheduled };
}
