import { data } from "@remix-run/node";
import type { ImportProblem } from "../domain/csv-import.ts";
import type { Permission } from "../domain/permissions.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { audienceFor, audienceTeamIds } from "../models/audience.server.ts";
import { auditContextFrom, type AuditContext } from "../models/audit.server.ts";
import { readCsvUpload } from "./csv-upload.server.ts";
import { requireUserWithPermission } from "./session.server.ts";

// The two-step CSV import pages (PRODUCT.md §6): the file is checked and previewed first, then
// the checked text comes back and is checked again and written, every row or none.

const PREVIEW_ROWS = 100;
/** A refused file lists at most this many problems; the page says how many there are in all. */
const PROBLEMS_SHOWN = 500;

/** A checked file: its plan (each row and what importing it does), or why nothing may be imported. */
type CheckedFile<Row, Counts> =
  { ok: true; plan: { rows: Row[]; counts: Counts } } | { ok: false; problems: ImportProblem[]; rowCount: number };

export interface CsvImporter<Row, Counts, PreviewRow> {
  permission: Permission;
  /** Said to a user without the permission. */
  refusal: string;
  /** Checks the file against what is stored, writing nothing. */
  check: (text: string, teamIds: string[] | null) => Promise<CheckedFile<Row, Counts>>;
  /** Checks the file again and writes it. */
  write: (audit: AuditContext, text: string, teamIds: string[] | null) => Promise<CheckedFile<Row, Counts>>;
  /** Where a finished import sends the user, and the toast it says there. */
  done: (counts: Counts) => { to: string; message: string };
  /** What importing the checked file would do, in words ("3 new, 0 updated, 1 unchanged"). */
  plan: (counts: Counts) => string;
  previewRow: (row: Row) => PreviewRow;
}

/** The importer, and the teams whose deals they import for (null: every team). */
export async function requireImporter(request: Request, importer: { permission: Permission; refusal: string }) {
  const user = await requireUserWithPermission(request, importer.permission, importer.refusal);
  return { user, teamIds: audienceTeamIds(await audienceFor(user, "read:deal")) };
}

/**
 * An import page's action: an empty upload or a refused file answers 400 with what the page
 * shows; "preview" answers the checked file's first rows; "import" writes it and redirects.
 */
export async function csvImportAction<Row, Counts, PreviewRow>(
  request: Request,
  importer: CsvImporter<Row, Counts, PreviewRow>,
) {
  const { user, teamIds } = await requireImporter(request, importer);
  const upload = await readCsvUpload(request);
  if (upload.text.trim() === "") return data({ kind: "empty" as const }, { status: 400 });
  if (upload.intent !== "import" && upload.intent !== "preview")
    throw data({ message: "Choose the file and check it first." }, { status: 400 });
  const outcome =
    upload.intent === "import"
      ? await importer.write(auditContextFrom(request, user.id), upload.text, teamIds)
      : await importer.check(upload.text, teamIds);
  if (!outcome.ok) {
    return data(
      {
        kind: "problems" as const,
        problems: outcome.problems.slice(0, PROBLEMS_SHOWN),
        problemCount: outcome.problems.length,
        rowCount: outcome.rowCount,
      },
      { status: 400 },
    );
  }
  const { rows, counts } = outcome.plan;
  if (upload.intent === "import") {
    const { to, message } = importer.done(counts);
    return redirectWithToast(to, { kind: "success", message });
  }
  return {
    kind: "preview" as const,
    fileName: upload.fileName,
    csv: upload.text,
    total: rows.length,
    counts,
    plan: importer.plan(counts),
    rows: rows.slice(0, PREVIEW_ROWS).map(importer.previewRow),
  };
}
