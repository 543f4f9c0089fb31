import { describe, expect, it } from "vitest";
import {
  buildSentenceIndex,
  matchCapabilities,
  normaliseTokens,
  parsePhrases,
  type MatchableCapability,
} from "./phrase-matching.ts";

const sentences = [
  "Thanks for joining, Tom.",
  "We export to spreadsheets, e.g. xlsx.",
  "It works with Excel 2007 and later.",
  "Legacy .XLS files aren't supported.",
  "Exports to CSV run nightly.",
  "Single sign-on with Okta is built in.",
  "We export, to be clear, spreadsheets only once a day.",
].map((text, index) => ({ position: index * 10, text }));

const capabilities: MatchableCapability[] = [
  { id: "cap-sso", title: "Single sign-on", phrases: ["SSO", "SAML", "okta"] },
  { id: "cap-excel", title: "Excel export", phrases: ["xlsx", "export to spreadsheet", "Excel 2007", "xls"] },
  { id: "cap-csv", title: "CSV export", phrases: ["csv"] },
];

describe("normaliseTokens", () => {
  it("ignores case, punctuation and accents, folds simple plurals and keeps digits", () => {
    expect(
      normaliseTokens("Exports to .XLS (Excel 2007), e.g. Café's v2.1 APIs; classes & boxes; capabilities xlsx"),
    ).toEqual([
      "export",
      "to",
      "xls",
      "excel",
      "2007",
      "e",
      "g",
      "cafe",
      "v2",
      "1",
      "api",
      "class",
      "box",
      "capability",
      "xlsx",
    ]);
    expect(normaliseTokens("status glasses glass sso")).toEqual(["status", "glass", "glass", "sso"]);
  });
});

describe("matchCapabilities", () => {
  const index = buildSentenceIndex(sentences);

  it("finds each sentence that names a capability by its title or a phrase, and says which phrase matched", () => {
    expect(matchCapabilities(index, capabilities)).toEqual([
      { position: 10, capabilityId: "cap-excel", phrase: "export to spreadsheet" },
      { position: 20, capabilityId: "cap-excel", phrase: "Excel 2007" },
      { position: 30, capabilityId: "cap-excel", phrase: "xls" },
      { position: 40, capabilityId: "cap-csv", phrase: "csv" },
      { position: 50, capabilityId: "cap-sso", phrase: "Single sign-on" },
    ]);
  });

  it("requires the phrase's words to be consecutive", () => {
    const matches = matchCapabilities(index, [
      { id: "cap-excel", title: "Excel export", phrases: ["export spreadsheets"] },
    ]);
    expect(matches.map((match) => match.position)).toEqual([]);
  });

  it("keeps one match per sentence and capability: the longest phrase, ties to the first written", () => {
    const tied = buildSentenceIndex([{ position: 0, text: "SAML SSO via Okta works today." }]);
    expect(matchCapabilities(tied, capabilities)).toEqual([{ position: 0, capabilityId: "cap-sso", phrase: "SSO" }]);
    const longer = matchCapabilities(tied, [{ id: "cap-sso", title: "Identity", phrases: ["okta", "SAML SSO"] }]);
    expect(longer).toEqual([{ position: 0, capabilityId: "cap-sso", phrase: "SAML SSO" }]);
  });

  it("orders matches by sentence position, then capability id, whatever order the capabilities come in", () => {
    const mixed = buildSentenceIndex([
      { position: 1, text: "CSV exports and xlsx both work, SSO too." },
      { position: 0, text: "Okta is fine." },
    ]);
    const expected = [
      { position: 0, capabilityId: "cap-sso", phrase: "okta" },
      { position: 1, capabilityId: "cap-csv", phrase: "CSV export" },
      { position: 1, capabilityId: "cap-excel", phrase: "xlsx" },
      { position: 1, capabilityId: "cap-sso", phrase: "SSO" },
    ];
    expect(matchCapabilities(mixed, capabilities)).toEqual(expected);
    expect(matchCapabilities(mixed, [...capabilities].reverse())).toEqual(expected);
  });

  it("ignores phrases with no words and matches nothing in an empty conversation", () => {
    expect(matchCapabilities(index, [{ id: "cap-x", title: "—", phrases: ["", "  ", "…"] }])).toEqual([]);
    expect(matchCapabilities(buildSentenceIndex([]), capabilities)).toEqual([]);
  });

  it("finds planted mentions in a 12,000-word call against 300 capabilities with 5 phrases each", () => {
    const filler = [
      "so",
      "the",
      "team",
      "looked",
      "at",
      "the",
      "numbers",
      "again",
      "and",
      "we",
      "talked",
      "about",
      "next",
      "steps",
      "for",
      "the",
      "rollout",
      "plan",
    ];
    const capabilityList: MatchableCapability[] = Array.from({ length: 300 }, (_, number) => ({
      id: `cap-${String(number).padStart(3, "0")}`,
      title: `Module ${number} connector`,
      phrases: [
        `feature${number}`,
        `widget ${number} sync`,
        `report pack ${number}`,
        `the ${number} api`,
        `legacy format${number} files`,
      ],
    }));
    const words: string[] = [];
    const plantedAt = new Map<number, string>([
      [100, "we support widget 42 sync for every region."],
      [400, "Report packs 7 are exported nightly."],
      [777, "Legacy format299 files aren't supported, but Module 5 connector is."],
    ]);
    const texts: string[] = [];
    for (let position = 0; words.length < 12_000; position++) {
      const text = plantedAt.get(position) ?? `${filler.slice(position % 5, 12 + (position % 5)).join(" ")}.`;
      texts.push(text);
      words.push(...text.split(" "));
    }
    const big = buildSentenceIndex(texts.map((text, position) => ({ position, text })));
    expect(matchCapabilities(big, capabilityList)).toEqual([
      { position: 100, capabilityId: "cap-042", phrase: "widget 42 sync" },
      { position: 400, capabilityId: "cap-007", phrase: "report pack 7" },
      { position: 777, capabilityId: "cap-005", phrase: "Module 5 connector" },
      { position: 777, capabilityId: "cap-299", phrase: "legacy format299 files" },
    ]);
  });
});

describe("parsePhrases", () => {
  it("keeps one trimmed phrase per line, dropping blank lines and duplicates", () => {
    expect(parsePhrases("  xls \r\n\r\nExcel 2003\nexcel   2003\nExcel-2003\n\texport to spreadsheet\nXLS\n")).toEqual([
      "xls",
      "Excel 2003",
      "export to spreadsheet",
    ]);
    expect(parsePhrases("")).toEqual([]);
  });

  it("cuts a phrase at 100 characters", () => {
    const [phrase] = parsePhrases(`${"spreadsheet ".repeat(20)}\nxls`);
    expect(phrase?.length).toBeLessThanOrEqual(100);
    expect(phrase?.startsWith("spreadsheet spreadsheet")).toBe(true);
  });
});
