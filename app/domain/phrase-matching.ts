// Finding the sentences that speak about a capability (PRODUCT.md §7): a sentence matches when
// the capability's title or one of the phrases engineers keep on it ("xls", "Excel 2003",
// "export to spreadsheet") occurs in it as consecutive words. Matching is deterministic and
// explainable — each match names the phrase — and words are compared after light normalising:
// case, punctuation and accents are ignored and simple plurals fold ("exports" → "export"),
// while digits are kept ("Excel 2007", "xlsx").
//
// A 12,000-word call against hundreds of capabilities must match at once, so the sentences are
// indexed once (token → sentence → word offsets) and each phrase is looked up by intersecting
// the postings of its words, starting from its rarest word.

export interface MatchableCapability {
  id: string;
  title: string;
  phrases: string[];
}

export interface PhraseMatch {
  position: number;
  capabilityId: string;
  /** The phrase (or the title) that matched, as the engineer wrote it. */
  phrase: string;
}

interface Posting {
  /** How often the token occurs in all sentences: the rarest word of a phrase is looked up first. */
  count: number;
  /** Sentence slot → the token's word offsets in that sentence, ascending. */
  offsets: Map<number, number[]>;
}

/** A positional inverted index of the sentences' normalised tokens. */
export interface SentenceIndex {
  /** Slot (the sentence's place in the input) → its position. */
  readonly positions: readonly number[];
  readonly postings: ReadonlyMap<string, Posting>;
}

/** The most characters a phrase may have; longer lines are cut. */
export const PHRASE_MAX_LENGTH = 100;

function foldPlural(token: string): string {
  if (token.length <= 3 || !token.endsWith("s") || /\d/.test(token)) return token;
  // "glass" and "glasses" must fold alike, and "status" is no plural; "APIs" → "api".
  if (/(?:ss|us)$/.test(token)) return token;
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes|zzes)$/.test(token)) return token.slice(0, -2);
  return token.slice(0, -1);
}

/** Lower-case words without punctuation or accents, simple plurals folded: "Exports to .XLS (Excel 2007)" → export, to, xls, excel, 2007. */
export function normaliseTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map(foldPlural);
}

export function buildSentenceIndex(sentences: { position: number; text: string }[]): SentenceIndex {
  const postings = new Map<string, Posting>();
  sentences.forEach((sentence, slot) => {
    normaliseTokens(sentence.text).forEach((token, offset) => {
      let posting = postings.get(token);
      if (!posting) {
        posting = { count: 0, offsets: new Map() };
        postings.set(token, posting);
      }
      posting.count++;
      const offsets = posting.offsets.get(slot);
      if (offsets) offsets.push(offset);
      else posting.offsets.set(slot, [offset]);
    });
  });
  return { positions: sentences.map((sentence) => sentence.position), postings };
}

/** The slots whose sentence holds `tokens` as consecutive words. */
function slotsContaining(index: SentenceIndex, tokens: string[]): number[] {
  const postings: Posting[] = [];
  for (const token of tokens) {
    const posting = index.postings.get(token);
    if (!posting) return [];
    postings.push(posting);
  }
  let pivot = 0;
  postings.forEach((posting, at) => {
    if (posting.count < (postings[pivot]?.count ?? Infinity)) pivot = at;
  });
  const pivotPosting = postings[pivot];
  if (!pivotPosting) return [];
  const slots: number[] = [];
  for (const [slot, pivotOffsets] of pivotPosting.offsets) {
    const perToken = postings.map((posting) => posting.offsets.get(slot));
    if (perToken.some((offsets) => offsets === undefined)) continue;
    const found = pivotOffsets.some((pivotOffset) => {
      const start = pivotOffset - pivot;
      return start >= 0 && perToken.every((offsets, at) => offsets?.includes(start + at) ?? false);
    });
    if (found) slots.push(slot);
  }
  return slots;
}

/**
 * Every (sentence, capability) whose title or one of whose phrases occurs in the sentence as
 * consecutive words; one match per (position, capability) — the phrase with the most words
 * wins, ties go to the one written first (the title, then the phrases in order). Ordered by
 * position, then capability id.
 */
export function matchCapabilities(index: SentenceIndex, capabilities: MatchableCapability[]): PhraseMatch[] {
  // Capabilities often share phrases ("export", "API"), so each distinct phrase is looked up once.
  const slotsByPhrase = new Map<string, number[]>();
  const matches: PhraseMatch[] = [];
  for (const capability of capabilities) {
    const best = new Map<number, { phrase: string; words: number }>();
    for (const phrase of [capability.title, ...capability.phrases]) {
      const tokens = normaliseTokens(phrase);
      if (tokens.length === 0) continue;
      const key = tokens.join(" ");
      let slots = slotsByPhrase.get(key);
      if (!slots) {
        slots = slotsContaining(index, tokens);
        slotsByPhrase.set(key, slots);
      }
      for (const slot of slots) {
        const current = best.get(slot);
        if (!current || tokens.length > current.words) best.set(slot, { phrase, words: tokens.length });
      }
    }
    // Two sentences given the same position count as one.
    const byPosition = new Map<number, PhraseMatch>();
    for (const [slot, { phrase, words }] of best) {
      const position = index.positions[slot];
      if (position === undefined) continue;
      const existing = byPosition.get(position);
      if (!existing || words > normaliseTokens(existing.phrase).length)
        byPosition.set(position, { position, capabilityId: capability.id, phrase });
    }
    matches.push(...byPosition.values());
  }
  return matches.sort(
    (a, b) =>
      a.position - b.position || (a.capabilityId < b.capabilityId ? -1 : a.capabilityId > b.capabilityId ? 1 : 0),
  );
}

/** The phrases field as engineers keep it: one per line; blank lines and duplicates dropped, trimmed, at most 100 characters each. */
export function parsePhrases(text: string): string[] {
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const phrase = line.replace(/\s+/g, " ").trim().slice(0, PHRASE_MAX_LENGTH).trim();
    if (phrase === "") continue;
    // "Excel-2003" and "excel 2003" match the same sentences, so they are one phrase.
    const key = normaliseTokens(phrase).join(" ") || phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}
