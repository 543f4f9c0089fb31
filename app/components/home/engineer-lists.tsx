import { Link } from "@remix-run/react";
import { LevelBadge } from "../ui/badges.tsx";
import { formatDate } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface ReviewDueRow {
  id: string;
  key: string;
  title: string;
  status: "SUPPORTED" | "PARTIAL" | "NOT_SUPPORTED" | "ROADMAP";
  reviewDueAt: string | Date | null;
  daysOverdue: number | null;
  product: { name: string; slug: string };
  owner: { name: string } | null;
}

const REVIEW_DUE_COLUMNS: SimpleColumns<ReviewDueRow> = [
  { header: "Product", cell: (row) => row.product.name },
  {
    header: "Capability",
    cell: (row) => <Link to={`/capabilities/${row.product.slug}/${row.key}`}>{row.title}</Link>,
  },
  { header: "Status", cell: (row) => <LevelBadge level={row.status} /> },
  { header: "Owner", cell: (row) => row.owner?.name ?? "—" },
  {
    header: "Review was due",
    cell: (row) => (
      <>
        {formatDate(row.reviewDueAt)}
        {row.daysOverdue !== null ? <span className="muted small"> ({row.daysOverdue} days ago)</span> : null}
      </>
    ),
  },
];

export function CapabilitiesDueForReview({ count, rows }: { count: number; rows: ReviewDueRow[] }) {
  return (
    <section aria-labelledby="review-due">
      <h2 id="review-due">Capabilities due for review ({count})</h2>
      {rows.length === 0 ? (
        <p className="muted">Every matrix row is within its review cycle.</p>
      ) : (
        <SimpleTable
          label="Capabilities due for review"
          columns={REVIEW_DUE_COLUMNS}
          rows={rows}
          rowKey={(row) => row.id}
        />
      )}
    </section>
  );
}

export interface OpenQuestionRow {
  id: string;
  question: string;
  age: string;
  product: { name: string };
  askedBy: { name: string };
}

export function OpenEngineerQuestions({ count, rows }: { count: number; rows: OpenQuestionRow[] }) {
  return (
    <section aria-labelledby="open-questions">
      <h2 id="open-questions">Questions from sales waiting for an answer ({count})</h2>
      {rows.length === 0 ? (
        <p className="muted">No open questions.</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              <Link to={`/ask/${row.id}`}>{row.question}</Link>{" "}
              <span className="muted small">
                {row.product.name} · {row.askedBy.name} · waiting {row.age}
              </span>
            </li>
          ))}
        </ul>
      )}
      {count > rows.length ? (
        <p>
          <Link to="/ask?status=OPEN">All {count} open questions</Link>
        </p>
      ) : null}
    </section>
  );
}
