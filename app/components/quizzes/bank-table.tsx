import { Link } from "@remix-run/react";
import { ENUM_LABELS } from "../../domain/labels.ts";
import { questionTypeLabel, type QuestionType } from "../../domain/levels.ts";
import { LevelBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";
import type { CapabilityLevel } from "../../domain/levels.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

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

export function BankTable({ rows }: { rows: BankRow[] }) {
  if (rows.length === 0) return <p className="panel muted">No questions match these filters.</p>;
  return (
    <TableScroll label="Questions in the bank">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Product</th>
            <th scope="col">Capability</th>
            <th scope="col">State</th>
            <th scope="col">Author</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/question-bank/${row.id}`}>{row.prompt}</Link>{" "}
                <span className="muted small">({questionTypeLabel(row.type)})</span>
              </td>
              <td>{row.product.name}</td>
              <td>
                {row.capability ? (
                  <>
                    <Link to={`/capabilities/${row.product.slug}/${row.capability.key}`}>{row.capability.title}</Link>{" "}
                    <LevelBadge level={row.capability.status} />
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <QuestionStateBadge state={row.state} />
              </td>
              <td>{row.author.name}</td>
              <td className="nowrap">{formatDate(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
