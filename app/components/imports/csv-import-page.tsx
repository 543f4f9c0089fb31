import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ImportColumn } from "../../domain/csv-import.ts";
import { ImportStep, type ImportStepResult } from "./import-parts.tsx";

/** A checked file's preview as the import action answers it, with what importing it would do in words. */
type PreviewResult = Extract<ImportStepResult, { kind: "preview" }> & { plan: string };

/** What an import page says: the way back, its title, what the import does, and the file it takes. */
export interface CsvImportPageText {
  back: { to: string; label: string };
  title: string;
  intro: string;
  uploadLabel: string;
  columns: readonly ImportColumn<string>[];
  /** A few lines of a valid file. */
  example: string;
}

/** A CSV import page: its `page` text, then the import steps; `preview` draws the checked file's first rows. */
export function CsvImportPage<Preview extends PreviewResult>({
  page,
  result,
  preview,
}: {
  page: CsvImportPageText;
  result: Exclude<ImportStepResult, { kind: "preview" }> | Preview | undefined;
  preview: (result: Preview) => ReactNode;
}) {
  return (
    <>
      <p className="small">
        <Link to={page.back.to}>{`← ${page.back.label}`}</Link>
      </p>
      <h1>{page.title}</h1>
      <p className="muted">{page.intro}</p>
      <ImportStep
        columns={page.columns}
        example={page.example}
        result={result}
        uploadLabel={page.uploadLabel}
        plan={result?.kind === "preview" ? result.plan : ""}
        preview={result?.kind === "preview" ? preview(result) : null}
      />
    </>
  );
}
