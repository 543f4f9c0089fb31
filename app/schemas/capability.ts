// The capability forms (new, edit, mark verified), shared by the browser and the server, so it
// must stay free of server imports.
import { z } from "zod";
import { chosenId, optionalText, requiredText, slugText } from "./fields.ts";
import { sameFacts } from "../domain/capability-changes.ts";
import { CAPABILITY_LEVELS, levelLabel, type CapabilityLevel } from "../domain/levels.ts";
import { enumParam, listQuerySchema, textParam } from "../domain/list-query.ts";
import { safeDocsUrl } from "../domain/spec-sheet.ts";

export const LEVEL_OPTIONS = CAPABILITY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }));

export const NOTE_REQUIRED = "Say why the status or conditions changed; the note is kept in the history.";

// conform sends an empty field as undefined; these fields are optional text, stored as "".
const text = (max: number) => optionalText(max).default("");

const rowFields = {
  title: requiredText("Enter a title.", 120),
  description: text(2000),
  status: z.enum(CAPABILITY_LEVELS, { error: "Choose a status." }),
  conditions: text(2000),
  painPoints: text(2000),
  docsUrl: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .refine(
      (value) => safeDocsUrl(value) !== null,
      "Enter a full link starting with https:// or http://, or leave it empty.",
    )
    .optional(),
  ownerId: chosenId("Choose the engineer who owns this row."),
  note: text(500),
};

export const newCapabilitySchema = z.object({
  key: slugText("Enter a key.", "excel-export"),
  ...rowFields,
});

const versionField = z.coerce.number({ error: "Reload the page and try again." }).int().min(1);

const editObject = z.object({ ...rowFields, version: versionField });

/**
 * The edit form. Given the row as the editor loaded it, the browser can ask for the note before
 * submitting; the server checks the same rule against the stored row in the model.
 */
export function editCapabilitySchema(current?: { status: CapabilityLevel; conditions: string }) {
  if (!current) return editObject;
  return editObject.refine((value) => value.note !== "" || sameFacts(value, current), {
    path: ["note"],
    message: NOTE_REQUIRED,
  });
}

export const verifyCapabilitySchema = z.object({ version: versionField });

/** The words customers and salespeople use for a capability, one per line (PRODUCT.md §7); kept apart from the row's revisions. */
export const PHRASES_MAX_CHARACTERS = 4000;
export const capabilityPhrasesSchema = z.object({
  phrases: z.string().max(PHRASES_MAX_CHARACTERS, `Use at most ${PHRASES_MAX_CHARACTERS} characters.`).default(""),
});

// The matrix filters live in the URL (a GET form), so a filtered view can be bookmarked; a value
// that does not parse is ignored rather than refused.
export const DUE_SOON_DAYS = 30;
export const REVIEW_FILTERS = ["overdue", "due-soon", "current"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];
export const REVIEW_FILTER_OPTIONS: ReadonlyArray<{ value: ReviewFilter; label: string }> = [
  { value: "overdue", label: "Stale — review overdue" },
  { value: "due-soon", label: `Review due within ${DUE_SOON_DAYS} days` },
  { value: "current", label: "Not overdue" },
];

export const matrixFilterSchema = listQuerySchema({
  q: textParam(100),
  status: enumParam(CAPABILITY_LEVELS),
  owner: textParam(40),
  review: enumParam(REVIEW_FILTERS),
});
export type MatrixFilterValues = z.output<typeof matrixFilterSchema>;
