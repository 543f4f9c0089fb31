import { Link } from "@remix-run/react";
import { customerWordsOf, moreThanShown, unloggedPromiseAnswerLabel } from "../../domain/coverage.ts";
import type { UnloggedPromises as UnloggedPromiseList } from "../../models/coverage.server.ts";
import { formatCount, formatDate } from "../ui/format.ts";
import { dealHref, importConversationHref, logObservedClaimHref, personHref } from "./links.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

// Loader data arrives with dates as strings; the list only formats them.
type Row = Omit<UnloggedPromiseList["rows"][number], "respondedAt" | "dueAt"> & {
  respondedAt: Date | string | null;
  dueAt: Date | string;
};

const PROMISE_COLUMNS: SimpleColumns<Row> = [
  { header: "Deal", rowHeader: true, cell: (row) => <Link to={dealHref(row.externalId)}>{row.externalId}</Link> },
  { header: "Account", cell: (row) => row.accountName },
  {
    header: "Salesperson",
    cell: (row) => <Link to={personHref(row.salespersonId)}>{row.salespersonName}</Link>,
  },
  { header: "Customer's answer", cell: (row) => unloggedPromiseAnswerLabel(row.answer) },
  {
    header: "In the customer's words",
    cell: (row) => {
      const words = customerWordsOf(row);
      return words.length === 0 ? (
        <span className="muted">No comment</span>
      ) : (
        words.map((word) => (
          <p key={word.label} className="small">
            <strong>{word.label}:</strong> “{word.text}”
          </p>
        ))
      );
    },
  },
  {
    header: "Answered",
    cell: (row) =>
      row.respondedAt ? formatDate(row.respondedAt) : <span className="muted">Due {formatDate(row.dueAt)}</span>,
  },
  {
    header: "Record it",
    cell: (row) => (
      <ul>
        <li>
          <Link to={logObservedClaimHref(row)}>Log an observed claim</Link>
        </li>
        <li>
          <Link to={importConversationHref(row.dealId)}>Import the conversation</Link>
        </li>
      </ul>
    ),
  },
];

/**
 * PRODUCT.md §7: deals whose customer says the product did not do what they were told, while
 * no claim of any source is on record for the deal — a promise nobody wrote down. Each row
 * offers the two ways to record it.
 */
export function UnloggedPromises({
  unlogged,
  periodName,
}: {
  unlogged: { rows: readonly Row[]; total: number };
  periodName: string;
}) {
  const more = moreThanShown(unlogged.rows.length, unlogged.total);
  return (
    <section aria-labelledby="unlogged-promises">
      <h2 id="unlogged-promises">Unlogged promises</h2>
      <p className="muted">
        Deals whose customer, in a six-month survey due in {periodName}, answered “no” or “partly” to “Did the product
        do what you were told?” while nobody — the salesperson, an engineer, a manager, the customer or a conversation —
        has put any claim on record for the deal. Newest answer first.
      </p>
      {unlogged.rows.length === 0 ? (
        <p>
          No unlogged promises in {periodName}: every deal whose customer said the product fell short of what they were
          told already has a claim on record.
        </p>
      ) : (
        <SimpleTable
          label="Unlogged promises"
          caption={
            unlogged.total === unlogged.rows.length
              ? `${formatCount(unlogged.total)} ${unlogged.total === 1 ? "deal" : "deals"} without a claim whose customer says the promise was not kept`
              : `The newest ${formatCount(unlogged.rows.length)} of ${formatCount(unlogged.total)} deals without a claim whose customer says the promise was not kept`
          }
          columns={PROMISE_COLUMNS}
          rows={unlogged.rows}
          rowKey={(row) => row.dealId}
          after={
            more ? (
              <p className="small muted">
                …{more} in {periodName}, with older answers.
              </p>
            ) : null
          }
        />
      )}
    </section>
  );
}
