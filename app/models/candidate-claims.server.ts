import {
  canDecideCandidate,
  candidateEvidence,
  channelOfConversation,
  compareCandidates,
  decisionDaysLeft,
  waitingForManagerBefore,
  type CandidateStatus,
  type DismissReason,
} from "../domain/candidate-rules.ts";
import { formatDateTime } from "../domain/format.ts";
import { permissionScope } from "../domain/permissions.ts";
import { ok, refused, type Outcome, type Refusal } from "../domain/outcome.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import {
  managedTeamIdsOf,
  readableRowWhere,
  salespersonAudienceWhere,
  type Audience,
  type AudienceReader,
} from "./audience.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { datedRevisionSelect } from "./capability-selects.server.ts";
import { findManyWithCount } from "./counted-list.server.ts";
import { dealLabelSelect } from "./deals.server.ts";
import { refreshRollups } from "./rollups.server.ts";

// Candidate claims found in conversations (PRODUCT.md §7): who reads them, the conversation page,
// the lists that ask for a decision, and the decision itself — confirm (it becomes a claim with
// source CONVERSATION) or dismiss with a reason. Each candidate is decided once.

/** Whether the reader may decide a candidate of this salesperson (the rule is app/domain/candidate-rules.ts). */
async function decisionFor(reader: AudienceReader, salesperson: { id: string; teamId: string | null }) {
  const scope = permissionScope(reader, "decide:candidate");
  const managedTeamIds = scope === "team" ? await managedTeamIdsOf(reader) : [];
  return canDecideCandidate({ userId: reader.id, scope, managedTeamIds }, salesperson);
}

/** What a candidate claim found: the phrase that matched, the level its words assert with their cues, the matrix check. */
const candidateFindingSelect = {
  id: true,
  matchedPhrase: true,
  assertedLevel: true,
  cueWords: true,
  matrixCheck: true,
  createdAt: true,
} satisfies Prisma.CandidateClaimSelect;

// ---------------------------------------------------------------- the conversation page

/**
 * One conversation with its candidates, overstating ones first, each with the sentence before and
 * after it and the matrix row it was judged against; null when it does not exist or lies outside
 * the reader's "read:conversation" — the two look the same.
 */
export async function getConversationForReader(conversationId: string, reader: AudienceReader) {
  const where = await readableRowWhere(reader, "read:conversation", conversationId);
  if (where === null) return null;
  const conversation = await prisma.conversation.findFirst({
    where,
    select: {
      id: true,
      format: true,
      fileName: true,
      title: true,
      occurredAt: true,
      createdAt: true,
      salespersonSpeaker: true,
      speakersJson: true,
      wordCount: true,
      deal: { select: { ...dealLabelSelect, product: { select: { name: true } } } },
      salesperson: { select: { id: true, name: true, teamId: true } },
      importedBy: { select: { name: true } },
      candidates: {
        select: {
          ...candidateFindingSelect,
          revisionId: true,
          status: true,
          dismissReason: true,
          dismissNote: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          claim: { select: { id: true } },
          sentence: { select: { position: true, speaker: true, text: true, startMs: true } },
          capability: { select: { key: true, title: true, product: { select: { slug: true, name: true } } } },
        },
      },
    },
  });
  if (!conversation) return null;
  const positions = new Set(
    conversation.candidates.flatMap((candidate) => [candidate.sentence.position - 1, candidate.sentence.position + 1]),
  );
  const revisionIds = conversation.candidates.flatMap((candidate) =>
    candidate.revisionId ? [candidate.revisionId] : [],
  );
  const [neighbours, revisions, decision] = await Promise.all([
    prisma.conversationSentence.findMany({
      where: { conversationId: conversation.id, position: { in: [...positions] } },
      select: { position: true, speaker: true, text: true },
    }),
    prisma.capabilityRevision.findMany({
      where: { id: { in: revisionIds } },
      select: { id: true, ...datedRevisionSelect },
    }),
    decisionFor(reader, conversation.salesperson),
  ]);
  const sentenceAt = new Map(neighbours.map((sentence) => [sentence.position, sentence]));
  const revisionById = new Map(revisions.map((revision) => [revision.id, revision]));
  const { candidates, speakersJson, ...rest } = conversation;
  return {
    conversation: { ...rest, speakers: parseSpeakers(speakersJson) },
    mayDecide: decision.allowed,
    candidates: candidates
      .map(({ revisionId, sentence, ...candidate }) => ({
        ...candidate,
        position: sentence.position,
        sentence,
        before: sentenceAt.get(sentence.position - 1) ?? null,
        after: sentenceAt.get(sentence.position + 1) ?? null,
        revision: revisionId ? (revisionById.get(revisionId) ?? null) : null,
        cues: candidate.cueWords === "" ? [] : candidate.cueWords.split(", "),
      }))
      .sort(compareCandidates),
  };
}

function parseSpeakers(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export type ConversationPageData = NonNullable<Awaited<ReturnType<typeof getConversationForReader>>>;
export type CandidateOnPage = ConversationPageData["candidates"][number];

// ---------------------------------------------------------------- lists

export interface ConversationListFilters {
  salespersonId?: string;
  state?: CandidateStatus;
  page: number;
}

const PAGE_SIZE = 25;

/** The reader's conversations, newest first, with their candidates counted by state. */
export async function listConversations(audience: Audience, filters: ConversationListFilters) {
  const and: Prisma.ConversationWhereInput[] = [salespersonAudienceWhere(audience)];
  if (filters.salespersonId) and.push({ salespersonId: filters.salespersonId });
  if (filters.state) and.push({ candidates: { some: { status: filters.state } } });
  const where: Prisma.ConversationWhereInput = { AND: and };
  const [total, rows, salespeople] = await Promise.all([
    prisma.conversation.count({ where }),
    prisma.conversation.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        occurredAt: true,
        format: true,
        fileName: true,
        deal: { select: { externalId: true, account: { select: { name: true } } } },
        salesperson: { select: { id: true, name: true } },
      },
    }),
    prisma.user.findMany({
      where: { conversations: { some: salespersonAudienceWhere(audience) } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const groups = await prisma.candidateClaim.groupBy({
    by: ["conversationId", "status"],
    where: { conversationId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  const countOf = (conversationId: string, status: CandidateStatus) =>
    groups.find((group) => group.conversationId === conversationId && group.status === status)?._count._all ?? 0;
  return {
    total,
    page: filters.page,
    pageSize: PAGE_SIZE,
    salespeople,
    rows: rows.map((row) => ({
      ...row,
      pending: countOf(row.id, "PENDING"),
      confirmed: countOf(row.id, "CONFIRMED"),
      dismissed: countOf(row.id, "DISMISSED"),
    })),
  };
}

const candidateRowSelect = {
  ...candidateFindingSelect,
  conversationId: true,
  sentence: { select: { text: true } },
  capability: { select: { title: true } },
  salesperson: { select: { name: true } },
  conversation: { select: { deal: { select: { account: { select: { name: true } } } } } },
} satisfies Prisma.CandidateClaimSelect;

/**
 * Candidates undecided for more than 7 days among those the reader may decide for others (a
 * manager's teams, or everyone for an admin), oldest first; none for other roles.
 */
export async function listCandidatesWaitingForDecider(reader: AudienceReader, now: Date, take = 50) {
  const scope = permissionScope(reader, "decide:candidate");
  if (scope !== "team" && scope !== "any") return { count: 0, rows: [] };
  const audience: Audience =
    scope === "team" ? { kind: "teams", teamIds: await managedTeamIdsOf(reader) } : { kind: "all" };
  const where: Prisma.CandidateClaimWhereInput = {
    AND: [salespersonAudienceWhere(audience), { status: "PENDING", createdAt: { lt: waitingForManagerBefore(now) } }],
  };
  return pendingCandidates(where, now, take);
}

/** Undecided candidates, oldest first (the fewest days left to decide), and how many there are. */
async function pendingCandidates(where: Prisma.CandidateClaimWhereInput, now: Date, take: number) {
  const { count, rows } = await findManyWithCount(prisma.candidateClaim, {
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: candidateRowSelect,
  });
  return { count, rows: rows.map((row) => ({ ...row, daysLeft: decisionDaysLeft(row.createdAt, now) })) };
}

/** A salesperson's undecided candidates for their home: those with the fewest days left first, and the count. */
export async function listPendingCandidatesOf(salespersonId: string, now: Date, take = 10) {
  const where: Prisma.CandidateClaimWhereInput = { salespersonId, status: "PENDING" };
  return pendingCandidates(where, now, take);
}

// ---------------------------------------------------------------- deciding

type DecideOutcome = Outcome<{ claimId: string | null }>;

const NO_CANDIDATE = "We could not find that candidate claim.";

async function loadForDecision(candidateId: string, reader: AudienceReader) {
  const where = await readableRowWhere(reader, "read:conversation", candidateId);
  if (where === null) return null;
  return prisma.candidateClaim.findFirst({
    where,
    select: {
      id: true,
      status: true,
      productId: true,
      capabilityId: true,
      assertedLevel: true,
      matrixCheck: true,
      revisionId: true,
      matchedPhrase: true,
      conversationId: true,
      salesperson: { select: { id: true, teamId: true } },
      sentence: { select: { position: true, speaker: true, text: true } },
      conversation: {
        select: {
          fileName: true,
          format: true,
          occurredAt: true,
          deal: { select: { id: true, account: { select: { name: true } } } },
        },
      },
    },
  });
}

type DecideRefusal = Refusal;

/** The 409 sentence when someone decided first: who, and when. */
async function alreadyDecided(candidateId: string): Promise<DecideRefusal> {
  const row = await prisma.candidateClaim.findUnique({
    where: { id: candidateId },
    select: { status: true, decidedAt: true, decidedBy: { select: { name: true } } },
  });
  const verb = row?.status === "CONFIRMED" ? "confirmed" : "dismissed";
  const when = row?.decidedAt ? ` on ${formatDateTime(row.decidedAt)}` : "";
  return refused(
    409,
    `${row?.decidedBy?.name ?? "Someone"} already ${verb} this candidate${when}. Reload the page to see it.`,
  );
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadForDecision>>>;

async function checkDecider(candidateId: string, reader: AudienceReader): Promise<Outcome<Loaded>> {
  const candidate = await loadForDecision(candidateId, reader);
  if (!candidate) return refused(404, NO_CANDIDATE);
  const decision = await decisionFor(reader, candidate.salesperson);
  if (!decision.allowed) return refused(403, decision.reason);
  if (candidate.status !== "PENDING") return alreadyDecided(candidate.id);
  return ok(candidate);
}

/** A decision's audit event: the candidate leaves PENDING for what `after` says. */
function auditDecision(
  tx: Tx,
  audit: AuditContext,
  candidate: Loaded,
  action: "candidate.confirm" | "candidate.dismiss",
  after: Record<string, unknown>,
) {
  return recordAudit(tx, audit, {
    action,
    entityType: "CandidateClaim",
    entityId: candidate.id,
    teamId: candidate.salesperson.teamId,
    before: { status: "PENDING" },
    after,
  });
}

/**
 * Confirms a candidate: it becomes a claim with source CONVERSATION, made by the conversation's
 * salesperson on the conversation's day, carrying the matrix check computed at import (the
 * revision in force that day), so it enters the verification queue like any claim.
 */
export async function confirmCandidate(
  audit: AuditContext,
  reader: AudienceReader,
  candidateId: string,
): Promise<DecideOutcome> {
  const checked = await checkDecider(candidateId, reader);
  if (!checked.ok) return checked;
  const candidate = checked.value;
  const { conversation, sentence } = candidate;
  const neighbours = await prisma.conversationSentence.findMany({
    where: {
      conversationId: candidate.conversationId,
      position: { in: [sentence.position - 1, sentence.position + 1] },
    },
    select: { position: true, speaker: true, text: true },
  });
  const claimData = {
    salespersonId: candidate.salesperson.id,
    dealId: conversation.deal.id,
    accountName: conversation.deal.account.name,
    productId: candidate.productId,
    capabilityId: candidate.capabilityId,
    revisionId: candidate.revisionId,
    assertedLevel: candidate.assertedLevel,
    statement: sentence.text,
    channel: channelOfConversation(conversation.format),
    madeAt: conversation.occurredAt,
    source: "CONVERSATION" as const,
    loggedById: reader.id,
    evidence: candidateEvidence({
      fileName: conversation.fileName,
      before: neighbours.find((line) => line.position === sentence.position - 1) ?? null,
      sentence,
      after: neighbours.find((line) => line.position === sentence.position + 1) ?? null,
    }),
    matrixCheck: candidate.matrixCheck,
    candidateId: candidate.id,
  };
  const claimId = await prisma.$transaction(async (tx) => {
    // The guard is the transaction's first statement and a write: of two deciders, exactly one matches.
    const guard = await tx.candidateClaim.updateMany({
      where: { id: candidate.id, status: "PENDING" },
      data: { status: "CONFIRMED", decidedById: reader.id, decidedAt: new Date() },
    });
    if (guard.count === 0) return null;
    const claim = await tx.claim.create({ data: claimData, select: { id: true } });
    await auditDecision(tx, audit, candidate, "candidate.confirm", {
      status: "CONFIRMED",
      claimId: claim.id,
      matchedPhrase: candidate.matchedPhrase,
    });
    await recordAudit(tx, audit, {
      action: "claim.create",
      entityType: "Claim",
      entityId: claim.id,
      teamId: candidate.salesperson.teamId,
      after: claimData,
    });
    await refreshRollups(tx, { claimIds: [claim.id] });
    return claim.id;
  });
  if (claimId === null) return alreadyDecided(candidate.id);
  return ok({ claimId });
}

/** Dismisses a candidate with a reason (and a note, required for "other"); it stays visible with both. */
export async function dismissCandidate(
  audit: AuditContext,
  reader: AudienceReader,
  candidateId: string,
  input: { reason: DismissReason; note: string | null },
): Promise<DecideOutcome> {
  const checked = await checkDecider(candidateId, reader);
  if (!checked.ok) return checked;
  const candidate = checked.value;
  const note = input.note?.trim() || null;
  const dismissed = await prisma.$transaction(async (tx) => {
    const guard = await tx.candidateClaim.updateMany({
      where: { id: candidate.id, status: "PENDING" },
      data: {
        status: "DISMISSED",
        dismissReason: input.reason,
        dismissNote: note,
        decidedById: reader.id,
        decidedAt: new Date(),
      },
    });
    if (guard.count === 0) return false;
    await auditDecision(tx, audit, candidate, "candidate.dismiss", {
      status: "DISMISSED",
      dismissReason: input.reason,
      dismissNote: note,
    });
    return true;
  });
  if (!dismissed) return alreadyDecided(candidate.id);
  return ok({ claimId: null });
}
