import { formatDate } from "./format.ts";
import { levelLabel, type CapabilityLevel } from "./levels.ts";

// The customer-facing spec sheet (PRODUCT.md §3): the honest list of what a product does, does
// with limitations, may do one day and does not do, generated from the capability matrix.
// Only customer-facing fields come in, so owner, pain points and verifier cannot leak out.

export interface SpecSheetProduct {
  name: string;
  slug: string;
  description: string;
}

export interface SpecSheetCapability {
  key: string;
  title: string;
  description: string;
  status: CapabilityLevel;
  conditions: string;
  docsUrl: string | null;
}

export interface SpecSheetSection {
  status: CapabilityLevel;
  heading: string;
  intro: string;
  items: SpecSheetCapability[];
}

const SECTION_ORDER: readonly CapabilityLevel[] = ["SUPPORTED", "PARTIAL", "ROADMAP", "NOT_SUPPORTED"];

function sectionText(status: CapabilityLevel, productName: string): { heading: string; intro: string } {
  switch (status) {
    case "SUPPORTED":
      return {
        heading: `What ${productName} does`,
        intro: "Available today. Where a capability has conditions, they are listed with it.",
      };
    case "PARTIAL":
      return {
        heading: "What it does with limitations",
        intro: "Available today, within the limitations stated for each.",
      };
    case "ROADMAP":
      return {
        heading: "On the roadmap",
        intro: "Not available today. These are plans, not commitments: no delivery dates are promised.",
      };
    case "NOT_SUPPORTED":
      return { heading: "What it does not do", intro: "Not available, and not planned." };
  }
}

/** The matrix rows grouped into the four sections, each sorted by title; empty sections kept. */
export function specSheetSections(
  product: SpecSheetProduct,
  capabilities: readonly SpecSheetCapability[],
): SpecSheetSection[] {
  return SECTION_ORDER.map((status) => ({
    status,
    ...sectionText(status, product.name),
    items: capabilities
      .filter((capability) => capability.status === status)
      .sort((a, b) => a.title.localeCompare(b.title, "en")),
  }));
}

/** Only http(s) links are written out; anything else in the row is dropped rather than trusted. */
export function safeDocsUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Matrix text is plain text: one line, with the characters Markdown would interpret escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)\.(\s)/, "$1\\.$2");
}

// An autolink, because parentheses in a URL would end an inline link early; safeDocsUrl's href
// has already percent-encoded the spaces and angle brackets an autolink may not hold.
function markdownLink(url: string): string {
  return `<${url}>`;
}

function markdownItem(capability: SpecSheetCapability, status: CapabilityLevel): string {
  const lines = [`### ${escapeMarkdown(capability.title)}`, ""];
  if (status === "ROADMAP") lines.push("**Not available today.**", "");
  const description = escapeMarkdown(capability.description);
  if (description) lines.push(description, "");
  const conditions = escapeMarkdown(capability.conditions);
  if (conditions) lines.push(`${status === "PARTIAL" ? "Limitations" : "Conditions"}: ${conditions}`, "");
  const docs = safeDocsUrl(capability.docsUrl);
  if (docs) lines.push(`Documentation: ${markdownLink(docs)}`, "");
  return lines.join("\n");
}

export function specSheetMarkdown(
  product: SpecSheetProduct,
  capabilities: readonly SpecSheetCapability[],
  generatedAt: Date,
): string {
  const parts = [`# ${escapeMarkdown(product.name)} — spec sheet`, ""];
  const description = escapeMarkdown(product.description);
  if (description) parts.push(description, "");
  parts.push(
    `Generated on ${formatDate(generatedAt)} from ${escapeMarkdown(product.name)}'s capability matrix, kept by its engineers.`,
    "",
  );
  for (const section of specSheetSections(product, capabilities)) {
    parts.push(`## ${escapeMarkdown(section.heading)}`, "", section.intro, "");
    if (section.items.length === 0) parts.push("_Nothing in this section._", "");
    for (const item of section.items) parts.push(markdownItem(item, section.status));
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

export const SPEC_SHEET_CSV_HEADER = [
  "Product",
  "Section",
  "Capability",
  "Availability",
  "Description",
  "Conditions and limitations",
  "Documentation",
  "Generated on",
];

/** One row per capability, in spec-sheet order; write them with toCsv, which neutralises formulas. */
export function specSheetCsvRows(
  product: SpecSheetProduct,
  capabilities: readonly SpecSheetCapability[],
  generatedAt: Date,
): string[][] {
  const generated = formatDate(generatedAt);
  return specSheetSections(product, capabilities).flatMap((section) =>
    section.items.map((item) => [
      product.name,
      section.heading,
      item.title,
      section.status === "ROADMAP" ? "Not available today (on the roadmap)" : levelLabel(section.status),
      item.description.trim(),
      item.conditions.trim(),
      safeDocsUrl(item.docsUrl) ?? "",
      generated,
    ]),
  );
}
