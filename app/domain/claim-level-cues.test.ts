import { describe, expect, it } from "vitest";
import { readAssertedLevel, type CapabilityLevel } from "./claim-level-cues.ts";

// What a customer would take away from each sentence, and the words that show it.
const TABLE: [sentence: string, level: CapabilityLevel, cues: string[]][] = [
  ["Yes, we export straight to xlsx, it works with Excel 2007 and later.", "SUPPORTED", []],
  ["SSO with Okta is fully supported out of the box.", "SUPPORTED", []],
  ["You don't need a plugin, the export is built in.", "SUPPORTED", []],
  ["No problem, the Salesforce sync runs every fifteen minutes.", "SUPPORTED", []],
  ["It's not limited to xlsx, you can export csv as well.", "SUPPORTED", []],
  ["Not only xlsx but csv and PDF too.", "SUPPORTED", []],
  ["The data coming from Salesforce lands in the warehouse nightly.", "SUPPORTED", []],
  ["We don't support the legacy .xls format.", "NOT_SUPPORTED", ["we don't"]],
  ["The API doesn't do bulk deletes.", "NOT_SUPPORTED", ["doesn't"]],
  ["SCIM provisioning is not supported.", "NOT_SUPPORTED", ["not supported"]],
  ["There's no support for on-premise installs.", "NOT_SUPPORTED", ["no support for"]],
  ["You can't export more than one sheet at a time.", "NOT_SUPPORTED", ["can't"]],
  ["Honestly, we cannot do real-time sync.", "NOT_SUPPORTED", ["we cannot"]],
  ["SAML isn’t available on the Starter plan.", "NOT_SUPPORTED", ["isn’t"]],
  ["It's not on the roadmap, to be honest.", "NOT_SUPPORTED", ["not on the roadmap"]],
  ["We don't have offline mode on our roadmap.", "NOT_SUPPORTED", ["don't have offline mode on our roadmap"]],
  ["There are no plans to support Lotus Notes.", "NOT_SUPPORTED", ["no plans"]],
  ["That's not something we have planned.", "NOT_SUPPORTED", ["not something we have planned"]],
  ["We dropped it, so xls is no longer supported.", "NOT_SUPPORTED", ["no longer"]],
  ["We can't do that, only through the CSV importer.", "NOT_SUPPORTED", ["we can't"]],
  ["We don't support it yet, but it's coming next quarter.", "ROADMAP", ["coming", "next quarter"]],
  ["Multi-currency is planned for the next release.", "ROADMAP", ["planned", "next release"]],
  ["Dark mode is on the roadmap for later this year.", "ROADMAP", ["on the roadmap", "later this year"]],
  ["The Teams integration is coming soon.", "ROADMAP", ["coming soon"]],
  ["Audit exports will be available in Q3.", "ROADMAP", ["will be", "in q3"]],
  ["Our engineers are working on SCIM right now.", "ROADMAP", ["working on"]],
  ["It's partially there today and fully done next quarter.", "ROADMAP", ["next quarter"]],
  ["It's planned, but I can't promise a date.", "ROADMAP", ["planned"]],
  ["Excel export works, with some limits on very large sheets.", "PARTIAL", ["with some limits"]],
  ["We only export xlsx, not the old xls files.", "PARTIAL", ["only"]],
  ["Every format is supported except Numbers.", "PARTIAL", ["except"]],
  ["SSO is partially supported on mobile.", "PARTIAL", ["partially"]],
  ["Reporting is limited to twelve months of history.", "PARTIAL", ["limited"]],
  ["We don't support all the chart types yet.", "PARTIAL", ["don't support all"]],
  ["Not yet all of the connectors are certified.", "PARTIAL", ["not yet all"]],
  ["Some of the dashboards can be exported to PDF.", "PARTIAL", ["some"]],
  ["It mostly works with the Google Sheets add-on.", "PARTIAL", ["mostly"]],
  ["There's a workaround using the API.", "PARTIAL", ["workaround"]],
];

describe("readAssertedLevel", () => {
  it.each(TABLE)("%s → %s %j", (sentence, level, cues) => {
    expect(readAssertedLevel(sentence)).toEqual({ level, cues });
  });

  it("reads cues as whole words only", () => {
    expect(readAssertedLevel("Sometimes someone exports something huge, and it works.")).toEqual({
      level: "SUPPORTED",
      cues: [],
    });
    expect(readAssertedLevel("The roadmapping workshop exported everything.").level).toBe("SUPPORTED");
  });

  it("gives the cues as written in the sentence, lower-cased, whatever the apostrophes and spacing", () => {
    expect(readAssertedLevel("We DON’T support that.")).toEqual({ level: "NOT_SUPPORTED", cues: ["we don’t"] });
    expect(readAssertedLevel("It is Coming   Next Quarter.")).toEqual({
      level: "ROADMAP",
      cues: ["coming", "next quarter"],
    });
  });
});
