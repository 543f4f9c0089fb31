import { readAssertedLevel } from "../../app/domain/claim-level-cues.ts";
import { parseConversationText, toSentences } from "../../app/domain/conversation-parsing.ts";
import {
  buildSentenceIndex,
  matchCapabilities,
  parsePhrases,
  type MatchableCapability,
} from "../../app/domain/phrase-matching.ts";
import { Rng } from "../../seed/random.ts";
import type { ScaleDatabase } from "./scale-database.ts";

// The in-process part of a conversation import (PRODUCT.md §7), measured without HTTP: parse a
// 12,000-word call transcript, split it into sentences, index the salesperson's sentences, match
// them against every capability of the scale matrix (titles and phrases) and read the level each
// matched sentence asserts. The transcript is generated deterministically from the matrix's own
// phrases, so about half of the salesperson's turns name a capability.

const SALESPERSON = "Jordan Avery";
const CUSTOMER = "Sam Whitfield";
const WORDS = 12_000;

const ANSWERS = [
  "Yes, {P} works out of the box for teams like yours.",
  "{P} works with some limits, and I will send you the details after the call.",
  "We don't support {P} today, and I would rather you hear that from me now.",
  "{P} is coming next quarter, according to the roadmap I saw last week.",
  "Good question, let me check with our engineers and come back to you tomorrow.",
];
const QUESTIONS = [
  "Do you support {P}?",
  "How does {P} work in practice?",
  "What about {P} for our regional teams?",
  "Okay, that helps. Next topic.",
];

export interface MatchingCase {
  words: number;
  capabilities: number;
  /** One parse + index + match + level reading; returns the number of candidates found. */
  run: () => number;
}

async function readScaleMatrix(database: ScaleDatabase): Promise<MatchableCapability[]> {
  const rows = await database.rows<{ id: string; title: string; phrases: string; productId: string; key: string }>(
    'SELECT "id", "title", "phrases", "productId", "key" FROM "Capability"',
  );
  // Ordered here by code point (SQLite's BINARY): PostgreSQL's ORDER BY follows the server's
  // collation, and another order would make another transcript.
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => byCodePoint(a.productId, b.productId) || byCodePoint(a.key, b.key));
  return rows.map((row) => ({ id: row.id, title: row.title, phrases: parsePhrases(row.phrases) }));
}

export async function conversationMatchingCase(database: ScaleDatabase): Promise<MatchingCase> {
  const capabilities = await readScaleMatrix(database);
  if (capabilities.length === 0)
    throw new Error("The scale database has no capabilities: reseed it (npm run bench -- --reseed).");
  const rng = new Rng(12_000);
  const lines: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const capability = rng.pick(capabilities);
    const phrase = rng.chance(0.3) || capability.phrases.length === 0 ? capability.title : rng.pick(capability.phrases);
    const minutes = Math.floor(lines.length / 4);
    const stamp = `[${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00]`;
    const question = `${stamp} ${CUSTOMER}: ${rng.pick(QUESTIONS).replace("{P}", phrase)}`;
    const answer = `${stamp} ${SALESPERSON}: ${rng.pick(ANSWERS).replace("{P}", phrase)}`;
    lines.push(question, answer);
    words += question.split(/\s+/).length + answer.split(/\s+/).length - 4;
  }
  const text = `${lines.join("\n")}\n`;
  return {
    words,
    capabilities: capabilities.length,
    run: () => {
      const parsed = parseConversationText(text, "bench-call.txt");
      if (!parsed.ok) throw new Error(parsed.problem);
      const own = toSentences(parsed.conversation).filter((sentence) => sentence.speaker === SALESPERSON);
      const byPosition = new Map(own.map((sentence) => [sentence.position, sentence.text]));
      const matches = matchCapabilities(buildSentenceIndex(own), capabilities);
      for (const match of matches) readAssertedLevel(byPosition.get(match.position) ?? "");
      return matches.length;
    },
  };
}
