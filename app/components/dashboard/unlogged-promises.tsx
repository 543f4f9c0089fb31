import { Link } from "@remix-run/react";
import { customerWordsOf, moreThanShown, unloggedPromiseAnswerLabel } from "../../domain/coverage.ts";
import type { UnloggedPromises as UnloggedPromiseList } from "../../models/coverage.server.ts";
import { formatCount, formatDate } from "../ui/format.ts";
import { dealHref, importConversationHref, logObservedClaimHref, personHref } from "./links.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

// Loader data arrives with dates as strings; the list only formats them.
type Row = Omit<UnloggedPromiseList["rows"][number], "respondedAt" | "dueAt"> & {
  respondedAt: Date | string | null;
  dueAt: Date | string;
};

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
        <TableScroll label="Unlogged promises">
          <table>
            <caption>
              {unlogged.total === unlogged.rows.length
                ? `${formatCount(unlogged.total)} ${unlogged.total === 1 ? "deal" : "deals"} without a claim whose customer says the promise was not kept`
                : `The newest ${formatCount(unlogged.rows.length)} of ${formatCount(unlogged.total)} deals without a claim whose customer says the promise was not kept`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Account</th>
                <th scope="col">Salesperson</th>
                <th scope="col">Customer's answer</th>
                <th scope="col">In the customer's words</th>
                <th scope="col">Answered</th>
                <th scope="col">Record it</th>
              </tr>
            </thead>
            <tbody>
              {unlogged.rows.map((row) => {
                const words = customerWordsOf(row);
                return (
                  <tr key={row.dealId}>
                    <th scope="row">
                      <Link to={dealHref(row.externalId)}>{row.externalId}</Link>
                    </th>
                    <td>{row.accountName}</td>
                    <td>
                      <Link to={personHref(row.salespersonId)}>{row.salespersonName}</Link>
                    </td>
                    <td>{unloggedPromiseAnswerLabel(row.answer)}</td>
                    <td>
                      {words.length === 0 ? (
                        <span className="muted">No comment</span>
                      ) : (
                        words.map((word) => (
                          <p key={word.label} className="small">
                            <strong>{word.label}:</strong> “{word.text}”
                          </p>
                        ))
                      )}
                    </td>
                    <td>
                      {row.respondedAt ? (
                        formatDate(row.respondedAt)
                      ) : (
                        <span className="muted">Due {formatDate(row.dueAt)}</span>
                      )}
                    </td>
                    <td>
                      <ul>
                        <li>
                          <Link to={logObservedClaimHref(row)}>Log an observed claim</Link>
                        </li>
                        <li>
                          <Link to={importConversationHref(row.dealId)}>Import the conversation</Link>
                        </li>
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {more ? (
            <p className="small muted">
              …{more} in {periodName}, with older answers.
            </p>
          ) : null}
        </TableScroll>
      )}
    </section>
  );
}
