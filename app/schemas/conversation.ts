// The conversation forms (import, decide a candidate) and the list's URL filters, shared by the
// browser and the server, so this file stays free of server imports.
import { z } from "zod";
import { chosenId, optionalText } from "./fields.ts";
import { CANDIDATE_STATUSES, DISMISS_REASONS, dismissReasonLabel } from "../domain/candidate-rules.ts";
import { CONVERSATION_MAX_BYTES } from "../domain/conversation-parsing.ts";
import { enumParam, listQuerySchema, pageParam, textParam } from "../domain/list-query.ts";

/** At most this many files in one import; the server's body limit for the route follows from it. */
export const CONVERSATION_IMPORT_MAX_FILES = 5;
/** Every file's (or pasted text's) bytes together, before the multipart framing. */
export const CONVERSATION_IMPORT_MAX_BYTES = CONVERSATION_IMPORT_MAX_FILES * CONVERSATION_MAX_BYTES;
/** The file types the import form offers; the parser decides by content, these only help the browser's picker. */
export const CONVERSATION_FILE_TYPES = ".vtt,.srt,.txt,.eml,text/vtt,text/plain,message/rfc822";

export const DISMISS_REASON_OPTIONS = DISMISS_REASONS.map((value) => ({ value, label: dismissReasonLabel(value) }));

const NOTE_LIMIT = 500;

export const confirmCandidateSchema = z.object({
  intent: z.literal("confirm"),
  candidateId: chosenId("Reload the page and try again."),
});

export const dismissCandidateSchema = z
  .object({
    intent: z.literal("dismiss"),
    candidateId: chosenId("Reload the page and try again."),
    reason: z.enum(DISMISS_REASONS, { error: "Choose why this is not a claim to keep." }),
    note: optionalText(NOTE_LIMIT),
  })
  .refine((value) => value.reason !== "OTHER" || Boolean(value.note), {
    path: ["note"],
    message: 'Say why, when the reason is "other".',
  });

export const CANDIDATE_STATE_OPTIONS = [
  { value: "PENDING", label: "With candidates to decide" },
  { value: "CONFIRMED", label: "With confirmed claims" },
  { value: "DISMISSED", label: "With dismissed candidates" },
] as const;

// The list's filters live in the URL; a value that does not parse is ignored rather than refused.
export const conversationFilterSchema = listQuerySchema({
  salesperson: textParam(40),
  state: enumParam(CANDIDATE_STATUSES),
  page: pageParam(),
});

/** The import page's deal search (a GET form): account name, CRM id or salesperson. */
export const dealSearchSchema = listQuerySchema({
  q: textParam(100),
  deal: textParam(40),
});
