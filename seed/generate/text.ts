import type { Rng } from "../random.ts";

/** Replaces {name} placeholders; {n} becomes a small random number (a minute, an RFP row). */
export function fill(template: string, vars: Readonly<Record<string, string>>, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === "n") return String(rng.int(2, 48));
    return vars[key] ?? whole;
  });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Names that keep their capital when a condition is quoted mid-sentence.
const PROPER_FIRST_WORDS = new Set(["Frankfurt", "Okta", "Windows", "We"]);

/** "Refresh every…" → "refresh every…", but "S/4HANA…", "SaaS…" and "Okta…" keep their capitals. */
export function lowerFirst(text: string): string {
  const first = text.split(" ")[0] ?? "";
  const plainWord = /^[A-Z][a-z-]*;?$/.test(first) && !PROPER_FIRST_WORDS.has(first);
  return plainWord ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "PARTIAL" → "partial", "NOT_SUPPORTED" → "not supported": the level as a sentence says it. */
export function levelWords(level: string): string {
  return level === "ROADMAP" ? "on the roadmap" : level.toLowerCase().replace("_", " ");
}
