import type { ImportProblem } from "../domain/csv-import.ts";
import { readImportCsv } from "../domain/csv-import.ts";
import {
  checkSurveyResultRows,
  checkSurveyResultValues,
  SURVEY_RESULT_COLUMNS,
  type SurveyFacts,
  type SurveyResult,
  type SurveyResultProblem,
  type SurveyResultValues,
  type ValidSurveyResult,
} from "../domain/survey-results-import.ts";
import { prisma, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { takeWriteLock } from "./bulk-insert.server.ts";
import { recordCustomerClaim } from "./customer-claims.server.ts";
import { notifySurveyAnswered } from "./notifications.server.ts";
import { refreshRollups } from "./rollups.server.ts";

// Results of surveys run outside Candor, imported from CSV (source IMPORT). Every row or none.

export type SurveyResultOutcome = "record" | "update" | "unchanged";

export interface SurveyResultsPlan {
  rows: Array<ValidSurveyResult & { outcome: SurveyResultOutcome }>;
  counts: Record<SurveyResultOutcome, number>;
}

export type SurveyResultsImport =
  { ok: true; plan: SurveyResultsPlan } | { ok: false; problems: ImportProblem[]; rowCount: number };

interface StoredSurvey extends SurveyFacts {
  csat: number | null;
  deliveredAsPromised: string | null;
  nps: number | null;
  leastLiked: string | null;
  untrueClaim: string | null;
}

/** The importer's deals among `ids` (teamIds null: every team); another team's deal is not looked up, so no message can reveal it. */
async function loadSurveys(db: Tx | typeof prisma, ids: string[], teamIds: string[] | null) {
  const found = new Map<string, StoredSurvey | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const deals = await db.deal.findMany({
      where: {
        externalId: { in: ids.slice(i, i + 500) },
        ...(teamIds === null ? {} : { owner: { teamId: { in: teamIds } } }),
      },
      select: {
        externalId: true,
        owner: { select: { teamId: true } },
        survey: {
          select: {
            id: true,
            dueAt: true,
            respondedAt: true,
            source: true,
            csat: true,
            deliveredAsPromised: true,
            nps: true,
            leastLiked: true,
            untrueClaim: true,
            salesperson: { select: { teamId: true } },
          },
        },
      },
    });
    for (const deal of deals) {
      const survey = deal.survey;
      found.set(
        deal.externalId,
        survey
          ? {
              surveyId: survey.id,
              dueAt: survey.dueAt,
              teamId: survey.salesperson.teamId,
              respondedAt: survey.respondedAt,
              source: survey.source,
              csat: survey.csat,
              deliveredAsPromised: survey.deliveredAsPromised,
              nps: survey.nps,
              leastLiked: survey.leastLiked,
              untrueClaim: survey.untrueClaim,
            }
          : null,
      );
    }
  }
  return found;
}

function sameAnswers(stored: StoredSurvey, row: SurveyResult): boolean {
  return (
    stored.respondedAt?.getTime() === row.respondedAt.getTime() &&
    stored.csat === row.csat &&
    stored.deliveredAsPromised === row.deliveredAsPromised &&
    stored.nps === row.nps &&
    stored.leastLiked === row.leastLiked &&
    stored.untrueClaim === row.untrueClaim
  );
}

export async function planSurveyResults(
  text: string,
  teamIds: string[] | null,
  now = new Date(),
  db: Tx | typeof prisma = prisma,
): Promise<SurveyResultsImport> {
  const read = readImportCsv(text, SURVEY_RESULT_COLUMNS);
  // An unreadable file names no deals; the check reports why.
  const ids = read.ok ? [...new Set(read.rows.map((row) => row.values.externalId).filter((id) => id !== ""))] : [];
  const stored = await loadSurveys(db, ids, teamIds);
  const check = checkSurveyResultRows(read, { deals: stored, teamIds, now });
  if (!check.ok) return check;
  return { ok: true, plan: withOutcomes(check.rows, stored) };
}

/** What storing each valid result would do: record a first answer, update an imported one, or nothing. */
function withOutcomes<Row extends SurveyResult>(results: Row[], stored: Map<string, StoredSurvey | null>) {
  const counts: Record<SurveyResultOutcome, number> = { record: 0, update: 0, unchanged: 0 };
  const rows = results.map((row) => {
    const survey = stored.get(row.externalId);
    const outcome: SurveyResultOutcome =
      !survey || survey.respondedAt === null ? "record" : sameAnswers(survey, row) ? "unchanged" : "update";
    counts[outcome]++;
    return { ...row, outcome };
  });
  return { rows, counts };
}

/** The JSON API's import (PRODUCT.md §9): problems name the result's position in the posted array and its field. */
export type SurveyResultBatchImport =
  | {
      ok: true;
      plan: {
        rows: Array<SurveyResult & { outcome: SurveyResultOutcome }>;
        counts: Record<SurveyResultOutcome, number>;
      };
    }
  | { ok: false; problems: SurveyResultProblem[] };

/** The same checks as planSurveyResults, for results posted as objects to the API. Writes nothing. */
export async function planSurveyResultBatch(
  batch: readonly SurveyResultValues[],
  teamIds: string[] | null,
  now = new Date(),
  db: Tx | typeof prisma = prisma,
): Promise<SurveyResultBatchImport> {
  const ids = [...new Set(batch.map((values) => values.externalId).filter((id) => id !== ""))];
  const stored = await loadSurveys(db, ids, teamIds);
  const check = checkSurveyResultValues(batch, { deals: stored, teamIds, now }, (index) => `at index ${index}`);
  if (!check.ok) return check;
  return { ok: true, plan: withOutcomes(check.items, stored) };
}

/**
 * Stores every row's answers with source IMPORT, or nothing when any row is invalid: a CSV file's
 * text, or the results posted to the JSON API (the same checks and writes).
 */
export function importSurveyResults(
  audit: AuditContext,
  text: string,
  teamIds: string[] | null,
  now?: Date,
): Promise<SurveyResultsImport>;
export function importSurveyResults(
  audit: AuditContext,
  batch: readonly SurveyResultValues[],
  teamIds: string[] | null,
  now?: Date,
): Promise<SurveyResultBatchImport>;
export async function importSurveyResults(
  audit: AuditContext,
  input: string | readonly SurveyResultValues[],
  teamIds: string[] | null,
  now = new Date(),
): Promise<SurveyResultsImport | SurveyResultBatchImport> {
  return prisma.$transaction(
    async (tx) => {
      await takeWriteLock(tx);
      const planned =
        typeof input === "string"
          ? await planSurveyResults(input, teamIds, now, tx)
          : await planSurveyResultBatch(input, teamIds, now, tx);
      if (!planned.ok) return planned;
      const teams = new Set<string | null>();
      for (const row of planned.plan.rows) {
        if (row.outcome === "unchanged") continue;
        const values = {
          respondedAt: row.respondedAt,
          csat: row.csat,
          deliveredAsPromised: row.deliveredAsPromised,
          nps: row.nps,
          leastLiked: row.leastLiked,
          untrueClaim: row.untrueClaim,
          source: "IMPORT" as const,
        };
        const before = await tx.survey.findUniqueOrThrow({
          where: { id: row.surveyId },
          select: {
            respondedAt: true,
            csat: true,
            deliveredAsPromised: true,
            nps: true,
            leastLiked: true,
            untrueClaim: true,
            source: true,
            salesperson: { select: { teamId: true } },
          },
        });
        // answerRecordedAt is the import's time, not the answer's date: an answer dated before a
        // comp period's lock but imported after it was not known at the lock (ADR 007).
        await tx.survey.update({ where: { id: row.surveyId }, data: { ...values, answerRecordedAt: now } });
        teams.add(before.salesperson.teamId);
        await recordAudit(tx, audit, {
          action: row.outcome === "record" ? "survey.import" : "survey.import.update",
          entityType: "Survey",
          entityId: row.surveyId,
          teamId: before.salesperson.teamId,
          before:
            row.outcome === "update"
              ? { ...before, salesperson: undefined, respondedAt: before.respondedAt?.toISOString() ?? null }
              : undefined,
          after: { ...values, respondedAt: values.respondedAt.toISOString(), externalId: row.externalId },
        });
        // PRODUCT.md §7: an "Untrue claim" answer becomes the survey's CUSTOMER claim, as on the public page.
        if (row.untrueClaim !== null) await recordCustomerClaim(tx, audit, row.surveyId, row.untrueClaim);
        // PRODUCT.md §8: a NO reaches the salesperson and their managers, once per survey (keyed).
        await notifySurveyAnswered(tx, row.surveyId);
      }
      // The dashboard's satisfaction and response figures count the answers (ADR 019).
      await refreshRollups(tx, {
        surveyIds: planned.plan.rows.flatMap((row) => (row.outcome === "unchanged" ? [] : [row.surveyId])),
      });
      await recordAudit(tx, audit, {
        action: "survey.results-import",
        entityType: "SurveyImport",
        entityId: audit.requestId ?? now.toISOString(),
        teamId: teams.size === 1 ? ([...teams][0] ?? null) : null,
        after: { rows: planned.plan.rows.length, ...planned.plan.counts },
      });
      return planned;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
