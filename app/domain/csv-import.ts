import { CsvParseError, parseCsvRecords } from "./csv-safety.ts";

// Shared rules of Candor's CSV imports (PRODUCT.md §6): headers are matched by name whatever
// their case, spacing or punctuation; every problem names its line, column and reason; an
// import writes nothing unless every row is valid.

/** Uploads larger than this are refused with 413 before they are parsed. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const UTF16_FILE =
  "This file is saved as UTF-16. Save it as CSV UTF-8 (in Excel: Save As → CSV UTF-8) and import it again.";

/**
 * Whether an upload is UTF-16 text, as Excel's "Unicode Text" and some CRM exports write it:
 * read as UTF-8 it would give row errors about values that look right. A byte-order mark says
 * so; without one, ASCII text in UTF-16 has a NUL byte in every other place, which UTF-8 text
 * never has.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return true;
  const sample = bytes.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = Math.floor(sample.length / 2);
  return pairs > 0 && Math.max(evenNuls, oddNuls) >= pairs / 2;
}

export interface ImportColumn<K extends string> {
  key: K;
  /** The header we document and write in templates. */
  header: string;
  /** Other spellings accepted (compared after normalising). */
  aliases?: readonly string[];
  required: boolean;
  /** What the column holds, for the page that documents the format. */
  description: string;
}

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** The column's documented header, or null for a problem with the whole row or file. */
  column: string | null;
  reason: string;
}

export interface ImportRow<K extends string> {
  line: number;
  values: Record<K, string>;
}

/** A problem with one item of a batch (a CSV row or an element of an API array): its position (0-based), the field, and why. */
export interface BatchProblem<K extends string> {
  index: number;
  key: K;
  reason: string;
}

/** The check of a batch shared by a CSV import and the JSON API: every item when all are valid, otherwise every problem. */
export type BatchCheck<K extends string, T> = { ok: true; items: T[] } | { ok: false; problems: BatchProblem<K>[] };

/**
 * The one check of a batch shared by a CSV import and the JSON API (PRODUCT.md §9: the same fields
 * and rules): each item's field texts ("" when absent), what the model looked up for them, and
 * `whereIs(index)`, which names another item in the caller's words ("on line 4", "at index 3")
 * for the duplicate sentence.
 */
export type BatchValuesCheck<K extends string, L, T> = (
  batch: ReadonlyArray<Record<K, string>>,
  lookups: L,
  whereIs: (index: number) => string,
) => BatchCheck<K, T>;

/** What the check of one item of a batch is handed. */
export interface BatchItemCheck<K extends string> {
  /** Reports a problem with one of the item's fields. */
  problem: (key: K, reason: string) => void;
  /** Where the batch first had `id`, in the caller's words ("on line 4"), or null the first time. */
  repeatOf: (id: string) => string | null;
}

/**
 * Checks every item of a batch with `checkItem`, which reports each problem of the item and
 * returns what the item becomes, or null when it cannot become anything. An item with a problem
 * is left out; the batch is ok only when no item has one. `whereIs(index)` names an item of the
 * batch in the caller's words ("on line 4", "at index 3").
 */
export function checkBatch<K extends string, V, T>(
  batch: readonly V[],
  whereIs: (index: number) => string,
  checkItem: (values: V, check: BatchItemCheck<K>) => T | null,
): BatchCheck<K, T> {
  const problems: BatchProblem<K>[] = [];
  const items: T[] = [];
  const firstIndexOf = new Map<string, number>();
  batch.forEach((values, index) => {
    const before = problems.length;
    const item = checkItem(values, {
      problem: (key, reason) => problems.push({ index, key, reason }),
      repeatOf: (id) => {
        const seen = firstIndexOf.get(id);
        if (seen !== undefined) return whereIs(seen);
        firstIndexOf.set(id, index);
        return null;
      },
    });
    if (problems.length === before && item !== null) items.push(item);
  });
  return problems.length ? { ok: false, problems } : { ok: true, items };
}

/** A batch check (BatchValuesCheck) from the check of one item, which is handed the lookups too (see checkBatch). */
export function batchValuesCheck<K extends string, L, T>(
  checkItem: (values: Record<K, string>, lookups: L, check: BatchItemCheck<K>) => T | null,
): BatchValuesCheck<K, L, T> {
  return (batch, lookups, whereIs) => checkBatch(batch, whereIs, (values, check) => checkItem(values, lookups, check));
}

/** A CSV import's check: every row with its line when all are valid, otherwise every problem and the number of rows. */
export type ImportCheck<T> =
  { ok: true; rows: Array<{ line: number } & T> } | { ok: false; problems: ImportProblem[]; rowCount: number };

/**
 * One import's CSV steps, from its columns and the check of a batch it shares with the JSON API:
 * `read` splits a file into rows (parsing 10,000 rows takes a noticeable fraction of a second: do
 * it once); `checkRows` runs them through the batch check and names the problems by line and
 * column header (in the file's column order), or gives each valid item with its line; `check`
 * does both. The import may write only when the check says ok.
 */
export function csvImport<K extends string, L, T>(
  columns: readonly ImportColumn<K>[],
  checkValues: BatchValuesCheck<K, L, T>,
) {
  const read = (text: string): ReadImportResult<K> => readImportCsv(text, columns);
  const checkRows = (rows: ReadImportResult<K>, lookups: L): ImportCheck<T> => {
    if (!rows.ok) return { ok: false, problems: rows.problems, rowCount: 0 };
    const lineOf = (index: number) => rows.rows[index]?.line ?? 0;
    const check = checkValues(
      rows.rows.map((row) => row.values),
      lookups,
      (index) => `on line ${lineOf(index)}`,
    );
    if (!check.ok) {
      const headerOf = new Map(columns.map((column) => [column.key, column.header]));
      const problems = check.problems.map((problem) => ({
        line: lineOf(problem.index),
        column: headerOf.get(problem.key) ?? null,
        reason: problem.reason,
      }));
      const order = columns.map((column) => column.header);
      return { ok: false, problems: sortProblems(problems, order), rowCount: rows.rows.length };
    }
    return { ok: true, rows: check.items.map((item, index) => ({ line: lineOf(index), ...item })) };
  };
  return { read, checkRows, check: (text: string, lookups: L) => checkRows(read(text), lookups) };
}

/** "Contact E-mail", " contact_email " and "CONTACTEMAIL" are the same header. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export type ReadImportResult<K extends string> =
  { ok: true; rows: ImportRow<K>[] } | { ok: false; problems: ImportProblem[] };

/**
 * Splits a CSV file into rows keyed by column. Problems with the file itself (no header, a
 * missing or repeated column, a row with more cells than the header) are reported here; the
 * values are checked by each import's own rules.
 */
export function readImportCsv<K extends string>(
  text: string,
  columns: readonly ImportColumn<K>[],
): ReadImportResult<K> {
  let records;
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvParseError)
      return { ok: false, problems: [{ line: error.line, column: null, reason: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      problems: [{ line: 1, column: null, reason: "The file is empty: it needs a header row and at least one row." }],
    };

  const problems: ImportProblem[] = [];
  const indexOf = new Map<K, number>();
  const names = new Map<string, K>();
  for (const column of columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) names.set(normaliseHeader(name), column.key);
  }
  header.fields.forEach((raw, index) => {
    const key = names.get(normaliseHeader(raw));
    if (key === undefined) return; // extra columns of a CRM export are ignored
    if (indexOf.has(key)) {
      problems.push({ line: header.line, column: raw.trim(), reason: `The column "${raw.trim()}" appears twice.` });
      return;
    }
    indexOf.set(key, index);
  });
  for (const column of columns) {
    if (column.required && !indexOf.has(column.key)) {
      problems.push({
        line: header.line,
        column: column.header,
        reason: `The header row has no "${column.header}" column.`,
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  if (body.length === 0)
    return {
      ok: false,
      problems: [{ line: header.line, column: null, reason: "The file has a header row but no rows to import." }],
    };

  const rows: ImportRow<K>[] = [];
  for (const record of body) {
    if (record.fields.length > header.fields.length) {
      problems.push({
        line: record.line,
        column: null,
        reason: `The row has ${record.fields.length} cells but the header has ${header.fields.length}.`,
      });
      continue;
    }
    const values = {} as Record<K, string>;
    for (const column of columns) {
      const index = indexOf.get(column.key);
      values[column.key] = index === undefined ? "" : (record.fields[index] ?? "").trim();
    }
    rows.push({ line: record.line, values });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as CRMs export it: `2026-03-31` (taken as noon UTC, so the calendar day is the same in
 * every timezone we serve) or an ISO date-time (UTC unless it names an offset). Null when it is
 * neither or names a day that does not exist (2026-02-30).
 */
export function parseImportDate(value: string): Date | null {
  const day = ISO_DATE.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const result = new Date(Date.UTC(year, month - 1, date, 12));
    return result.getUTCFullYear() === year && result.getUTCMonth() === month - 1 && result.getUTCDate() === date
      ? result
      : null;
  }
  if (!ISO_DATE_TIME.test(value)) return null;
  const [datePart = ""] = value.split(/[T ]/);
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value.slice(10));
  const result = new Date(hasOffset ? value.replace(" ", "T") : `${value.replace(" ", "T")}Z`);
  if (Number.isNaN(result.getTime())) return null;
  // Reject rolled-over days such as 2026-02-30T10:00.
  return parseImportDate(datePart) === null ? null : result;
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** The largest amount a deal may hold: the database stores cents in a 32-bit integer. */
export const MAX_AMOUNT_CENTS = 2_147_483_647;

/**
 * "12500", "12,500.50", "$12,500" → integer cents, exactly (no floating point). Null for
 * anything else: negative amounts, more than two decimals, letters, or more than MAX_AMOUNT_CENTS.
 */
export function parseAmountCents(value: string): number | null {
  const text = value.replace(/^\$/, "").trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = (match[1] ?? "").replace(/,/g, "");
  const fraction = (match[2] ?? "").padEnd(2, "0");
  if (whole.length > 12) return null;
  const cents = Number(whole) * 100 + Number(fraction);
  return cents <= MAX_AMOUNT_CENTS ? cents : null;
}

/** Problems sorted the way a person fixes a file: top to bottom, left to right. */
export function sortProblems(problems: ImportProblem[], columnOrder: readonly string[]): ImportProblem[] {
  const rank = (column: string | null) => (column === null ? -1 : columnOrder.indexOf(column));
  return [...problems].sort((a, b) => a.line - b.line || rank(a.column) - rank(b.column));
}

/** "3 created, 1 updated, 12 unchanged" — the words an import reports in. */
export function importCountsSentence(
  counts: { created: number; updated: number; unchanged: number },
  createdWord = "created",
): string {
  const n = (value: number) => value.toLocaleString("en-US");
  return `${n(counts.created)} ${createdWord}, ${n(counts.updated)} updated, ${n(counts.unchanged)} unchanged`;
}
