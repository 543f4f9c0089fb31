// Small text rules shared by Candor's conversation readers (PRODUCT.md §7): who a line says is
// speaking, times written by meeting tools, markup and entities left in caption text.

export interface Utterance {
  speaker: string;
  text: string;
  startMs: number | null;
}

/** Text whose speaker could not be told, kept so no words are lost. */
export const UNKNOWN_SPEAKER = "Unknown speaker";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  lrm: "",
  rlm: "",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Collapses runs of white space (caption line breaks, non-breaking spaces) to one space. */
export function squeezeSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** "01:02:03.500", "1:02:03,5", "02:03" → milliseconds; null when it is not a time. */
export function parseClockMs(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  const secondsValue = Number(seconds);
  if (secondsValue >= 60 || (hours !== undefined && Number(minutes) >= 60)) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + secondsValue) * 1000 + ms;
}

const CLOCK = String.raw`(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

const CUE_TIMING = new RegExp(String.raw`^\s*(${CLOCK})\s*-->\s*(${CLOCK})(?:\s|$)`);

/** A cue timing line of WebVTT or SRT: `00:01:02.500 --> 00:01:05.000 align:start`. */
export function readCueTiming(line: string): { startMs: number } | null {
  if (!line.includes("-->")) return null;
  const match = CUE_TIMING.exec(line);
  if (!match?.[1]) return null;
  const startMs = parseClockMs(match[1]);
  return startMs === null ? null : { startMs };
}

// Lower-case words allowed inside a name ("Ludwig van Beethoven", "Ana de Souza").
const NAME_PARTICLES = new Set([
  "van",
  "von",
  "de",
  "da",
  "di",
  "del",
  "der",
  "den",
  "la",
  "le",
  "du",
  "dos",
  "das",
  "bin",
  "al",
  "ter",
  "ten",
  "y",
]);

// Labels that end in a colon in ordinary writing and in transcript headers, but are nobody.
const NOT_SPEAKERS = new Set([
  "note",
  "notes",
  "example",
  "ps",
  "p.s",
  "re",
  "fw",
  "fwd",
  "fyi",
  "update",
  "summary",
  "agenda",
  "action items",
  "next steps",
  "subject",
  "date",
  "time",
  "to",
  "cc",
  "bcc",
  "sent",
  "transcript",
  "meeting",
  "attendees",
  "participants",
  "duration",
  "recording",
  "title",
  "location",
  "http",
  "https",
  "warning",
  "important",
  "tip",
  "question",
  "answer",
  "edit",
  "source",
  "laughter",
  "laughs",
  "music",
  "inaudible",
  "crosstalk",
  "silence",
  "applause",
  "noise",
  "pause",
  "unintelligible",
  "background noise",
]);

/**
 * Whether text before a colon (or in brackets) is a speaker's name as meeting tools write it:
 * "Maya Chen", "SPEAKER 1", "Maya Chen (Acme)", "Dr. Ana de Souza". Ordinary prose before a
 * colon ("So the thing is: …", "Bottom line: …") has lower-case words and is not taken as a name.
 */
export function isPlausibleSpeakerName(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 60) return false;
  const base = trimmed.replace(/\s*\([^()]{1,40}\)$/, "").trim();
  if (base.length === 0 || NOT_SPEAKERS.has(base.toLowerCase().replace(/\.$/, ""))) return false;
  const words = base.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((word, index) => {
    if (!/^[\p{L}\p{N}][\p{L}\p{N}.'’-]*$/u.test(word)) return false;
    if (index === 0) return /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word);
    return /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(word) || NAME_PARTICLES.has(word);
  });
}

/**
 * A line that opens with its speaker — `Maya Chen: words`, `[Maya Chen] words`, `- Maya: words`
 * (subtitle dialogue), `SPEAKER 1:` — split into the name and the rest; null when the line
 * names nobody.
 */
export function splitSpeakerPrefix(line: string): { speaker: string; rest: string } | null {
  const text = line.replace(/^\s*[-–—]\s+/, "").trim();
  const bracketed = /^\[([^\]]{1,60})\]\s*:?\s*(.*)$/.exec(text);
  if (bracketed?.[1] !== undefined && isPlausibleSpeakerName(bracketed[1]) && parseClockMs(bracketed[1]) === null) {
    return { speaker: squeezeSpaces(bracketed[1]), rest: bracketed[2] ?? "" };
  }
  const colon = /^([^:]{1,60}?):(?:\s+(.*)|$)/.exec(text);
  if (colon?.[1] !== undefined && isPlausibleSpeakerName(colon[1])) {
    return { speaker: squeezeSpaces(colon[1]), rest: colon[2] ?? "" };
  }
  return null;
}

/** Sound annotations in captions ("[laughter]", "(inaudible)") are nobody's words. */
export function stripSoundAnnotations(text: string): string {
  return text.replace(
    /[[(](?:laughter|laughs|music|inaudible|crosstalk|silence|applause|noise|pause|unintelligible|background noise)[\])]/gi,
    " ",
  );
}

/** Builds utterances, joining consecutive pieces of one speaker (captions split sentences across cues). */
export class UtteranceCollector {
  readonly utterances: Utterance[] = [];

  add(speaker: string, text: string, startMs: number | null, mergeWithPrevious = true): void {
    const clean = squeezeSpaces(text);
    if (clean.length === 0) return;
    const last = this.utterances.at(-1);
    if (mergeWithPrevious && last && last.speaker === speaker) {
      last.text = `${last.text} ${clean}`;
      return;
    }
    this.utterances.push({ speaker, text: clean, startMs });
  }
}

/** Distinct speakers in order of first appearance. */
export function speakersOf(utterances: Utterance[]): string[] {
  return [...new Set(utterances.map((utterance) => utterance.speaker))];
}

export function countWords(utterances: Utterance[]): number {
  let count = 0;
  for (const utterance of utterances) count += utterance.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
  return count;
}
