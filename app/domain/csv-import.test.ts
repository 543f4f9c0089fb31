import { describe, expect, it } from "vitest";
import {
  importCountsSentence,
  isUtf16,
  normaliseHeader,
  parseAmountCents,
  parseImportDate,
  readImportCsv,
  type ImportColumn,
} from "./csv-import.ts";

describe("parseAmountCents", () => {
  it.each([
    ["12500", 1_250_000],
    ["12,500.5", 1_250_050],
    ["$0.07", 7],
    ["0.1", 10],
    ["21,474,836.47", 2_147_483_647],
  ])("reads dollars into exact integer cents: %s", (amount, cents) => {
    expect(parseAmountCents(amount)).toBe(cents);
  });
  it("refuses what is not an amount", () => {
    for (const bad of ["", "-5", "12.345", "1,2345", "12e3", "abc", "21474836.48", "1 000"])
      expect(parseAmountCents(bad)).toBeNull();
  });
});

describe("parseImportDate", () => {
  it("takes a calendar day as noon UTC and keeps date-times", () => {
    expect(parseImportDate("2024-02-29")?.toISOString()).toBe("2024-02-29T12:00:00.000Z");
    expect(parseImportDate("2026-03-31T08:15:00Z")?.toISOString()).toBe("2026-03-31T08:15:00.000Z");
    expect(parseImportDate("2026-03-31 08:15")?.toISOString()).toBe("2026-03-31T08:15:00.000Z");
    expect(parseImportDate("2026-03-31T08:15:00+02:00")?.toISOString()).toBe("2026-03-31T06:15:00.000Z");
  });
  it("refuses days that do not exist and other formats", () => {
    for (const bad of ["2025-02-29", "2026-02-30T10:00", "31/03/2026", "2026-3-1", "yesterday"])
      expect(parseImportDate(bad)).toBeNull();
  });
});

describe("readImportCsv", () => {
  const columns: ImportColumn<"id" | "email" | "note">[] = [
    { key: "id", header: "External ID", required: true, description: "" },
    { key: "email", header: "Contact email", aliases: ["E-mail"], required: true, description: "" },
    { key: "note", header: "Note", required: false, description: "" },
  ];
  it("matches headers whatever their case, spacing or punctuation, and ignores other columns", () => {
    expect(normaliseHeader(" Contact E-mail ")).toBe("contactemail");
    const read = readImportCsv('extra," external_id ",E-MAIL\r\nx,"A-1", a@b.example \n', columns);
    expect(read).toEqual({ ok: true, rows: [{ line: 2, values: { id: "A-1", email: "a@b.example", note: "" } }] });
  });
  it("reports a missing column, a repeated one, and a row longer than the header", () => {
    expect(readImportCsv("External ID\n1", columns)).toEqual({
      ok: false,
      problems: [{ line: 1, column: "Contact email", reason: 'The header row has no "Contact email" column.' }],
    });
    expect(readImportCsv("External ID,Email,External id\n1,2,3", columns)).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: "External id" }],
    });
    expect(readImportCsv("External ID,E-mail\n1,2,3", columns)).toEqual({
      ok: false,
      problems: [{ line: 2, column: null, reason: "The row has 3 cells but the header has 2." }],
    });
    expect(readImportCsv("", columns)).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });
  it("says an import's outcome in words", () => {
    expect(importCountsSentence({ created: 1200, updated: 3, unchanged: 0 })).toBe(
      "1,200 created, 3 updated, 0 unchanged",
    );
  });
});

describe("isUtf16", () => {
  const text = "External ID,Account\nD-1,Société Générale\n";
  const utf16be = (value: string) => Buffer.from(value, "utf16le").swap16();

  it("recognises UTF-16 with either byte-order mark, and without one", () => {
    expect(isUtf16(Buffer.from(`\uFEFF${text}`, "utf16le"))).toBe(true);
    expect(isUtf16(utf16be(`\uFEFF${text}`))).toBe(true);
    expect(isUtf16(Buffer.from(text, "utf16le"))).toBe(true);
    expect(isUtf16(utf16be(text))).toBe(true);
  });

  it("takes UTF-8, with or without its byte-order mark, for what it is", () => {
    expect(isUtf16(Buffer.from(text, "utf8"))).toBe(false);
    expect(isUtf16(Buffer.from(`\uFEFF${text}`, "utf8"))).toBe(false);
    expect(isUtf16(new Uint8Array())).toBe(false);
  });
});
