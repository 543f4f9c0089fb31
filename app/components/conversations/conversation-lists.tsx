import { Link } from "@remix-run/react";
import type { CapabilityLevel, MatrixCheckResult } from "../../domain/levels.ts";
import { MatrixCheckBadge } from "../ui/badges.tsx";
import { formatCount, formatDate } from "../ui/format.ts";
import { AssertedLevel } from "./candidate-card.tsx";
import { SimpleTable } from "../ui/simple-table.tsx";

export interface ConversationRow {
  id: string;
  occurredAt: Date;
  fileName: string;
  deal: { externalId: string; account: { name: string } };
  salesperson: { name: string };
  pending: number;
  confirmed: number;
  dismissed: number;
}

/** The conversations a reader may see, with their candidates counted by state. */
export function ConversationsTable({ rows, showSalesperson }: { rows: ConversationRow[]; showSalesperson: boolean }) {
  return (
    <SimpleTable
      label="Imported conversations"
      caption="Imported conversations, newest first"
      captionClassName="visually-hidden"
      columns={[
        {
          header: "Date",
          cell: (row: ConversationRow) => <Link to={`/conversations/${row.id}`}>{formatDate(row.occurredAt)}</Link>,
        },
        { header: "Account", cell: (row) => row.deal.account.name },
        { header: "Deal", cell: (row) => row.deal.externalId },
        showSalesperson && { header: "Salesperson", cell: (row) => row.salesperson.name },
        { header: "File", className: "small", cell: (row) => row.fileName },
        {
          header: "To decide",
          numeric: true,
          cell: (row) => (row.pending > 0 ? <strong>{formatCount(row.pending)}</strong> : "0"),
        },
        { header: "Confirmed", numeric: true, cell: (row) => formatCount(row.confirmed) },
        { header: "Dismissed", numeric: true, cell: (row) => formatCount(row.dismissed) },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}

export interface CandidateRow {
  id: string;
  conversationId: string;
  assertedLevel: CapabilityLevel;
  cueWords: string;
  matrixCheck: MatrixCheckResult;
  daysLeft: number;
  createdAt: Date;
  sentence: { text: string };
  capability: { title: string };
  salesperson: { name: string };
  conversation: { deal: { account: { name: string } } };
}

/** Undecided candidates, each linking to its conversation: on a salesperson's home and for managers. */
export function CandidateRows({
  rows,
  caption,
  showSalesperson,
}: {
  rows: CandidateRow[];
  caption: string;
  showSalesperson: boolean;
}) {
  return (
    <SimpleTable
      label={caption}
      hiddenCaption
      columns={[
        showSalesperson && { header: "Salesperson", cell: (row: CandidateRow) => row.salesperson.name },
        {
          header: "Sentence",
          cell: (row: CandidateRow) => (
            <>
              <Link to={`/conversations/${row.conversationId}`}>“{row.sentence.text}”</Link>
              <div className="small muted">{row.conversation.deal.account.name}</div>
            </>
          ),
        },
        { header: "Capability", cell: (row) => row.capability.title },
        {
          header: "What the words assert",
          cell: (row) => (
            <AssertedLevel level={row.assertedLevel} cues={row.cueWords === "" ? [] : row.cueWords.split(", ")} />
          ),
        },
        { header: "Matrix check", cell: (row) => <MatrixCheckBadge check={row.matrixCheck} /> },
        {
          header: showSalesperson ? "Found" : "Days left",
          cell: (row) =>
            showSalesperson
              ? formatDate(row.createdAt)
              : row.daysLeft === 0
                ? "None: your manager may decide"
                : `${row.daysLeft} of 7`,
        },
      ]}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}

/** The salesperson's home section: candidates found in their conversations, to confirm or dismiss. */
export function ClaimsFoundInConversations({ count, rows }: { count: number; rows: CandidateRow[] }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby="found-in-conversations">
      <h2 id="found-in-conversations">Claims found in your conversations ({formatCount(count)})</h2>
      <p className="muted">
        Sentences of yours from imported calls and emails that speak about a capability. Confirm the ones you told the
        customer, dismiss the rest with a reason; after 7 days your manager decides the ones left.
      </p>
      <CandidateRows rows={rows} caption="Candidate claims waiting for your decision" showSalesperson={false} />
      {count > rows.length ? (
        <p className="small">
          <Link to="/conversations?state=PENDING">All {formatCount(count)} candidates to decide</Link>
        </p>
      ) : null}
    </section>
  );
}
