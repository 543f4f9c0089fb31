import { parse, CsvError } from "csv-parse/sync";

// CSV in and out (PRODUCT.md §6). Reading is csv-parse's (quoting, line ends, BOM); writing is
// RFC 4180 quoting, below; Candor's rules sit on top. Exports neutralise formula injection: a
// spreadsheet runs a cell that starts with = + - @ (or a tab or CR, which some spreadsheets skip
// before such a character) as a formula, so such a cell gets a leading apostrophe and is shown
// as text. Imports must survive what spreadsheets write: quoted fields, CRLF, LF or CR line
// ends mixed in one file, a UTF-8 BOM, stray quotes; and every record knows the line it starts
// on, for row-by-row import reports.

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

function exportCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers are ours, not a user's text, and a negative amount must stay a number.
  if (typeof value === "number") return String(value);
  return neutraliseCell(value);
}

/** A field holding any of these is quoted (and its quotes doubled); others are written as they are. */
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

type CsvCell = string | number | null | undefined;

/**
 * CSV records (RFC 4180, each ending in CRLF) without a header: what a streamed export writes
 * batch by batch after `toCsv`'s header. Every string cell is neutralised; numbers are written as
 * given; null and undefined are empty cells.
 *
 * Written here rather than through csv-stringify, which reading uses: quoting is the one rule of
 * writing, and the exports write hundreds of thousands of cells (the claims CSV spent more time
 * in the library's per-record machinery than in its SQL; ADR 025). `csv-safety.test.ts` reads
 * every output back with the parser.
 */
export function toCsvRecords(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  let text = "";
  for (const row of rows) {
    const cells = row.map((value) => csvField(exportCell(value)));
    // A record of one empty cell would be an empty line, which readers (ours included) skip;
    // quoting it keeps the row.
    text += cells.length > 1 || cells[0] ? `${cells.join(",")}\r\n` : '""\r\n';
  }
  return text;
}

/** A whole file: the header, neutralised like every cell, then the records. No BOM is added: a route that serves the file to Excel may prepend one. */
export function toCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return toCsvRecords([header, ...rows]);
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

const LINE_BREAK = /\r\n|\n|\r/g;

function lineBreaksIn(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records
 * end in CRLF, LF or a lone CR; a leading UTF-8 BOM is dropped. Empty lines are skipped (editors
 * and spreadsheets leave them at the end). Lenient where spreadsheets are: a quote inside an
 * unquoted field, or text after a closing quote, is kept as written. A quoted field left open at the end of the file throws
 * CsvParseError naming the line its record starts on, since everything after it would silently become
 * one field.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, csv-parse returns { record, info, raw } per record; its types do not say so.
    parsed = parse(text, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      info: true,
      // Kept so that an unclosed quote can be traced back to the line its record starts on.
      raw: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      // The parser stops at the end of the file; the record's own line breaks lead back to its start.
      const { lines, raw } = error as CsvError & { lines: number; raw?: string };
      const start = Math.max(1, lines - lineBreaksIn((raw ?? "").replace(/(\r\n|\n|\r)$/, "")));
      throw new CsvParseError(`The record starting on line ${start} has a quoted field that is never closed.`, start);
    }
    if (error instanceof CsvError) {
      const { lines } = error as CsvError & { lines?: number };
      throw new CsvParseError(`The file is not valid CSV near line ${lines ?? 1}.`, lines ?? 1);
    }
    throw error;
  }
  // `lines` is where a record ends; line breaks inside its quoted fields lead back to its start.
  return parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((sum, field) => sum + lineBreaksIn(field), 0),
    fields: record,
  }));
}

/** The fields of each record; see parseCsvRecords for the rules. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}
