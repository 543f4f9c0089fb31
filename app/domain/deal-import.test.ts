import { describe, expect, it } from "vitest";
import {
  changedDealFields,
  checkDealImport,
  checkDealValues,
  DEAL_COLUMNS,
  type DealImportLookups,
  type DealValues,
} from "./deal-import.ts";

const HEADER = "External ID,Account,Contact name,Contact email,Owner email,Product slug,Amount,Status,Closed date";
const lookups: DealImportLookups = {
  owners: new Map([
    ["ann@candor.test", { id: "u-ann", teamId: "t-east", active: true, role: "SALES" }],
    ["bob@candor.test", { id: "u-bob", teamId: "t-west", active: true, role: "SALES" }],
  ]),
  products: new Map([["ledgerline", "p-ledger"]]),
  teamIds: ["t-east"],
  existingTeams: new Map([["OTHER-1", "t-west"]]),
  now: new Date("2026-11-27T00:00:00Z"),
};

/** A valid open deal of Ann's (team east), as the CSV import and the API hand it over. */
const DEAL: DealValues = {
  externalId: "D-9",
  account: "Acme",
  contactName: "Jo",
  contactEmail: "jo@acme.example",
  ownerEmail: "ann@candor.test",
  product: "",
  amount: "100",
  status: "OPEN",
  closedAt: "",
};

/** A deals file holding `deals`, one a row under the header (no value needs quoting). */
const csv = (...deals: DealValues[]) =>
  [HEADER, ...deals.map((deal) => DEAL_COLUMNS.map((column) => deal[column.key]).join(","))].join("\n");
const empty = (line: number, ...columns: string[]) => columns.map((column) => ({ line, column, reason: "Is empty." }));

describe("checkDealImport", () => {
  it("turns valid rows into deals", () => {
    const check = checkDealImport(
      `${HEADER}\nD-1,Acme,Jo,JO@Acme.Example,Ann@candor.test,LedgerLine,"1,000.50",won,2026-08-31`,
      lookups,
    );
    expect(check).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          externalId: "D-1",
          accountName: "Acme",
          contactName: "Jo",
          contactEmail: "jo@acme.example",
          ownerId: "u-ann",
          ownerEmail: "ann@candor.test",
          ownerTeamId: "t-east",
          productId: "p-ledger",
          productSlug: "ledgerline",
          amountCents: 100_050,
          status: "WON",
          closedAt: new Date("2026-08-31T12:00:00Z"),
        },
      ],
    });
  });

  it("names every problem by line and column, and returns no rows when any is bad", () => {
    const check = checkDealImport(
      [
        HEADER,
        "D-1,Acme,Jo,jo@acme.example,ann@candor.test,,100,OPEN,2026-01-01",
        "OTHER-1,Acme,Jo,jo@acme.example,ann@candor.test,,100,LOST,2030-01-01",
        ",,,,bob@candor.test,,,,",
      ].join("\n"),
      lookups,
    );
    expect(check).toEqual({
      ok: false,
      rowCount: 3,
      problems: [
        { line: 2, column: "Closed date", reason: "An OPEN deal has no closed date; leave it empty." },
        {
          line: 3,
          column: "External ID",
          reason:
            'The External ID "OTHER-1" cannot be used. Check it against your CRM, or ask an admin to import this row.',
        },
        { line: 3, column: "Closed date", reason: "2030-01-01 is in the future." },
        ...empty(4, "External ID", "Account", "Contact name", "Contact email"),
        { line: 4, column: "Owner email", reason: "bob@candor.test is not in a team you manage." },
        ...empty(4, "Amount"),
        { line: 4, column: "Status", reason: "Is empty; use OPEN, WON or LOST." },
      ],
    });
  });

  it("refuses another team's external id without saying that a deal has it", () => {
    const check = checkDealImport(csv({ ...DEAL, externalId: "OTHER-1" }), lookups);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const reasons = check.problems.map((problem) => problem.reason);
    expect(reasons).toEqual([
      'The External ID "OTHER-1" cannot be used. Check it against your CRM, or ask an admin to import this row.',
    ]);
    expect(reasons.join(" ")).not.toMatch(/deal|team/i);
  });

  it("lets an importer of every team use any active salesperson", () => {
    const check = checkDealImport(csv({ ...DEAL, externalId: "D-2", ownerEmail: "bob@candor.test" }), {
      ...lookups,
      teamIds: null,
    });
    expect(check.ok).toBe(true);
  });
});

describe("changedDealFields", () => {
  it("lists the fields a row would change, and nothing for the same deal", () => {
    const stored = {
      accountName: "Acme",
      contactName: "Jo",
      contactEmail: "jo@acme.example",
      ownerId: "u",
      productId: null,
      amountCents: 100,
      status: "WON",
      closedAt: new Date("2026-01-01T12:00:00Z"),
    };
    const row = {
      ...stored,
      line: 2,
      externalId: "D",
      ownerEmail: "",
      ownerTeamId: null,
      productSlug: null,
      status: "WON" as const,
    };
    expect(changedDealFields(stored, row)).toEqual([]);
    expect(changedDealFields(stored, { ...row, amountCents: 200, closedAt: new Date("2026-01-02T12:00:00Z") })).toEqual(
      ["amountCents", "closedAt"],
    );
  });
});

describe("checkDealValues", () => {
  it("is the CSV import's check: the same reasons, with rows named as the caller names them", () => {
    const batch = [DEAL, { ...DEAL, amount: "ten" }];
    const check = checkDealValues(batch, lookups, (index) => `at index ${index}`);
    expect(check).toEqual({
      ok: false,
      problems: [
        { index: 1, key: "externalId", reason: '"D-9" is also at index 0; each deal may appear once.' },
        {
          index: 1,
          key: "amount",
          reason: '"ten" is not an amount in dollars (e.g. 12500 or 12,500.50, at most 21,474,836.47).',
        },
      ],
    });
    const file = checkDealImport(csv(...batch), lookups);
    expect(file.ok ? [] : file.problems.map((problem) => problem.reason)).toEqual([
      '"D-9" is also on line 2; each deal may appear once.',
      '"ten" is not an amount in dollars (e.g. 12500 or 12,500.50, at most 21,474,836.47).',
    ]);
  });
});
