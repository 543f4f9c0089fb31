// The capability level a salesperson's sentence asserts (PRODUCT.md §7), read from cue words so
// the reading is deterministic and can be shown: "we don't" → NOT_SUPPORTED, "next quarter" →
// ROADMAP, "with some limits" → PARTIAL, otherwise SUPPORTED.
//
// Precedence, decided so the reading matches what a customer would take away:
// 1. A cue is matched on whole words; where cues overlap the longer wins ("not all" is one
//    PARTIAL cue, not a negation; "don't need" is no negation at all).
// 2. A ROADMAP cue that is itself negated in its clause ("not on the roadmap", "isn't planned",
//    "we don't have that on our roadmap") is a NOT_SUPPORTED cue, spanning the negation.
// 3. A PARTIAL cue negated right before it ("not limited to", "isn't only") is no cue: the
//    sentence says there is no limit.
// 4. Then: any ROADMAP cue → ROADMAP. A negation next to a promise describes today's gap that
//    the promise closes ("we don't support it yet, but it's coming next quarter").
// 5. Else any negation → NOT_SUPPORTED; it outweighs a limit ("we can't, only via CSV").
// 6. Else any PARTIAL cue → PARTIAL; else SUPPORTED with no cues.
// The cues returned are those of the level decided, as written in the sentence (lower-cased).

export type CapabilityLevel = "SUPPORTED" | "PARTIAL" | "NOT_SUPPORTED" | "ROADMAP";

export interface LevelReading {
  level: CapabilityLevel;
  /** The cue words exactly as found in the sentence, lower-cased, in sentence order. */
  cues: string[];
}

type CueKind = "NEGATION" | "ROADMAP" | "PARTIAL" | "NEUTRAL";

const NEGATION_CUES = [
  "we don't",
  "we do not",
  "we can't",
  "we cannot",
  "we won't",
  "don't",
  "do not",
  "doesn't",
  "does not",
  "didn't",
  "isn't",
  "is not",
  "aren't",
  "are not",
  "not supported",
  "unsupported",
  "no support for",
  "no support",
  "can't",
  "cannot",
  "can not",
  "won't",
  "will not",
  "not possible",
  "not available",
  "unavailable",
  "no longer",
  "never",
  "no plans",
  "not something",
];

const ROADMAP_CUES = [
  "next quarter",
  "next release",
  "next version",
  "next year",
  "next month",
  "next sprint",
  "next update",
  "coming soon",
  "coming",
  "upcoming",
  "planned",
  "plan to",
  "planning to",
  "plans to",
  "on the roadmap",
  "on our roadmap",
  "roadmap",
  "later this year",
  "later this quarter",
  "end of the year",
  "soon",
  "will be",
  "will have",
  "will support",
  "in the works",
  "working on",
  "in development",
  "in q1",
  "in q2",
  "in q3",
  "in q4",
  "by q1",
  "by q2",
  "by q3",
  "by q4",
];

const PARTIAL_CUES = [
  "with some limits",
  "with some limitations",
  "some limitations",
  "with limitations",
  "with limits",
  "partially",
  "partial",
  "in part",
  "limited",
  "only",
  "except",
  "except for",
  "not yet all",
  "not all",
  "not every",
  "not fully",
  "not completely",
  "doesn't support all",
  "don't support all",
  "some",
  "mostly",
  "with a workaround",
  "workaround",
];

// Phrases that contain a cue word but assert nothing about the capability's level.
const NEUTRAL_PHRASES = [
  "don't need",
  "doesn't need",
  "do not need",
  "don't have to",
  "doesn't have to",
  "don't worry",
  "no problem",
  "not a problem",
  "doesn't matter",
  "don't see why not",
  "can't think of",
  "can't wait",
  "no issue",
  "no issues",
  "not an issue",
  "coming from",
  "coming up on",
  "not only",
  "some time",
  "will be happy",
  "will be glad",
];

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "isn't",
  "aren't",
  "don't",
  "doesn't",
  "won't",
  "can't",
  "cannot",
  "nothing",
  "none",
  "nor",
  "without",
  "wasn't",
  "haven't",
  "hasn't",
]);
const CLAUSE_WORDS = new Set(["but", "though", "although", "however", "whereas", "while"]);

interface Cue {
  start: number;
  end: number;
  kind: CueKind;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PATTERNS: { kind: CueKind; pattern: RegExp }[] = (
  [
    ["NEGATION", NEGATION_CUES],
    ["ROADMAP", ROADMAP_CUES],
    ["PARTIAL", PARTIAL_CUES],
    ["NEUTRAL", NEUTRAL_PHRASES],
  ] as const
).map(([kind, phrases]) => ({
  kind,
  // Longest first, so that at one position the longest cue is the one found.
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}'])(?:${[...phrases]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => escapeForRegExp(phrase).replace(/ /g, "\\s+"))
      .join("|")})(?![\\p{L}\\p{N}'])`,
    "gu",
  ),
}));

/** Every cue candidate, overlaps resolved: longer first, then earlier. */
function findCues(text: string): Cue[] {
  const candidates: Cue[] = [];
  for (const { kind, pattern } of PATTERNS) {
    // Each alternative is tried at each position so that a shorter cue inside a longer one is still a candidate.
    for (let from = 0; from < text.length;) {
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (!match) break;
      candidates.push({ start: match.index, end: match.index + match[0].length, kind });
      from = match.index + 1;
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Cue[] = [];
  for (const candidate of candidates) {
    if (accepted.every((cue) => candidate.end <= cue.start || candidate.start >= cue.end)) accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The start of a negation within `maxWords` words before `index`, in the same clause; null when there is none. */
function negationBefore(text: string, index: number, maxWords: number): number | null {
  const before = text.slice(0, index);
  const clauseStart = Math.max(
    ...[",", ";", ":", "—", "–", "(", ")", " - "].map((mark) => before.lastIndexOf(mark) + mark.length),
    0,
  );
  const words = [...before.slice(clauseStart).matchAll(/[\p{L}\p{N}']+/gu)];
  for (let back = 1; back <= Math.min(maxWords, words.length); back++) {
    const word = words[words.length - back];
    if (!word) break;
    if (CLAUSE_WORDS.has(word[0])) return null;
    if (NEGATORS.has(word[0]) || word[0].endsWith("n't")) return clauseStart + word.index;
  }
  return null;
}

export function readAssertedLevel(sentence: string): LevelReading {
  const lower = sentence.toLowerCase();
  // Typographic apostrophes become plain ones in place, so positions still point into the sentence.
  const text = lower.replace(/[’‘`´]/g, "'");
  let cues = findCues(text);
  for (const cue of [...cues]) {
    if (cue.kind !== "ROADMAP" && cue.kind !== "PARTIAL") continue;
    const negatedAt = negationBefore(text, cue.start, cue.kind === "ROADMAP" ? 5 : 2);
    if (negatedAt === null) continue;
    const span: Cue = { start: negatedAt, end: cue.end, kind: cue.kind === "ROADMAP" ? "NEGATION" : "NEUTRAL" };
    cues = [...cues.filter((other) => other.end <= span.start || other.start >= span.end), span].sort(
      (a, b) => a.start - b.start,
    );
  }
  const of = (kind: CueKind) =>
    cues.filter((cue) => cue.kind === kind).map((cue) => lower.slice(cue.start, cue.end).replace(/\s+/g, " "));
  const roadmap = of("ROADMAP");
  if (roadmap.length > 0) return { level: "ROADMAP", cues: roadmap };
  const negation = of("NEGATION");
  if (negation.length > 0) return { level: "NOT_SUPPORTED", cues: negation };
  const partial = of("PARTIAL");
  if (partial.length > 0) return { level: "PARTIAL", cues: partial };
  return { level: "SUPPORTED", cues: [] };
}
