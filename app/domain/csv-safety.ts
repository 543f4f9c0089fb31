// CSV in and out (PRODUCT.md §6). Exports neutralise formula injection: a spreadsheet runs a
// cell that starts with = + - @ (or a tab or CR, which some spreadsheets skip before such a
// character) as a formula, so such a cell gets a leading apostrophe and is shown as text.
// Imports must survive what spreadsheets write: quoted fields, CRLF or LF, a UTF-8 BOM.

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers are ours, not a user's text, and a negative amount must stay a number.
  if (typeof value === "number") return String(value);
  return quoteField(neutraliseCell(value));
}

/**
 * RFC 4180 text with CRLF line ends, each record (the last included) ending in CRLF. Every string
 * cell, the header included, is neutralised; numbers are written as given; null and undefined
 * are empty cells. No BOM is added: a route that serves the file to Excel may prepend one.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return [header, ...rows].map((row) => `${formatRecord(row)}\r\n`).join("");
}

function formatRecord(row: Array<string | number | null | undefined>): string {
  const text = row.map(formatCell).join(",");
  // A record of one empty cell would be an empty line, which readers (ours included) skip;
  // quoting it keeps the row.
  return text === "" && row.length === 1 ? '""' : text;
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvParseError";
  }
}

export interface CsvRecord {
  /** The 1-based line of the file on which the record starts, for row-by-row import errors. */
  line: number;
  fields: string[];
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records
 * end in CRLF, LF or a lone CR; a leading UTF-8 BOM is dropped. Empty lines are skipped (editors
 * and spreadsheets leave them at the end). Lenient where spreadsheets are: a quote inside an
 * unquoted field, or text after a closing quote, is kept as text. A quoted field left open at
 * the end of the file throws CsvParseError, since everything after it would silently become
 * one field.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedOnLine = 0;
  // A quote opens a quoted field only as the field's first character.
  let atFieldStart = true;
  // Whether the current record holds anything at all: an empty line is not a record.
  let recordStarted = false;

  for (let i = 0; i < input.length; i++) {
    const char = input.charAt(i);
    const next = input.charAt(i + 1);
    if (quoted) {
      if (char === '"' && next === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n" || (char === "\r" && next !== "\n")) line++;
        field += char;
      }
    } else if (char === '"' && atFieldStart) {
      quoted = true;
      quoteOpenedOnLine = line;
      atFieldStart = false;
      recordStarted = true;
    } else if (char === ",") {
      fields.push(field);
      field = "";
      atFieldStart = true;
      recordStarted = true;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && next === "\n") i++;
      if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
      fields = [];
      field = "";
      atFieldStart = true;
      recordStarted = false;
      line++;
      recordLine = line;
    } else {
      field += char;
      atFieldStart = false;
      recordStarted = true;
    }
  }
  if (quoted) throw new CsvParseError(`A quoted field opened on line ${quoteOpenedOnLine} is never closed.`, quoteOpenedOnLine);
  if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
  return records;
}

/** The fields of each record; see parseCsvRecords for the rules. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}
