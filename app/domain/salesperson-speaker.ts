// Which speaker of an imported conversation is the deal owner (PRODUCT.md §7: "the importer says
// which speaker is the salesperson" — Candor pre-selects its best guess). Meeting tools name
// people in many ways: "Maya Chen", "Maya", "Maya C.", "Maya Chen (Vendor)", "Chen, Maya",
// "maya.chen@vendor.com". A guess two speakers fit equally well is no guess.

function nameTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .split(/[^\p{L}]+/u)
    .filter((token) => token.length > 0);
}

function sameTokens(left: string[], right: string[]): boolean {
  return left.length === right.length && left.every((token, index) => token === right[index]);
}

function scoreSpeaker(speaker: string, owner: { name: string; email: string }): number {
  const ownerTokens = nameTokens(owner.name);
  const ownerEmail = owner.email.trim().toLowerCase();
  const ownerLocal = ownerEmail.split("@")[0] ?? "";
  const raw = speaker.trim().toLowerCase();
  if (ownerEmail !== "" && raw === ownerEmail) return 100;
  if (raw.includes("@")) {
    const local = raw.split("@")[0] ?? "";
    if (ownerLocal !== "" && local === ownerLocal) return 90;
  }
  if (ownerTokens.length > 0 && raw === owner.name.trim().toLowerCase()) return 100;
  // "Maya Chen | Vendor" and "Maya Chen - Vendor" name the company after a bar or dash.
  const tokens = nameTokens(
    speaker.includes("@") ? (speaker.split("@")[0] ?? "") : (speaker.split(/\s[|–—-]\s/)[0] ?? speaker),
  );
  if (tokens.length === 0) return 0;
  if (ownerTokens.length > 0) {
    const [first, ...rest] = ownerTokens;
    const last = rest.at(-1);
    if (sameTokens(tokens, ownerTokens)) return 95;
    if (sameTokens([...tokens].sort(), [...ownerTokens].sort())) return 90;
    if (ownerTokens.length > 1 && ownerTokens.every((token) => tokens.includes(token))) return 85;
    if (last !== undefined && tokens.length === 2 && tokens[0] === first && tokens[1] === last[0]) return 80;
    if (tokens.length === 1 && tokens[0] === first) return 70;
    if (last !== undefined && tokens.length === 1 && tokens[0] === last) return 40;
  }
  const compactLocal = ownerLocal.replace(/[^a-z]/g, "");
  if (compactLocal.length > 2 && tokens.join("") === compactLocal) return 75;
  return 0;
}

/** The speaker most likely to be the deal owner, by name (full name, first name, "Firstname Lastname (Company)", email local part); null when none fits. */
export function suggestSalespersonSpeaker(speakers: string[], owner: { name: string; email: string }): string | null {
  let best: string | null = null;
  let bestScore = 0;
  let tied = false;
  for (const speaker of new Set(speakers)) {
    const score = scoreSpeaker(speaker, owner);
    if (score > bestScore) {
      best = speaker;
      bestScore = score;
      tied = false;
    } else if (score > 0 && score === bestScore) {
      tied = true;
    }
  }
  return tied ? null : best;
}
