// Splitting a speaker's words into sentences (PRODUCT.md §7: a candidate claim is one sentence
// with its neighbours). A full stop ends a sentence unless it belongs to an abbreviation
// ("e.g.", "Mr.", "approx."), an initial ("Maya J. Chen") or a number ("v2.1" has no space
// after its point, so it never ends one; "Excel 2007. Older …" does).

// Never end a sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "vs",
  "cf",
  "approx",
  "incl",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "jr",
  "sr",
  "al",
  "viz",
  "esp",
  "dept",
]);
// End a sentence only when the next word is capitalised ("… by Acme Inc. They said …").
const SENTENCE_FINAL_ABBREVIATIONS = new Set([
  "etc",
  "inc",
  "ltd",
  "corp",
  "co",
  "llc",
  "a.m",
  "p.m",
  "am",
  "pm",
  "u.s",
  "min",
  "max",
  "sec",
  "hr",
  "hrs",
  "st",
]);

const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+/g;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const next = text.slice(match.index + match[0].length);
    if (!endsSentence(text.slice(start, match.index), match[1] ?? "", next)) continue;
    push(sentences, text.slice(start, end));
    start = match.index + match[0].length;
  }
  push(sentences, text.slice(start));
  return sentences;
}

function push(sentences: string[], piece: string): void {
  const sentence = piece.trim();
  if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
}

function endsSentence(before: string, punctuation: string, next: string): boolean {
  const nextStartsUpper = /^["'“‘([]?[\p{Lu}\p{N}]/u.test(next);
  if (/[!?]/.test(punctuation)) return true;
  if (punctuation.length > 1 || punctuation === "…") return nextStartsUpper; // "we have... some limits" goes on
  const word = /([\p{L}\p{N}.'’-]+)$/u.exec(before)?.[1] ?? "";
  const lower = word.toLowerCase().replace(/^[-'’]+/, "");
  if (ABBREVIATIONS.has(lower)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  if (lower === "no" && /^\d/.test(next)) return false; // "No. 5"
  if (SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return nextStartsUpper;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return nextStartsUpper; // dotted abbreviations Candor does not list
  return true;
}
