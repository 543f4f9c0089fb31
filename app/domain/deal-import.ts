import {
  batchValuesCheck,
  csvImport,
  isPlausibleEmail,
  parseAmountCents,
  parseImportDate,
  type BatchProblem,
  type ImportColumn,
} from "./csv-import.ts";
import type { PersonFacts } from "./permissions.ts";

// The deals import (PRODUCT.md §1 Deal, §3 Satisfaction): a CRM export, one deal a row, upserted
// by the CRM's id. These are the file's rules; the model supplies what the database knows.

export const DEAL_STATUSES = ["OPEN", "WON", "LOST"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export type DealColumnKey =
  | "externalId"
  | "account"
  | "contactName"
  | "contactEmail"
  | "ownerEmail"
  | "product"
  | "amount"
  | "status"
  | "closedAt";

/** Names CRM exports give a deal's id, accepted for it by both the deals and the survey results files. */
export const DEAL_ID_ALIASES = ["Deal ID", "CRM ID"] as const;

export const DEAL_COLUMNS: readonly ImportColumn<DealColumnKey>[] = [
  {
    key: "externalId",
    header: "External ID",
    aliases: [...DEAL_ID_ALIASES, "ID"],
    required: true,
    description: "The deal's id in the CRM; importing it again updates the same deal.",
  },
  {
    key: "account",
    header: "Account",
    aliases: ["Account name", "Company"],
    required: true,
    description: "The customer's company name.",
  },
  {
    key: "contactName",
    header: "Contact name",
    aliases: ["Contact"],
    required: true,
    description: "Who receives the six-month survey.",
  },
  {
    key: "contactEmail",
    header: "Contact email",
    aliases: ["Contact e-mail"],
    required: true,
    description: "Where the survey is sent.",
  },
  {
    key: "ownerEmail",
    header: "Owner email",
    aliases: ["Owner", "Salesperson email"],
    required: true,
    description: "The salesperson's Candor sign-in email.",
  },
  {
    key: "product",
    header: "Product slug",
    aliases: ["Product"],
    required: false,
    description: "Optional: the product's slug in Candor (e.g. ledgerline).",
  },
  {
    key: "amount",
    header: "Amount",
    aliases: ["Amount USD", "Value"],
    required: true,
    description: "In dollars, e.g. 12500 or 12,500.50.",
  },
  { key: "status", header: "Status", aliases: ["Stage"], required: true, description: "OPEN, WON or LOST." },
  {
    key: "closedAt",
    header: "Closed date",
    aliases: ["Close date", "Closed at", "Closed"],
    required: false,
    description: "YYYY-MM-DD; required for WON, empty for OPEN.",
  },
];

export interface DealImportLookups {
  /** Users by lower-cased email, for the owners named in the file. */
  owners: ReadonlyMap<string, PersonFacts>;
  /** Product ids by slug. */
  products: ReadonlyMap<string, string>;
  /** The teams the importer may import for, or null for every team. */
  teamIds: readonly string[] | null;
  /** Deals already stored under the file's external ids: the owner's team, to keep teams apart. */
  existingTeams: ReadonlyMap<string, string | null>;
  now: Date;
}

/** A deal that passed every check, ready to be written. */
export interface ValidDeal {
  externalId: string;
  accountName: string;
  contactName: string;
  contactEmail: string;
  ownerId: string;
  ownerEmail: string;
  ownerTeamId: string | null;
  productId: string | null;
  productSlug: string | null;
  amountCents: number;
  status: DealStatus;
  closedAt: Date | null;
}

/** A valid deal of a CSV file, with the line it came from. */
export interface ValidDealRow extends ValidDeal {
  line: number;
}

/** One deal as the CSV import and the JSON API both hand it over: each field's text, "" when absent. */
export type DealValues = Record<DealColumnKey, string>;

/** A problem with one deal of a batch: its position (0-based), the field, and why. */
export type DealProblem = BatchProblem<DealColumnKey>;

const MAX_TEXT = 200;

/** Said of an external id that an importer may not use, whatever the reason. */
export function externalIdRefused(externalId: string): string {
  return `The External ID "${externalId}" cannot be used. Check it against your CRM, or ask an admin to import this row.`;
}

/** The one check of a batch of deals, shared by the CSV import and the JSON API (BatchValuesCheck). */
export const checkDealValues = batchValuesCheck<DealColumnKey, DealImportLookups, ValidDeal>(
  (values, lookups, { problem, repeatOf }) => {
    for (const key of ["externalId", "account", "contactName"] as const) {
      if (values[key] === "") problem(key, "Is empty.");
      else if (values[key].length > MAX_TEXT) problem(key, `Is longer than ${MAX_TEXT} characters.`);
    }
    const externalId = values.externalId;
    if (externalId !== "") {
      const repeat = repeatOf(externalId);
      if (repeat !== null) problem("externalId", `"${externalId}" is also ${repeat}; each deal may appear once.`);
      if (lookups.teamIds !== null && lookups.existingTeams.has(externalId)) {
        const team = lookups.existingTeams.get(externalId) ?? null;
        // External ids are unique across Candor, so another team's id cannot be imported; the
        // sentence must not tell a manager that such a deal exists.
        if (team === null || !lookups.teamIds.includes(team)) problem("externalId", externalIdRefused(externalId));
      }
    }

    const contactEmail = values.contactEmail.toLowerCase();
    if (contactEmail === "") problem("contactEmail", "Is empty.");
    else if (!isPlausibleEmail(contactEmail))
      problem("contactEmail", `"${values.contactEmail}" is not an email address.`);

    const ownerEmail = values.ownerEmail.toLowerCase();
    const owner = lookups.owners.get(ownerEmail);
    if (ownerEmail === "") problem("ownerEmail", "Is empty.");
    else if (!owner) problem("ownerEmail", `No Candor user has the email "${values.ownerEmail}".`);
    else if (!owner.active) problem("ownerEmail", `${values.ownerEmail} is deactivated.`);
    else if (owner.role !== "SALES") problem("ownerEmail", `${values.ownerEmail} is not a salesperson.`);
    else if (lookups.teamIds !== null && (owner.teamId === null || !lookups.teamIds.includes(owner.teamId))) {
      problem("ownerEmail", `${values.ownerEmail} is not in a team you manage.`);
    }

    let productId: string | null = null;
    if (values.product !== "") {
      productId = lookups.products.get(values.product.toLowerCase()) ?? null;
      if (productId === null) problem("product", `No product has the slug "${values.product}".`);
    }

    const amountCents = parseAmountCents(values.amount);
    if (values.amount === "") problem("amount", "Is empty.");
    else if (amountCents === null)
      problem(
        "amount",
        `"${values.amount}" is not an amount in dollars (e.g. 12500 or 12,500.50, at most 21,474,836.47).`,
      );

    const status = values.status.toUpperCase();
    const isStatus = (DEAL_STATUSES as readonly string[]).includes(status);
    if (!isStatus)
      problem(
        "status",
        values.status === "" ? "Is empty; use OPEN, WON or LOST." : `"${values.status}" is not OPEN, WON or LOST.`,
      );

    let closedAt: Date | null = null;
    if (values.closedAt !== "") {
      closedAt = parseImportDate(values.closedAt);
      if (closedAt === null) problem("closedAt", `"${values.closedAt}" is not a date (use YYYY-MM-DD).`);
      else if (closedAt.getTime() > lookups.now.getTime() + 24 * 3600_000)
        problem("closedAt", `${values.closedAt} is in the future.`);
      else if (status === "OPEN") problem("closedAt", "An OPEN deal has no closed date; leave it empty.");
    } else if (status === "WON" || status === "LOST") {
      problem("closedAt", `A ${status} deal needs its closed date.`);
    }

    if (!owner || amountCents === null || !isStatus) return null;
    return {
      externalId,
      accountName: values.account,
      contactName: values.contactName,
      contactEmail,
      ownerId: owner.id,
      ownerEmail,
      ownerTeamId: owner.teamId,
      productId,
      productSlug: productId === null ? null : values.product.toLowerCase(),
      amountCents,
      status: status as DealStatus,
      closedAt,
    };
  },
);

/** The deals file's steps (csvImport): the rows go through checkDealValues. */
export const {
  read: readDealCsv,
  checkRows: checkDealRows,
  check: checkDealImport,
} = csvImport(DEAL_COLUMNS, checkDealValues);

export interface StoredDeal {
  accountName: string;
  contactName: string;
  contactEmail: string;
  ownerId: string;
  productId: string | null;
  amountCents: number;
  status: string;
  closedAt: Date | null;
}

/** The fields of a stored deal that the row would change (empty: the row changes nothing). */
export function changedDealFields(stored: StoredDeal, row: ValidDeal): Array<keyof StoredDeal> {
  const fields: Array<keyof StoredDeal> = [];
  if (stored.accountName !== row.accountName) fields.push("accountName");
  if (stored.contactName !== row.contactName) fields.push("contactName");
  if (stored.contactEmail !== row.contactEmail) fields.push("contactEmail");
  if (stored.ownerId !== row.ownerId) fields.push("ownerId");
  if (stored.productId !== row.productId) fields.push("productId");
  if (stored.amountCents !== row.amountCents) fields.push("amountCents");
  if (stored.status !== row.status) fields.push("status");
  if ((stored.closedAt?.getTime() ?? null) !== (row.closedAt?.getTime() ?? null)) fields.push("closedAt");
  return fields;
}
