import { isUtf16 } from "./csv-import.ts";
import { looksLikeEmail, parseEmail } from "./conversation-email.ts";
import { splitSentences } from "./sentence-splitting.ts";
import {
  UNKNOWN_SPEAKER,
  UtteranceCollector,
  countWords,
  decodeHtmlEntities,
  isPlausibleSpeakerName,
  parseClockMs,
  readCueTiming,
  speakersOf,
  splitSpeakerPrefix,
  squeezeSpaces,
  stripSoundAnnotations,
  type Utterance,
} from "./conversation-text.ts";

// Reading a call transcript or an email thread into who said what (PRODUCT.md §7): WebVTT and
// SRT as Zoom, Teams, Google Meet and call recorders export them, plain `Speaker: words` text,
// and emails. A file Candor cannot read is refused with a sentence saying what to do instead.

export type { Utterance } from "./conversation-text.ts";
export { suggestSalespersonSpeaker } from "./salesperson-speaker.ts";

export type ConversationFormat = "VTT" | "SRT" | "TEXT" | "EMAIL";

export interface ParsedConversation {
  format: ConversationFormat;
  /** The email's subject; "" for transcripts. */
  title: string;
  /** The email's Date header (the first message in the file); null for transcripts, whose day the importer gives. */
  occurredAt: Date | null;
  /** Distinct, in order of first appearance. */
  speakers: string[];
  utterances: Utterance[];
  wordCount: number;
}

export type ParseOutcome = { ok: true; conversation: ParsedConversation } | { ok: false; problem: string };

/** The documented upload limit per file: about 20 hours of transcript. */
export const CONVERSATION_MAX_BYTES = 2 * 1024 * 1024;

const WHAT_CANDOR_READS =
  "Candor reads WebVTT (.vtt) and SubRip (.srt) transcripts, plain text with “Speaker: words” lines, and emails (.eml or pasted).";

export const CONVERSATION_PROBLEMS = {
  emptyFile: "This file is empty: there is nothing to import.",
  emptyText: "There is no text to import: paste a transcript or an email thread.",
  tooLarge: `This file is larger than ${CONVERSATION_MAX_BYTES / 1024 / 1024} MB, the most Candor imports at once: split the transcript into parts and import each.`,
  utf16:
    "This file is saved as UTF-16: save it as UTF-8 (in most editors, Save As → Encoding: UTF-8) and import it again.",
  notText: `This file is not a transcript or an email. ${WHAT_CANDOR_READS}`,
  noSpeakers:
    "Candor could not tell who is speaking: put each turn on its own line as “Speaker: words”, or import the .vtt or .srt file your meeting tool exports.",
  vttNoCues:
    "This WebVTT file has no cues: there are no lines with timings like “00:01:02.500 --> 00:01:05.000”. Download the transcript again from the meeting tool.",
  srtNoCues:
    "This SRT file has no cues: there are no lines with timings like “00:00:01,000 --> 00:00:04,000”. Download the transcript again from the meeting tool.",
  emailNoText:
    "Candor found no message text in this email: if it holds only HTML or attachments, paste the thread's text instead.",
} as const;

// Signatures of formats people upload by mistake, named so the refusal can say what the file is.
const BINARY_SIGNATURES: { bytes: number[]; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "a PDF" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "a zip archive or a Word document" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: "an Outlook .msg or old Office file" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], kind: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: "a GIF image" },
  { bytes: [0x49, 0x44, 0x33], kind: "an MP3 recording" },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], kind: "a video" },
];

/** Detects the format from the file name and the content (WEBVTT header, SRT numbered cues with --> timings, RFC 822 headers, `Speaker: words` lines). */
export function parseConversation(fileName: string, bytes: Uint8Array): ParseOutcome {
  if (bytes.length === 0) return { ok: false, problem: CONVERSATION_PROBLEMS.emptyFile };
  if (bytes.length > CONVERSATION_MAX_BYTES) return { ok: false, problem: CONVERSATION_PROBLEMS.tooLarge };
  if (isUtf16(bytes)) return { ok: false, problem: CONVERSATION_PROBLEMS.utf16 };
  const signature = BINARY_SIGNATURES.find((candidate) =>
    candidate.bytes.every((byte, index) => bytes[index] === byte),
  );
  if (signature)
    return {
      ok: false,
      problem: `This file is not a transcript or an email: it looks like ${signature.kind}. ${WHAT_CANDOR_READS}`,
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: CONVERSATION_PROBLEMS.notText };
  }
  if (hasControlBytes(bytes)) return { ok: false, problem: CONVERSATION_PROBLEMS.notText };
  return parseConversationText(text, fileName);
}

/** Control characters other than tab, line feed, form feed, carriage return and escape mean binary data, not text. */
function hasControlBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536);
  for (let index = 0; index < end; index++) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return true;
  }
  return false;
}

/** Same, for pasted text (a transcript or an email thread pasted into a textarea). */
export function parseConversationText(text: string, fileNameHint?: string): ParseOutcome {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (normalised.trim() === "")
    return { ok: false, problem: fileNameHint ? CONVERSATION_PROBLEMS.emptyFile : CONVERSATION_PROBLEMS.emptyText };
  const extension = /\.([a-z0-9]+)$/i.exec(fileNameHint ?? "")?.[1]?.toLowerCase() ?? "";
  const format = detectFormat(normalised, extension);
  if (format === "EMAIL") {
    const email = parseEmail(normalised);
    if (email.utterances.length === 0) return { ok: false, problem: CONVERSATION_PROBLEMS.emailNoText };
    return { ok: true, conversation: conversationOf("EMAIL", email.title, email.occurredAt, email.utterances) };
  }
  const read =
    format === "VTT" ? readVtt(normalised) : format === "SRT" ? readSrt(normalised) : readPlainText(normalised);
  if (read.cues === 0)
    return { ok: false, problem: format === "VTT" ? CONVERSATION_PROBLEMS.vttNoCues : CONVERSATION_PROBLEMS.srtNoCues };
  if (!read.utterances.some((utterance) => utterance.speaker !== UNKNOWN_SPEAKER))
    return { ok: false, problem: CONVERSATION_PROBLEMS.noSpeakers };
  return { ok: true, conversation: conversationOf(format, "", null, read.utterances) };
}

export interface Sentence {
  position: number;
  speaker: string;
  text: string;
  startMs: number | null;
}

/** The utterances split into sentences, positions 0..n-1 in order; a sentence never spans two utterances. */
export function toSentences(conversation: ParsedConversation): Sentence[] {
  const sentences: Sentence[] = [];
  for (const utterance of conversation.utterances) {
    for (const text of splitSentences(utterance.text)) {
      sentences.push({ position: sentences.length, speaker: utterance.speaker, text, startMs: utterance.startMs });
    }
  }
  return sentences;
}

function conversationOf(
  format: ConversationFormat,
  title: string,
  occurredAt: Date | null,
  utterances: Utterance[],
): ParsedConversation {
  return { format, title, occurredAt, speakers: speakersOf(utterances), utterances, wordCount: countWords(utterances) };
}

function detectFormat(text: string, extension: string): ConversationFormat {
  if (/^WEBVTT(?:[ \t]|$)/m.test(text.slice(0, 200).trimStart().split("\n")[0] ?? "") || extension === "vtt")
    return "VTT";
  if (extension === "srt") return "SRT";
  if (extension === "eml" || looksLikeEmail(text)) return "EMAIL";
  // A .txt export with cue timings is SRT whatever it is called.
  if (text.split("\n", 200).some((line) => line.includes("-->") && readCueTiming(line))) return "SRT";
  return "TEXT";
}

interface Read {
  /** Cues with timings in a caption file (0: it had none); null for plain text, which has no cues. */
  cues: number | null;
  utterances: Utterance[];
}

/** Splits caption text into lines with their speaker: a new `Name:` or `[Name]` prefix starts a turn; other lines continue the current one. */
class SpeakerTracker {
  private current: string = UNKNOWN_SPEAKER;
  readonly collector = new UtteranceCollector();

  /** `voice` is a WebVTT `<v Name>` speaker, which wins over a prefix. */
  addLine(line: string, startMs: number | null, voice: string | null = null): void {
    const clean = squeezeSpaces(stripSoundAnnotations(line));
    if (clean === "") return;
    if (voice !== null) {
      this.current = voice;
      this.collector.add(voice, clean, startMs);
      return;
    }
    const prefixed = splitSpeakerPrefix(clean);
    if (prefixed) this.current = prefixed.speaker;
    this.collector.add(this.current, prefixed ? prefixed.rest : clean, startMs);
  }

  setSpeaker(speaker: string): void {
    this.current = speaker;
  }
}

function readVtt(text: string): Read {
  const tracker = new SpeakerTracker();
  let cues = 0;
  // Blocks are separated by blank lines; the first is the WEBVTT header and its metadata.
  const blocks = text.split(/\n[ \t]*\n/).slice(/^\s*WEBVTT/.test(text) ? 1 : 0);
  for (const block of blocks) {
    const lines = block.split("\n").filter((line) => line.trim() !== "");
    const first = lines[0]?.trim() ?? "";
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingIndex = lines.findIndex((line) => readCueTiming(line) !== null);
    if (timingIndex < 0) continue;
    const timing = readCueTiming(lines[timingIndex] ?? "");
    cues++;
    readVttCueText(lines.slice(timingIndex + 1).join("\n"), timing?.startMs ?? null, tracker);
  }
  return { cues, utterances: tracker.collector.utterances };
}

/** Cue text with `<v Maya Chen>…</v>` voice spans (Teams, Meet) or `Maya Chen: …` prefixes (Zoom); other tags and timestamps dropped. */
function readVttCueText(text: string, startMs: number | null, tracker: SpeakerTracker): void {
  const voiceTag = /<v(?:\.[^\s>]+)*(?:[ \t]+([^>]*))?>|<\/v>/g;
  let voice: string | null = null;
  let cursor = 0;
  const emit = (piece: string) => {
    const plain = decodeHtmlEntities(piece.replace(/<[^>]*>/g, ""));
    for (const line of plain.split("\n")) tracker.addLine(line, startMs, voice);
  };
  for (const match of text.matchAll(voiceTag)) {
    emit(text.slice(cursor, match.index));
    voice = match[0] === "</v>" ? null : squeezeSpaces(decodeHtmlEntities(match[1] ?? "")) || null;
    cursor = match.index + match[0].length;
  }
  emit(text.slice(cursor));
}

function readSrt(text: string): Read {
  const tracker = new SpeakerTracker();
  const lines = text.split("\n");
  const timings = lines.flatMap((line, index) => (readCueTiming(line) ? [index] : []));
  timings.forEach((timingIndex, order) => {
    const end = timings[order + 1] ?? lines.length;
    const cueLines = lines.slice(timingIndex + 1, end);
    // The next cue's number sits just above its timing line.
    const dropBlank = () => {
      while (cueLines.length > 0 && (cueLines.at(-1) ?? "").trim() === "") cueLines.pop();
    };
    dropBlank();
    if (order + 1 < timings.length && /^\s*\d+\s*$/.test(cueLines.at(-1) ?? "")) cueLines.pop();
    dropBlank();
    const startMs = readCueTiming(lines[timingIndex] ?? "")?.startMs ?? null;
    for (const line of cueLines) tracker.addLine(decodeHtmlEntities(line.replace(/<[^>]*>|\{\\[^}]*\}/g, "")), startMs);
  });
  return { cues: timings.length, utterances: tracker.collector.utterances };
}

const LEADING_TIME = /^\s*[[(]?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*(?:[-–|]\s*)?/;
const TRAILING_TIME = /^(.{1,60}?)\s*(?:[-–|]\s*)?[[(]?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*:?\s*$/;
const NAME_THEN_TIME = /^(.{1,60}?)\s*[[(]((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]\s*:\s*(.*)$/;

/**
 * Plain transcripts: `Maya: words`, `[00:12:03] Maya: words` and `00:12:03 Maya: words`
 * (Fireflies), `Maya Chen (00:12):` (Rev), or a `Maya Chen  0:02` line above the words (Otter).
 * Lines before the first speaker are a title or notes, not anyone's words, and are left out.
 */
function readPlainText(text: string): Read {
  const tracker = new SpeakerTracker();
  let named = false;
  let headerStartMs: number | null = null;
  for (const rawLine of text.split("\n")) {
    if (rawLine.trim() === "") continue;
    let line = rawLine.trim();
    let startMs: number | null = null;
    // A leading time is a timestamp only before a speaker ("[00:12:03] Maya: …"); "10:30 works for us" is words.
    const leading = LEADING_TIME.exec(line);
    if (leading?.[1] && /^[[(]?\d/.test(line)) {
      const rest = line.slice(leading[0].length);
      if (splitSpeakerPrefix(rest)) {
        startMs = parseClockMs(leading[1]);
        line = rest;
      }
    }
    const header = TRAILING_TIME.exec(line);
    if (header?.[1] && header[2] && isPlausibleSpeakerName(header[1])) {
      tracker.setSpeaker(squeezeSpaces(header[1]));
      headerStartMs = parseClockMs(header[2]);
      named = true;
      continue;
    }
    const nameThenTime = NAME_THEN_TIME.exec(line);
    let speaker: string | null = null;
    if (nameThenTime?.[1] && nameThenTime[2] && isPlausibleSpeakerName(nameThenTime[1])) {
      speaker = squeezeSpaces(nameThenTime[1]);
      headerStartMs = parseClockMs(nameThenTime[2]);
      line = nameThenTime[3] ?? "";
      named = true;
    } else if (splitSpeakerPrefix(line)) {
      named = true;
    }
    if (!named) continue;
    tracker.addLine(line, startMs ?? headerStartMs, speaker);
    headerStartMs = null;
  }
  return { cues: null, utterances: tracker.collector.utterances };
}
