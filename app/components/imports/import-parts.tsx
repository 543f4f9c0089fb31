import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ImportColumn, ImportProblem } from "../../domain/csv-import.ts";
import { formatCount } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";
import { useIsPending } from "../ui/submit-button.tsx";

/** The file's format, documented where the file is chosen. */
function ColumnGuide<K extends string>({ columns, example }: { columns: readonly ImportColumn<K>[]; example: string }) {
  return (
    <details className="panel">
      <summary>The file's columns</summary>
      <p className="small">
        A CSV file with a header row (UTF-8; comma-separated; quoted fields may hold commas). Headers are matched
        whatever their case, spacing or punctuation, and the alternative names shown are accepted too; other columns are
        ignored. At most 5 MB.
      </p>
      <SimpleTable
        label="Columns of the file"
        columns={[
          { header: "Header", rowHeader: true, cell: (column: ImportColumn<K>) => column.header },
          { header: "Also accepted", className: "small", cell: (column) => column.aliases?.join(", ") ?? "—" },
          { header: "Required", cell: (column) => (column.required ? "Yes" : "No") },
          { header: "What it holds", cell: (column) => column.description },
        ]}
        rows={columns}
        rowKey={(column) => column.key}
      />
      <p className="small">Example:</p>
      <pre className="small">{example}</pre>
    </details>
  );
}

/** Step one: choose the file; the server checks every row and shows what importing would do. */
export function UploadForm({ label }: { label: string }) {
  const busy = useIsPending();
  return (
    <Form method="post" encType="multipart/form-data" className="panel">
      <div className="field">
        <label htmlFor="import-file">{label}</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
      </div>
      <button type="submit" name="intent" value="preview" disabled={busy}>
        {busy ? "Checking…" : "Check the file and preview"}
      </button>
    </Form>
  );
}

/** Step two: the checked text goes back to the server, which checks it again and imports it. */
export function ConfirmImportForm({ csv, summary }: { csv: string; summary: ReactNode }) {
  const busy = useIsPending();
  return (
    <Form method="post" encType="multipart/form-data" className="panel">
      <p>{summary}</p>
      <textarea name="csv" defaultValue={csv} hidden readOnly aria-hidden="true" />
      <button type="submit" name="intent" value="import" disabled={busy}>
        {busy ? "Importing…" : "Import these rows"}
      </button>
    </Form>
  );
}

const PROBLEM_COLUMNS: SimpleColumns<ImportProblem> = [
  { header: "Line", rowHeader: true, cell: (problem) => problem.line },
  { header: "Column", cell: (problem) => problem.column ?? "(whole row)" },
  { header: "Problem", cell: (problem) => problem.reason },
];

/** Every bad row: line, column and reason, top to bottom, so the file can be fixed in one pass. */
export function ImportProblems({
  problems,
  problemCount,
  rowCount,
}: {
  problems: ImportProblem[];
  problemCount: number;
  rowCount: number;
}) {
  return (
    <section className="panel" aria-labelledby="problems-title">
      <h2 id="problems-title">Nothing was imported</h2>
      <p role="alert" className="form-error">
        {problemCount === 1 ? "One problem" : `${formatCount(problemCount)} problems`}{" "}
        {rowCount ? `in ${formatCount(rowCount)} rows` : "in the file"}. Fix {problemCount === 1 ? "it" : "them"} and
        choose the file again: the import writes nothing unless every row is valid.
      </p>
      <SimpleTable
        label="Problems found in the file"
        hiddenCaption
        columns={PROBLEM_COLUMNS}
        rows={problems}
        rowKey={(problem, index) => `${problem.line}-${problem.column ?? ""}-${index}`}
      />
      {problemCount > problems.length ? (
        <p className="small muted">The first {formatCount(problems.length)} problems are shown.</p>
      ) : null}
    </section>
  );
}

/**
 * The first rows of a valid file and what importing each would do: its line, the external ID
 * that names the row, then the importer's own `columns`.
 */
export function ImportPreviewTable<Row extends { line: number; externalId: string }>({
  rows,
  total,
  idHeader,
  columns,
}: {
  rows: readonly Row[];
  /** The rows of the whole file. */
  total: number;
  /** The header of the external ID column. */
  idHeader: string;
  columns: SimpleColumns<Row>;
}) {
  return (
    <SimpleTable
      label="Rows of the file"
      caption={
        rows.length < total
          ? `The first ${rows.length} of ${total.toLocaleString("en-US")} rows`
          : "Every row of the file"
      }
      columns={[
        { header: "Line", cell: (row) => row.line },
        { header: idHeader, rowHeader: true, cell: (row) => row.externalId },
        ...columns,
      ]}
      rows={rows}
      rowKey={(row) => row.line}
    />
  );
}

/** What an import page's action answers: a bad file, an empty upload, or a checked file to preview. */
export type ImportStepResult =
  | { kind: "problems"; problems: ImportProblem[]; problemCount: number; rowCount: number }
  | { kind: "empty" }
  | { kind: "preview"; fileName: string | null; csv: string };

/**
 * The body of an import page after its introduction: the file's columns, then the problems of
 * a refused file, or the preview of a valid one with the button that imports it, or the upload
 * form.
 */
export function ImportStep<K extends string>({
  columns,
  example,
  result,
  uploadLabel,
  plan,
  preview,
}: {
  columns: readonly ImportColumn<K>[];
  /** A few lines of a valid file. */
  example: string;
  result: ImportStepResult | undefined;
  uploadLabel: string;
  /** What importing a valid file does, in words ("3 new, 1 updated"), said above the import button. */
  plan: string;
  /** The table of the valid file's first rows. */
  preview: ReactNode;
}) {
  return (
    <>
      <ColumnGuide columns={columns} example={example} />
      {result?.kind === "problems" ? (
        <ImportProblems problems={result.problems} problemCount={result.problemCount} rowCount={result.rowCount} />
      ) : null}
      {result?.kind === "empty" ? (
        <p className="form-error" role="alert">
          Choose a CSV file to import.
        </p>
      ) : null}
      {result?.kind === "preview" ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Preview{result.fileName ? ` of ${result.fileName}` : ""}</h2>
          <ConfirmImportForm csv={result.csv} summary={`Every row is valid. Importing: ${plan}.`} />
          {preview}
        </section>
      ) : (
        <UploadForm label={uploadLabel} />
      )}
    </>
  );
}
