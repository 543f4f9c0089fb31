import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParseError, neutraliseCell, parseCsv, parseCsvRecords, toCsv, toCsvRecords } from "./csv-safety.ts";

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes %j with an apostrophe", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(["Excel export", "a=b", "", " =1", "'=1", "1-2"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe("toCsv", () => {
  it("quotes, neutralises and ends lines with CRLF", () => {
    const csv = toCsv(
      ["id", "note"],
      [
        ["c1", "Hello, world"],
        ["c2", 'He said "yes"'],
        ["c3", "line one\nline two"],
        [42, null],
        [-5, undefined],
        ["=1+1", "-5"],
        ["\rx", 1.5],
      ],
    );
    expect(csv).toBe(
      'id,note\r\nc1,"Hello, world"\r\nc2,"He said ""yes"""\r\nc3,"line one\nline two"\r\n42,\r\n-5,\r\n\'=1+1,\'-5\r\n"\'\rx",1.5\r\n',
    );
  });

  it("neutralises header cells too", () => {
    expect(toCsv(["=x"], [])).toBe("'=x\r\n");
  });

  it("writes a streamed file, header then batches of records, exactly as the whole file", () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "=", " ") }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.nat(8),
        (rows, cut) => {
          const streamed = toCsv(["h1", "h2"], []) + toCsvRecords(rows.slice(0, cut)) + toCsvRecords(rows.slice(cut));
          expect(streamed).toBe(toCsv(["h1", "h2"], rows));
        },
      ),
    );
  });

  it("keeps a row of a single empty cell as a row", () => {
    expect(toCsv(["a"], [[""], [null]])).toBe('a\r\n""\r\n""\r\n');
    expect(parseCsv(toCsv(["a"], [[""]]))).toEqual([["a"], [""]]);
  });
});

describe("parseCsv", () => {
  it("reads CRLF and LF files alike", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a\rb")).toEqual([["a"], ["b"]]);
  });

  it("drops a UTF-8 BOM", () => {
    expect(parseCsv("\uFEFFname,email\nAda,ada@example.com\n")).toEqual([
      ["name", "email"],
      ["Ada", "ada@example.com"],
    ]);
  });

  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    expect(parseCsv('id,note\r\n1,"Hello, ""world""\r\nsecond line"\r\n2,x\r\n')).toEqual([
      ["id", "note"],
      ["1", 'Hello, "world"\r\nsecond line'],
      ["2", "x"],
    ]);
  });

  it("keeps empty fields and skips empty lines", () => {
    expect(parseCsv("a,,c\n,,\n\n\nb\n\n")).toEqual([["a", "", "c"], ["", "", ""], ["b"]]);
    expect(parseCsv('""')).toEqual([[""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("is lenient with stray quotes, as spreadsheets are", () => {
    expect(parseCsv('a"b,"c"d')).toEqual([['a"b', '"c"d']]);
  });

  it("reports the line each record starts on", () => {
    expect(parseCsvRecords('h1,h2\n1,"two\nlines"\n\n3,x\n')).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["1", "two\nlines"] },
      { line: 5, fields: ["3", "x"] },
    ]);
  });

  it("refuses a quoted field that is never closed, naming its line", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvParseError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect(error instanceof CsvParseError && error.line).toBe(2);
    }
  });

  it("reads back what toCsv wrote", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r", "=", "-", "'", "é", "\t") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const [header = ["h"], ...body] = rows;
        expect(parseCsv(toCsv(header, body))).toEqual([header, ...body].map((row) => row.map(neutraliseCell)));
      }),
    );
  });
});
