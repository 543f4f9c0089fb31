import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv-safety.ts";
import {
  escapeMarkdown,
  safeDocsUrl,
  SPEC_SHEET_CSV_HEADER,
  specSheetCsvRows,
  specSheetMarkdown,
  specSheetSections,
  type SpecSheetCapability,
} from "./spec-sheet.ts";

const product = { name: "Ledgerline", slug: "ledgerline", description: "Financial reporting for finance teams." };
const generatedAt = new Date("2026-03-03T15:30:00Z");

const row = (
  overrides: Partial<SpecSheetCapability> & Pick<SpecSheetCapability, "key" | "title" | "status">,
): SpecSheetCapability => ({
  description: "",
  conditions: "",
  docsUrl: null,
  ...overrides,
});

const capabilities: SpecSheetCapability[] = [
  row({
    key: "sso-saml",
    title: "SSO / SAML",
    status: "SUPPORTED",
    description: "Single sign-on.",
    conditions: "Any SAML 2.0 identity provider",
  }),
  row({
    key: "excel-export",
    title: "Excel export",
    status: "PARTIAL",
    description: "Export any report to Excel.",
    conditions: "xlsx for Excel 2007 and later; legacy .xls not supported",
    docsUrl: "https://docs.example.test/ledgerline/export",
  }),
  row({
    key: "ai-commentary",
    title: "AI variance commentary",
    status: "ROADMAP",
    conditions: "Beta planned; no committed date",
  }),
  row({ key: "on-premises", title: "On-premises install", status: "NOT_SUPPORTED", conditions: "SaaS only" }),
  row({ key: "audit-trail", title: "Audit trail", status: "SUPPORTED" }),
];

function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe("specSheetSections", () => {
  it("puts every row in the section of its status, sorted by title, keeping empty sections", () => {
    const sections = specSheetSections(
      product,
      capabilities.filter((c) => c.status !== "NOT_SUPPORTED"),
    );
    expect(sections.map((s) => s.heading)).toEqual([
      "What Ledgerline does",
      "What it does with limitations",
      "On the roadmap",
      "What it does not do",
    ]);
    expect(sections[0]?.items.map((i) => i.title)).toEqual(["Audit trail", "SSO / SAML"]);
    expect(sections[3]?.items).toEqual([]);
  });
});

describe("specSheetMarkdown", () => {
  const markdown = specSheetMarkdown(product, capabilities, generatedAt);

  it("lists limited capabilities with their conditions", () => {
    const partial = sectionOf(markdown, "What it does with limitations");
    expect(partial).toContain("### Excel export");
    expect(partial).toContain("Limitations: xlsx for Excel 2007 and later; legacy .xls not supported");
    expect(partial).toContain("Documentation: <https://docs.example.test/ledgerline/export>");
  });

  it("marks roadmap items as not available today and promises no dates", () => {
    const roadmap = sectionOf(markdown, "On the roadmap");
    expect(roadmap).toContain("Not available today");
    expect(roadmap).toContain("no delivery dates are promised");
    expect(roadmap).toContain("### AI variance commentary");
  });

  it("says what the product does not do, and when it was generated", () => {
    expect(sectionOf(markdown, "What it does not do")).toContain("### On-premises install");
    expect(markdown).toContain("Generated on 3 Mar 2026");
    expect(markdown.startsWith("# Ledgerline — spec sheet\n")).toBe(true);
  });

  it("keeps matrix text from being read as Markdown or breaking the layout", () => {
    const tricky = row({
      key: "x",
      title: "# Big *claim* [link](javascript:alert(1))",
      status: "SUPPORTED",
      conditions: "line one\n\n## line two",
    });
    const text = specSheetMarkdown(product, [tricky], generatedAt);
    expect(text).toContain("### \\# Big \\*claim\\* \\[link\\](javascript:alert(1))");
    expect(text).toContain("Conditions: line one ## line two");
    expect(text).not.toMatch(/^## line two/m);
  });

  it("drops documentation links that are not http(s)", () => {
    const text = specSheetMarkdown(
      product,
      [row({ key: "x", title: "X", status: "SUPPORTED", docsUrl: "javascript:alert(1)" })],
      generatedAt,
    );
    expect(text).not.toContain("javascript");
    expect(text).not.toContain("Documentation:");
  });
});

describe("specSheetCsvRows", () => {
  it("writes one row per capability in spec-sheet order with customer-facing columns only", () => {
    const rows = specSheetCsvRows(product, capabilities, generatedAt);
    expect(rows.map((r) => r[2])).toEqual([
      "Audit trail",
      "SSO / SAML",
      "Excel export",
      "AI variance commentary",
      "On-premises install",
    ]);
    expect(rows[2]).toEqual([
      "Ledgerline",
      "What it does with limitations",
      "Excel export",
      "Partial",
      "Export any report to Excel.",
      "xlsx for Excel 2007 and later; legacy .xls not supported",
      "https://docs.example.test/ledgerline/export",
      "3 Mar 2026",
    ]);
    expect(rows[3]?.[3]).toBe("Not available today (on the roadmap)");
    expect(rows.every((r) => r.length === SPEC_SHEET_CSV_HEADER.length)).toBe(true);
  });

  it("is neutralised against formula injection once written with toCsv", () => {
    const rows = specSheetCsvRows(
      product,
      [row({ key: "x", title: '=HYPERLINK("http://evil")', status: "SUPPORTED" })],
      generatedAt,
    );
    const [, parsed] = parseCsv(toCsv(SPEC_SHEET_CSV_HEADER, rows));
    expect(parsed?.[2]).toBe('\'=HYPERLINK("http://evil")');
  });
});

describe("helpers", () => {
  it("accepts only http(s) documentation links", () => {
    expect(safeDocsUrl("https://docs.example.test/a b")).toBe("https://docs.example.test/a%20b");
    expect(safeDocsUrl("ftp://example.test")).toBeNull();
    expect(safeDocsUrl("not a url")).toBeNull();
    expect(safeDocsUrl(null)).toBeNull();
  });

  it("escapes list markers at the start of a line without touching ordinary punctuation", () => {
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("xlsx only; .xls is not supported")).toBe("xlsx only; .xls is not supported");
  });
});
