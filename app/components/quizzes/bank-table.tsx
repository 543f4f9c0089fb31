import { Link } from "@remix-run/react";
import { ENUM_LABELS } from "../../domain/labels.ts";
import { questionTypeLabel, type QuestionType } from "../../domain/levels.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface BankRow {
  id: string;
  type: QuestionType;
  prompt: string;
  state: "ACTIVE" | "NEEDS_REVIEW" | "RETIRED";
  updatedAt: Date | string;
  product: { name: string; slug: string };
  capability: { title: string; key: string; status: CapabilityLevel } | null;
  author: { name: string };
}

const STATE_TONE = { ACTIVE: "good", NEEDS_REVIEW: "warn", RETIRED: "" } as const;
export const STATE_LABEL = ENUM_LABELS.QuestionState;

export function QuestionStateBadge({ state }: { state: BankRow["state"] }) {
  return <span className={`badge ${STATE_TONE[state]}`}>{STATE_LABEL[state]}</span>;
}

const BANK_COLUMNS: SimpleColumns<BankRow> = [
  {
    header: "Question",
    cell: (row) => (
      <>
        <Link to={`/question-bank/${row.id}`}>{row.prompt}</Link>{" "}
        <span className="muted small">({questionTypeLabel(row.type)})</span>
      </>
    ),
  },
  { header: "Product", cell: (row) => row.product.name },
  {
    header: "Capability",
    cell: (row) =>
      row.capability ? (
        <>
          <Link to={`/capabilities/${row.product.slug}/${row.capability.key}`}>{row.capability.title}</Link>{" "}
          <LevelBadge level={row.capability.status} />
        </>
      ) : (
        <span className="muted">—</span>
      ),
  },
  { header: "State", cell: (row) => <QuestionStateBadge state={row.state} /> },
  { header: "Author", cell: (row) => row.author.name },
  { header: "Changed", className: "nowrap", cell: (row) => formatDate(row.updatedAt) },
];

export function BankTable({ rows }: { rows: BankRow[] }) {
  if (rows.length === 0) return <p className="panel muted">No questions match these filters.</p>;
  return (
    <SimpleTable
      label="Questions in the bank"
      className="data-table"
      columns={BANK_COLUMNS}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}
