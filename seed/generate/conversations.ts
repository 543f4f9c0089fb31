import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { channelOfConversation, judgeFoundSentence } from "../../app/domain/candidate-rules.ts";
import {
  parseConversationText,
  toSentences,
  type ParsedConversation,
  type Sentence,
} from "../../app/domain/conversation-parsing.ts";
import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import { buildSentenceIndex, matchCapabilities, parsePhrases } from "../../app/domain/phrase-matching.ts";
import type { CandidateClaim, Claim, Conversation, ConversationSentence } from "../../app/generated/prisma/client.ts";
import type { CapabilityStatus, MatrixCheck } from "../../app/generated/prisma/enums.ts";
import {
  ALREADY_LOGGED_NOTE,
  CONVERSATIONS,
  type CandidateDecisionSpec,
  type ConversationSpec,
} from "../content/conversations.ts";
import type { Rng } from "../random.ts";
import type { CatalogCapability, CatalogProduct, CatalogRevision } from "./catalog.ts";
import { AWAITING_VERDICT, judgeClaim, type GeneratedClaim } from "./claims.ts";
import { relationOf, type ClaimSubject } from "./claim-content.ts";
import type { SeedContext, SeedPerson } from "./context.ts";
import type { GeneratedDeal } from "./deals.ts";
import { DEAL_EXTERNAL_PREFIX } from "../content/names.ts";

// Conversations (PRODUCT.md §7) go through the app's own pipeline, exactly as an import does:
// parse the file → split into sentences → match the salesperson's sentences against the deal's
// product's capabilities (title and phrases) → read the asserted level from the cue words →
// check it against the matrix revision in force on the day of the conversation.

export interface ConversationRows {
  conversations: Conversation[];
  sentences: ConversationSentence[];
  candidates: CandidateClaim[];
}

export function emptyConversationRows(): ConversationRows {
  return { conversations: [], sentences: [], candidates: [] };
}

export interface FoundCandidate {
  sentence: Sentence;
  capability: CatalogCapability;
  phrase: string;
  level: CapabilityStatus;
  cues: string[];
  revision: CatalogRevision | null;
  matrixCheck: MatrixCheck;
}

/** The candidate claims an import of `conversation` proposes: the salesperson's sentences that name a capability. */
export function findCandidates(
  sentences: readonly Sentence[],
  speaker: string,
  product: CatalogProduct,
  at: Date,
): FoundCandidate[] {
  const own = sentences.filter((sentence) => sentence.speaker === speaker);
  const index = buildSentenceIndex(own);
  const byId = new Map(product.capabilities.map((capability) => [capability.id, capability]));
  const matchable = product.capabilities.map((capability) => ({
    id: capability.id,
    title: capability.spec.title,
    phrases: parsePhrases(capability.spec.phrases.join("\n")),
  }));
  const byPosition = new Map(own.map((sentence) => [sentence.position, sentence]));
  return matchCapabilities(index, matchable).flatMap((match) => {
    const sentence = byPosition.get(match.position);
    const capability = byId.get(match.capabilityId);
    if (sentence === undefined || capability === undefined) return [];
    const { level, cues, revision, matrixCheck } = judgeFoundSentence(
      sentence.text,
      { revisions: capability.revisions, reviewCycleDays: product.content.reviewCycleDays },
      at,
    );
    return [{ sentence, capability, phrase: match.phrase, level, cues, revision, matrixCheck }];
  });
}

export function parseOrThrow(text: string, fileName: string): ParsedConversation {
  const outcome = parseConversationText(text, fileName);
  if (!outcome.ok) throw new Error(`${fileName}: ${outcome.problem}`);
  return outcome.conversation;
}

export interface ImportedConversation {
  row: Conversation;
  sentences: ConversationSentence[];
  found: { candidate: FoundCandidate; sentenceId: string }[];
}

/** The Conversation and ConversationSentence rows an import writes. */
export function importConversation(
  input: {
    text: string;
    fileName: string;
    deal: GeneratedDeal;
    salespersonId: string;
    speaker: string;
    importedById: string;
    occurredAt: Date;
    importedAt: Date;
  },
  ids: Rng,
): ImportedConversation {
  const parsed = parseOrThrow(input.text, input.fileName);
  const sentences = toSentences(parsed);
  const id = ids.id();
  const rows: ConversationSentence[] = sentences.map((sentence) => ({
    id: ids.id(),
    conversationId: id,
    position: sentence.position,
    speaker: sentence.speaker,
    text: sentence.text,
    startMs: sentence.startMs,
  }));
  const row: Conversation = {
    id,
    dealId: input.deal.row.id,
    salespersonId: input.salespersonId,
    importedById: input.importedById,
    format: parsed.format,
    fileName: input.fileName,
    title: parsed.title,
    contentHash: createHash("sha256").update(input.text).digest("hex"),
    occurredAt: input.occurredAt,
    salespersonSpeaker: input.speaker,
    speakersJson: JSON.stringify(parsed.speakers),
    wordCount: parsed.wordCount,
    createdAt: input.importedAt,
  };
  const idAt = new Map(rows.map((sentence) => [sentence.position, sentence.id]));
  const found = findCandidates(sentences, input.speaker, input.deal.product, input.occurredAt).flatMap((candidate) => {
    const sentenceId = idAt.get(candidate.sentence.position);
    return sentenceId === undefined ? [] : [{ candidate, sentenceId }];
  });
  return { row, sentences: rows, found };
}

export function candidateRow(
  conversation: Conversation,
  found: FoundCandidate,
  sentenceId: string,
  productId: string,
  id: string,
): CandidateClaim {
  return {
    id,
    conversationId: conversation.id,
    sentenceId,
    salespersonId: conversation.salespersonId,
    productId,
    capabilityId: found.capability.id,
    matchedPhrase: found.phrase,
    assertedLevel: found.level,
    cueWords: found.cues.join(", "),
    matrixCheck: found.matrixCheck,
    revisionId: found.revision?.id ?? null,
    status: "PENDING",
    dismissReason: null,
    dismissNote: null,
    decidedById: null,
    decidedAt: null,
    createdAt: conversation.createdAt,
  };
}

/** What a claim of a found candidate's sentence on `deal` says, about which capability, to whom. */
function claimedOnDeal(deal: GeneratedDeal, found: FoundCandidate) {
  return {
    dealId: deal.row.id,
    accountName: deal.accountName,
    productId: deal.product.id,
    capabilityId: found.capability.id,
    revisionId: found.revision?.id ?? null,
    assertedLevel: found.level,
    statement: found.sentence.text,
  } satisfies Partial<Claim>;
}

/** The CONVERSATION claim a confirmed candidate becomes (PRODUCT.md §7), awaiting its verdict. */
export function confirmedClaim(
  conversation: Conversation,
  deal: GeneratedDeal,
  found: FoundCandidate,
  candidateId: string,
  decidedById: string,
  decidedAt: Date,
  id: string,
): GeneratedClaim {
  const minute = found.sentence.startMs === null ? "" : ` at ${formatOffset(found.sentence.startMs)}`;
  const row: Claim = {
    id,
    salespersonId: conversation.salespersonId,
    ...claimedOnDeal(deal, found),
    channel: channelOfConversation(conversation.format),
    madeAt: conversation.occurredAt,
    source: "CONVERSATION",
    loggedById: decidedById,
    evidence: `${conversation.fileName}${minute}: “${found.sentence.text}”`,
    matrixCheck: found.matrixCheck,
    ...AWAITING_VERDICT,
    surveyId: null,
    candidateId,
    version: 1,
    createdAt: decidedAt,
    updatedAt: decidedAt,
  };
  return { row, deal, subject: matrixSubjectOf(found) };
}

/** What a claim of a found candidate's words says against the matrix: the revision in force then, or the row's first. */
function matrixSubjectOf(found: FoundCandidate): ClaimSubject {
  const revision = found.revision ?? found.capability.revisions[0];
  if (revision === undefined) throw new Error(`capability ${found.capability.spec.key} has no revision`);
  return {
    kind: "matrix",
    capability: found.capability,
    revision,
    asserted: found.level,
    relation: relationOf(found.level, revision.status),
  };
}

function formatOffset(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/** The engineer who judges a claim: the capability's owner, or another engineer when the owner logged it. */
export function verifierOf(capability: CatalogCapability, loggedById: string, ctx: SeedContext): string {
  if (capability.ownerId !== loggedById) return capability.ownerId;
  return ctx.engineerIds.find((id) => id !== loggedById) ?? capability.ownerId;
}

// ---------------------------------------------------------------- the demo's files

const FILES = path.join(import.meta.dirname, "../content/conversations");

export interface StoryOutcome {
  deals: GeneratedDeal[];
  claims: GeneratedClaim[];
  rows: ConversationRows;
  /** Decisions of seed/content/conversations.ts that matched no candidate (the matcher or a file changed). */
  problems: string[];
}

function dealFor(
  spec: ConversationSpec,
  person: SeedPerson,
  occurredAt: Date,
  ctx: SeedContext,
  rng: Rng,
  ids: Rng,
): GeneratedDeal {
  const product = ctx.catalog.find((candidate) => candidate.content.slug === spec.product);
  if (product === undefined) throw new Error(`${spec.file}: unknown product ${spec.product}`);
  const account = rng.pick(ctx.accounts);
  const openedAt = addDays(occurredAt, -spec.deal.openedDaysBefore);
  const closedAt = spec.deal.status === "WON" ? addDays(occurredAt, spec.deal.closedDaysAfter ?? 7) : null;
  const local = spec.deal.contact
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/ /g, ".");
  return {
    product,
    accountName: account.name,
    openedAt,
    row: {
      id: ids.id(),
      externalId: `${DEAL_EXTERNAL_PREFIX}${String(ctx.nextDealNumber()).padStart(6, "0")}`,
      accountId: account.id,
      contactName: spec.deal.contact,
      contactEmail: `${local}@${account.domain}`,
      ownerId: person.id,
      productId: product.id,
      amountCents: spec.deal.amountDollars * 100,
      status: spec.deal.status,
      closedAt,
      createdAt: openedAt,
      updatedAt: closedAt ?? openedAt,
    },
  };
}

function decisionFor(
  decisions: readonly CandidateDecisionSpec[],
  found: FoundCandidate,
): CandidateDecisionSpec | undefined {
  return decisions.find(
    (d) =>
      d.capability === found.capability.spec.key &&
      (d.sentence === undefined || found.sentence.text.includes(d.sentence)),
  );
}

/** Never at or after the reference date: the demo's history ends the moment before it. */
function before(now: Date, at: Date): Date {
  return new Date(Math.min(at.getTime(), now.getTime() - 60_000));
}

export function storyConversations(
  person: SeedPerson,
  who: ConversationSpec["salesperson"],
  ctx: SeedContext,
  rng: Rng,
  ids: Rng,
): StoryOutcome {
  const { now } = ctx.timeline;
  const outcome: StoryOutcome = { deals: [], claims: [], rows: emptyConversationRows(), problems: [] };
  const managerId = person.managerIds[0] ?? person.id;
  for (const spec of CONVERSATIONS.filter((c) => c.salesperson === who)) {
    const occurredAt = new Date(addDays(now, -spec.daysAgo).getTime() + spec.hour * 3_600_000);
    const deal = dealFor(spec, person, occurredAt, ctx, rng, ids);
    outcome.deals.push(deal);
    const importedById =
      spec.importedBy === "salesperson"
        ? person.id
        : spec.importedBy === "manager"
          ? managerId
          : (ctx.engineerIds[0] ?? managerId);
    const importedAt = before(
      now,
      new Date(occurredAt.getTime() + spec.importedAfterDays * MS_PER_DAY + 2 * 3_600_000),
    );
    const text = readFileSync(path.join(FILES, spec.file), "utf8");
    const imported = importConversation(
      {
        text,
        fileName: spec.file,
        deal,
        salespersonId: person.id,
        speaker: spec.speaker,
        importedById,
        occurredAt,
        importedAt,
      },
      ids,
    );
    outcome.rows.conversations.push(imported.row);
    outcome.rows.sentences.push(...imported.sentences);
    const used = new Set<CandidateDecisionSpec>();
    for (const { candidate: found, sentenceId } of imported.found) {
      const candidate = candidateRow(imported.row, found, sentenceId, deal.product.id, ids.id());
      outcome.rows.candidates.push(candidate);
      const decision = decisionFor(spec.decisions, found);
      if (decision === undefined) continue;
      used.add(decision);
      const decidedById = decision.by === "salesperson" ? person.id : managerId;
      const decidedAt = before(now, new Date(importedAt.getTime() + decision.afterDays * MS_PER_DAY));
      Object.assign(candidate, { decidedById, decidedAt } satisfies Partial<CandidateClaim>);
      if (decision.decision === "DISMISS") {
        Object.assign(candidate, {
          status: "DISMISSED",
          dismissReason: decision.reason,
          dismissNote: decision.note,
        } satisfies Partial<CandidateClaim>);
        continue;
      }
      if (decision.decision === "LOGGED") {
        Object.assign(candidate, {
          status: "DISMISSED",
          dismissReason: "OTHER",
          dismissNote: ALREADY_LOGGED_NOTE,
        } satisfies Partial<CandidateClaim>);
        outcome.claims.push(selfLogged(deal, found, person, occurredAt, ctx, ids));
        continue;
      }
      candidate.status = "CONFIRMED";
      const claim = confirmedClaim(imported.row, deal, found, candidate.id, decidedById, decidedAt, ids.id());
      if (decision.verdict !== undefined) {
        const verifiedAt = before(now, new Date(decidedAt.getTime() + decision.verdict.afterDays * MS_PER_DAY));
        judgeClaim(claim.row, decision.verdict, verifierOf(found.capability, decidedById, ctx), verifiedAt);
      }
      outcome.claims.push(claim);
    }
    for (const decision of spec.decisions) {
      if (!used.has(decision))
        outcome.problems.push(
          `${spec.file}: no candidate for the ${decision.capability} decision${decision.sentence ? ` ("${decision.sentence}")` : ""}`,
        );
    }
  }
  return outcome;
}

/** What the honest performer logged herself right after the call: the same words, judged accurate. */
function selfLogged(
  deal: GeneratedDeal,
  found: FoundCandidate,
  person: SeedPerson,
  occurredAt: Date,
  ctx: SeedContext,
  ids: Rng,
): GeneratedClaim {
  const loggedAt = new Date(occurredAt.getTime() + 3_600_000);
  const verifiedAt = before(ctx.timeline.now, addDays(loggedAt, 1));
  const subject = matrixSubjectOf(found);
  const row: Claim = {
    id: ids.id(),
    salespersonId: person.id,
    ...claimedOnDeal(deal, found),
    channel: "CALL",
    madeAt: occurredAt,
    source: "SELF",
    loggedById: person.id,
    evidence: "Logged right after the call; the written summary went to the customer the same day.",
    matrixCheck: found.matrixCheck,
    status: "ACCURATE",
    severity: "MEDIUM",
    verifiedById: verifierOf(found.capability, person.id, ctx),
    verifiedAt,
    verdictNote: "Matches the matrix, limitation included.",
    verdictBin: null,
    customerCorrectedAt: null,
    surveyId: null,
    candidateId: null,
    version: 2,
    createdAt: loggedAt,
    updatedAt: verifiedAt,
  };
  return { row, deal, subject };
}
