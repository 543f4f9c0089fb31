import { createHash, randomUUID } from "node:crypto";
import { judgeFoundSentence } from "../domain/candidate-rules.ts";
import { claimDayError, madeAtFromDay } from "../domain/claim-rules.ts";
import {
  CONVERSATION_PROBLEMS,
  parseConversation,
  parseConversationText,
  suggestSalespersonSpeaker,
  toSentences,
  type ConversationFormat,
  type ParsedConversation,
  type ParseOutcome,
  type Sentence,
} from "../domain/conversation-parsing.ts";
import type { CapabilityLevel, MatrixCheckResult } from "../domain/levels.ts";
import { buildSentenceIndex, matchCapabilities, parsePhrases } from "../domain/phrase-matching.ts";
import { ok, type Refusal } from "../domain/outcome.ts";
import { type Prisma } from "../generated/prisma/client.ts";
import { prisma, isUniqueViolation } from "../lib/db.server.ts";
import { sql } from "../lib/sql-dialect.server.ts";
import { audienceOwnerWhere, type Audience } from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { bulkInsert } from "./bulk-insert.server.ts";
import { findManyWithCount } from "./counted-list.server.ts";
import { revisionHistory } from "./capability-selects.server.ts";
import { dealLabelSelect } from "./deals.server.ts";
import type { ConversationUploadItem } from "./conversation-upload.server.ts";
import { notifyCandidatesFound } from "./notifications.server.ts";

// Importing a call transcript or email thread for a deal (PRODUCT.md §7): parse each file, let the
// importer say which speaker is the salesperson, match the salesperson's sentences against the
// capabilities' titles and phrases, and store the conversation with its candidate claims — each
// judged against the matrix as it stood on the day of the conversation.

export const DEAL_NOT_FOUND =
  "We could not find that deal among the deals you may import conversations for. Choose one from the list.";
const DATE_REQUIRED = "Enter the day the conversation took place.";

// ---------------------------------------------------------------- deals the importer may use

/** The deals whose conversations the importer may import: owned by someone in their import audience. */
function importableDealWhere(audience: Audience): Prisma.DealWhereInput {
  return audienceOwnerWhere(audience, "ownerId", "owner");
}

/** Deals for the import form's list, newest first, narrowed by account, CRM id or salesperson. */
export async function listImportableDeals(audience: Audience, search: string | undefined, take = 200) {
  const and: Prisma.DealWhereInput[] = [importableDealWhere(audience)];
  // Case ignored on both databases (sql.contains).
  if (search)
    and.push({
      OR: [
        { externalId: sql.contains(search) },
        { account: { name: sql.contains(search) } },
        { owner: { name: sql.contains(search) } },
      ],
    });
  const { count, rows } = await findManyWithCount(prisma.deal, {
    where: { AND: and },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { ...dealLabelSelect, owner: { select: { name: true } }, product: { select: { name: true } } },
  });
  return { total: count, deals: rows };
}

/** One deal, if it lies in the importer's audience; otherwise null (the two look the same). */
async function findImportableDeal(audience: Audience, dealId: string) {
  if (dealId === "") return null;
  return prisma.deal.findFirst({
    where: { AND: [{ id: dealId }, importableDealWhere(audience)] },
    select: {
      id: true,
      externalId: true,
      productId: true,
      account: { select: { name: true } },
      owner: { select: { id: true, name: true, email: true, teamId: true } },
    },
  });
}

export async function getImportableDeal(audience: Audience, dealId: string) {
  const deal = await findImportableDeal(audience, dealId);
  return deal
    ? { id: deal.id, externalId: deal.externalId, accountName: deal.account.name, ownerName: deal.owner.name }
    : null;
}

// ---------------------------------------------------------------- parsing and matching

interface MatchableRow {
  id: string;
  productId: string;
  title: string;
  phrases: string;
  reviewCycleDays: number;
  revisions: { id: string; status: CapabilityLevel; conditions: string; validFrom: Date }[];
}

/** The capabilities a deal's conversation is matched against: its product's, or every product's when it names none. */
async function capabilitiesFor(productId: string | null): Promise<MatchableRow[]> {
  const rows = await prisma.capability.findMany({
    where: productId ? { productId } : {},
    orderBy: [{ productId: "asc" }, { key: "asc" }],
    select: {
      id: true,
      productId: true,
      title: true,
      phrases: true,
      product: { select: { reviewCycleDays: true } },
      revisions: revisionHistory,
    },
  });
  return rows.map(({ product, ...row }) => ({ ...row, reviewCycleDays: product.reviewCycleDays }));
}

export interface FoundCandidate {
  position: number;
  sentence: string;
  capabilityId: string;
  productId: string;
  capabilityTitle: string;
  phrase: string;
  level: CapabilityLevel;
  cues: string[];
  matrixCheck: MatrixCheckResult;
  revision: { id: string; status: CapabilityLevel; conditions: string; validFrom: Date } | null;
}

/**
 * The salesperson's sentences that speak about a capability, each with the level its words
 * assert and the matrix check as of `occurredAt`. One candidate per sentence and capability: the
 * first phrase that matched is the one shown.
 */
function findCandidates(
  sentences: Sentence[],
  speaker: string,
  capabilities: MatchableRow[],
  occurredAt: Date,
): FoundCandidate[] {
  const own = sentences.filter((sentence) => sentence.speaker === speaker);
  if (own.length === 0 || capabilities.length === 0) return [];
  const byPosition = new Map(own.map((sentence) => [sentence.position, sentence]));
  const byId = new Map(capabilities.map((capability) => [capability.id, capability]));
  const matches = matchCapabilities(
    buildSentenceIndex(own.map(({ position, text }) => ({ position, text }))),
    capabilities.map(({ id, title, phrases }) => ({ id, title, phrases: parsePhrases(phrases) })),
  );
  const seen = new Set<string>();
  const found: FoundCandidate[] = [];
  for (const match of matches) {
    const key = `${match.position}\n${match.capabilityId}`;
    const sentence = byPosition.get(match.position);
    const capability = byId.get(match.capabilityId);
    if (seen.has(key) || !sentence || !capability) continue;
    seen.add(key);
    const { level, cues, revision, matrixCheck } = judgeFoundSentence(sentence.text, capability, occurredAt);
    found.push({
      position: sentence.position,
      sentence: sentence.text,
      capabilityId: capability.id,
      productId: capability.productId,
      capabilityTitle: capability.title,
      phrase: match.phrase,
      level,
      cues,
      matrixCheck,
      revision,
    });
  }
  return found.sort((a, b) => a.position - b.position || a.capabilityTitle.localeCompare(b.capabilityTitle));
}

/**
 * The text a re-import is recognised by: who said what, with whitespace collapsed, so the same
 * conversation saved with other line endings or a byte-order mark is still the same.
 */
export function normalisedText(conversation: ParsedConversation): string {
  return conversation.utterances
    .map((utterance) => `${utterance.speaker.trim()}: ${utterance.text.replace(/\s+/g, " ").trim()}`)
    .join("\n");
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function parseItem(item: ConversationUploadItem): ParseOutcome {
  if (item.tooLarge) return { ok: false, problem: CONVERSATION_PROBLEMS.tooLarge };
  if (item.bytes) return parseConversation(item.fileName, item.bytes);
  return parseConversationText(item.text ?? "", item.fileName);
}

interface ParsedItem {
  fileName: string;
  conversation: ParsedConversation;
  text: string;
  contentHash: string;
  sentences: Sentence[];
}

type ItemParse = { ok: true; item: ParsedItem } | { ok: false; fileName: string; problem: string };

function parseItems(items: ConversationUploadItem[]): ItemParse[] {
  return items.map((upload) => {
    const outcome = parseItem(upload);
    if (!outcome.ok) return { ok: false, fileName: upload.fileName, problem: outcome.problem };
    const text = upload.text ?? new TextDecoder("utf-8").decode(upload.bytes ?? new Uint8Array());
    const conversation = outcome.conversation;
    return {
      ok: true,
      item: {
        fileName: upload.fileName,
        conversation,
        text,
        contentHash: sha256(normalisedText(conversation)),
        sentences: toSentences(conversation),
      },
    };
  });
}

/**
 * When the conversation took place: an email's own Date header when it has one, else the day the
 * importer gave (required then), as a claim's day is stored (12:00 UTC, or now for today).
 */
function occurredAtOf(
  conversation: ParsedConversation,
  occurredOn: string,
  now: Date,
): { at: Date } | { problem: string } {
  if (conversation.occurredAt && conversation.occurredAt.getTime() <= now.getTime())
    return { at: conversation.occurredAt };
  if (occurredOn.trim() === "") return { problem: DATE_REQUIRED };
  const problem = claimDayError(occurredOn, now);
  const at = madeAtFromDay(occurredOn, now);
  if (problem !== null || at === null)
    return { problem: problem === "Enter the date the claim was made." || problem === null ? DATE_REQUIRED : problem };
  return { at };
}

// ---------------------------------------------------------------- preview and import

export interface ImportRequest {
  dealId: string;
  /** YYYY-MM-DD; required unless every file is an email with its own date. */
  occurredOn: string;
  items: ConversationUploadItem[];
  /** The speaker chosen for each item, by its index; missing means the suggested one. */
  speakerOf: (index: number) => string;
  /** When the request is made: the day a conversation without a date is checked against, and the matrix's today. */
  now: Date;
}

export interface PreviewFile {
  index: number;
  fileName: string;
  ok: true;
  /** The file's text, carried to step two. */
  text: string;
  format: ConversationFormat;
  title: string;
  speakers: string[];
  suggestedSpeaker: string | null;
  wordCount: number;
  /** An email's own date, which is used instead of the form's. */
  emailDate: Date | null;
  alreadyImportedAt: Date | null;
  /** The candidates each speaker's sentences would give, so the page can follow the importer's choice. */
  candidatesBySpeaker: Record<string, FoundCandidate[]>;
}

export interface RefusedFile {
  index: number;
  fileName: string;
  ok: false;
  problem: string;
}

type ImportField = "dealId" | "occurredOn" | "files";
/** A refused import keeps what was learnt of each file, so the page can say which file failed and why. */
type ImportFailure = Refusal<ImportField> & { files: (PreviewFile | RefusedFile)[] };

type PreviewOutcome =
  | {
      ok: true;
      value: { files: (PreviewFile | RefusedFile)[]; deal: { id: string; accountName: string; ownerName: string } };
    }
  | ImportFailure;

const failure = (
  status: ImportFailure["status"],
  parts: Partial<Pick<ImportFailure, "formErrors" | "fieldErrors" | "files">>,
): ImportFailure => ({
  ok: false,
  status,
  formErrors: parts.formErrors ?? [],
  fieldErrors: parts.fieldErrors ?? {},
  files: parts.files ?? [],
});

const NOTHING_CHOSEN = "Choose one or more files, or paste the conversation.";

type ImportableDeal = NonNullable<Awaited<ReturnType<typeof findImportableDeal>>>;

/** What both steps start from: the deal, if the importer may use it, and every file parsed. */
async function dealAndFiles(
  audience: Audience,
  dealId: string,
  items: ConversationUploadItem[],
): Promise<{ ok: true; value: { deal: ImportableDeal; parsed: ItemParse[] } } | ImportFailure> {
  const deal = await findImportableDeal(audience, dealId);
  if (!deal) return failure(404, { fieldErrors: { dealId: [DEAL_NOT_FOUND] } });
  if (items.length === 0) return failure(400, { fieldErrors: { files: [NOTHING_CHOSEN] } });
  return ok({ deal, parsed: parseItems(items) });
}

async function importedBefore(dealId: string, hashes: string[]): Promise<Map<string, Date>> {
  const rows = await prisma.conversation.findMany({
    where: { dealId, contentHash: { in: hashes } },
    select: { contentHash: true, createdAt: true },
  });
  return new Map(rows.map((row) => [row.contentHash, row.createdAt]));
}

/** Step one: parse every file and show what importing would find; nothing is written. */
export async function previewConversationImport(audience: Audience, input: ImportRequest): Promise<PreviewOutcome> {
  const { now } = input;
  const started = await dealAndFiles(audience, input.dealId, input.items);
  if (!started.ok) return started;
  const { deal, parsed } = started.value;
  const good = parsed.flatMap((entry) => (entry.ok ? [entry.item] : []));
  const [capabilities, before] = await Promise.all([
    capabilitiesFor(deal.productId),
    importedBefore(
      deal.id,
      good.map((item) => item.contentHash),
    ),
  ]);
  let dateProblem: string | null = null;
  const files = parsed.map((entry, index): PreviewFile | RefusedFile => {
    if (!entry.ok) return { index, fileName: entry.fileName, ok: false, problem: entry.problem };
    const { conversation, sentences } = entry.item;
    const when = occurredAtOf(conversation, input.occurredOn, now);
    // The preview still shows what the matrix says today when the day is missing, and asks for it.
    const at = "at" in when ? when.at : now;
    if ("problem" in when) dateProblem = when.problem;
    return {
      index,
      fileName: entry.item.fileName,
      ok: true,
      text: entry.item.text,
      format: conversation.format,
      title: conversation.title,
      speakers: conversation.speakers,
      suggestedSpeaker: suggestSalespersonSpeaker(conversation.speakers, {
        name: deal.owner.name,
        email: deal.owner.email,
      }),
      wordCount: conversation.wordCount,
      emailDate: conversation.occurredAt,
      alreadyImportedAt: before.get(entry.item.contentHash) ?? null,
      candidatesBySpeaker: Object.fromEntries(
        conversation.speakers.map((speaker) => [speaker, findCandidates(sentences, speaker, capabilities, at)]),
      ),
    };
  });
  if (dateProblem) return failure(400, { fieldErrors: { occurredOn: [dateProblem] }, files });
  return ok({ files, deal: { id: deal.id, accountName: deal.account.name, ownerName: deal.owner.name } });
}

type ImportOutcome =
  | {
      ok: true;
      value: {
        imported: { id: string; fileName: string; candidates: number }[];
        alreadyImported: { fileName: string; importedAt: Date }[];
      };
    }
  | ImportFailure;

/**
 * Step two: checks everything again and stores each new conversation with its sentences and
 * candidate claims, in one transaction with an audit event per conversation. A file already
 * imported for the deal adds nothing; any refused file or choice writes nothing at all.
 */
export async function importConversations(
  audit: AuditContext,
  importerId: string,
  audience: Audience,
  input: ImportRequest,
): Promise<ImportOutcome> {
  const { now } = input;
  const started = await dealAndFiles(audience, input.dealId, input.items);
  if (!started.ok) return started;
  const { deal, parsed } = started.value;
  const refused = parsed.flatMap((entry, index) =>
    entry.ok ? [] : [{ index, fileName: entry.fileName, ok: false as const, problem: entry.problem }],
  );
  if (refused.length > 0)
    return failure(400, { formErrors: refused.map((file) => `${file.fileName}: ${file.problem}`), files: refused });

  const problems: string[] = [];
  let dateProblem: string | null = null;
  const planned = parsed.flatMap((entry, index) => {
    if (!entry.ok) return [];
    const { conversation } = entry.item;
    const chosen =
      input.speakerOf(index).trim() ||
      suggestSalespersonSpeaker(conversation.speakers, { name: deal.owner.name, email: deal.owner.email });
    if (!chosen) {
      problems.push(`${entry.item.fileName}: choose which speaker is the salesperson.`);
      return [];
    }
    if (!conversation.speakers.includes(chosen)) {
      problems.push(
        `${entry.item.fileName}: "${chosen}" is not one of its speakers (${conversation.speakers.join(", ")}). Choose one of them.`,
      );
      return [];
    }
    const when = occurredAtOf(conversation, input.occurredOn, now);
    if ("problem" in when) {
      dateProblem = when.problem;
      return [];
    }
    return [{ ...entry.item, speaker: chosen, occurredAt: when.at }];
  });
  if (problems.length > 0 || dateProblem) {
    return failure(400, { formErrors: problems, fieldErrors: dateProblem ? { occurredOn: [dateProblem] } : {} });
  }

  const [capabilities, before] = await Promise.all([
    capabilitiesFor(deal.productId),
    importedBefore(
      deal.id,
      planned.map((item) => item.contentHash),
    ),
  ]);
  const alreadyImported: { fileName: string; importedAt: Date }[] = [];
  const fresh: (typeof planned)[number][] = [];
  for (const item of planned) {
    const importedAt =
      before.get(item.contentHash) ?? (fresh.some((other) => other.contentHash === item.contentHash) ? now : null);
    if (importedAt) alreadyImported.push({ fileName: item.fileName, importedAt });
    else fresh.push(item);
  }
  if (fresh.length === 0) return ok({ imported: [], alreadyImported });

  const withCandidates = fresh.map((item) => ({
    ...item,
    candidates: findCandidates(item.sentences, item.speaker, capabilities, item.occurredAt),
  }));
  try {
    const imported = await prisma.$transaction(async (tx) => {
      const stored: { id: string; fileName: string; candidates: number }[] = [];
      for (const item of withCandidates) {
        const conversation = await tx.conversation.create({
          data: {
            dealId: deal.id,
            salespersonId: deal.owner.id,
            importedById: importerId,
            format: item.conversation.format,
            fileName: item.fileName,
            title: item.conversation.title,
            contentHash: item.contentHash,
            occurredAt: item.occurredAt,
            salespersonSpeaker: item.speaker,
            speakersJson: JSON.stringify(item.conversation.speakers),
            wordCount: item.conversation.wordCount,
          },
          select: { id: true },
        });
        const sentenceIds = new Map(item.sentences.map((sentence) => [sentence.position, randomUUID()]));
        // A long call holds thousands of sentences: multi-row inserts keep the import to a fraction of a second.
        await bulkInsert(
          tx,
          "ConversationSentence",
          ["id", "conversationId", "position", "speaker", "text", "startMs"],
          item.sentences.map((sentence) => [
            sentenceIds.get(sentence.position) ?? "",
            conversation.id,
            sentence.position,
            sentence.speaker,
            sentence.text,
            sentence.startMs,
          ]),
        );
        await tx.candidateClaim.createMany({
          data: item.candidates.map((candidate) => ({
            conversationId: conversation.id,
            sentenceId: sentenceIds.get(candidate.position) ?? "",
            salespersonId: deal.owner.id,
            productId: candidate.productId,
            capabilityId: candidate.capabilityId,
            matchedPhrase: candidate.phrase,
            assertedLevel: candidate.level,
            cueWords: candidate.cues.join(", "),
            matrixCheck: candidate.matrixCheck,
            revisionId: candidate.revision?.id ?? null,
          })),
        });
        await recordAudit(tx, audit, {
          action: "conversation.import",
          entityType: "Conversation",
          entityId: conversation.id,
          teamId: deal.owner.teamId,
          after: {
            dealId: deal.id,
            fileName: item.fileName,
            format: item.conversation.format,
            occurredAt: item.occurredAt,
            salespersonSpeaker: item.speaker,
            sentences: item.sentences.length,
            candidates: item.candidates.length,
          },
        });
        // PRODUCT.md §8: the salesperson has candidate claims to confirm (unless they imported it).
        await notifyCandidatesFound(tx, conversation.id);
        stored.push({ id: conversation.id, fileName: item.fileName, candidates: item.candidates.length });
      }
      return stored;
    });
    return ok({ imported, alreadyImported });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return failure(409, {
        formErrors: [
          "Someone imported the same conversation for this deal a moment ago. Reload the deal's conversations to see it.",
        ],
      });
    }
    throw error;
  }
}
