import { Link } from "@remix-run/react";
import type { CapabilityLevel, MatrixCheckResult } from "../../domain/levels.ts";
import { MatrixCheckBadge } from "../ui/badges.tsx";
import { formatCount, formatDate } from "../ui/format.ts";
import { AssertedLevel } from "./candidate-card.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";

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
    <TableScroll label="Imported conversations">
      <table>
        <caption className="visually-hidden">Imported conversations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Account</th>
            <th scope="col">Deal</th>
            {showSalesperson ? <th scope="col">Salesperson</th> : null}
            <th scope="col">File</th>
            <th scope="col" className="num">
              To decide
            </th>
            <th scope="col" className="num">
              Confirmed
            </th>
            <th scope="col" className="num">
              Dismissed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/conversations/${row.id}`}>{formatDate(row.occurredAt)}</Link>
              </td>
              <td>{row.deal.account.name}</td>
              <td>{row.deal.externalId}</td>
              {showSalesperson ? <td>{row.salesperson.name}</td> : null}
              <td className="small">{row.fileName}</td>
              <td className="num">{row.pending > 0 ? <strong>{formatCount(row.pending)}</strong> : "0"}</td>
              <td className="num">{formatCount(row.confirmed)}</td>
              <td className="num">{formatCount(row.dismissed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showSalesperson ? <th scope="col">Salesperson</th> : null}
            <th scope="col">Sentence</th>
            <th scope="col">Capability</th>
            <th scope="col">What the words assert</th>
            <th scope="col">Matrix check</th>
            <th scope="col">{showSalesperson ? "Found" : "Days left"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {showSalesperson ? <td>{row.salesperson.name}</td> : null}
              <td>
                <Link to={`/conversations/${row.conversationId}`}>“{row.sentence.text}”</Link>
                <div className="small muted">{row.conversation.deal.account.name}</div>
              </td>
              <td>{row.capability.title}</td>
              <td>
                <AssertedLevel level={row.assertedLevel} cues={row.cueWords === "" ? [] : row.cueWords.split(", ")} />
              </td>
              <td>
                <MatrixCheckBadge check={row.matrixCheck} />
              </td>
              <td>
                {showSalesperson
                  ? formatDate(row.createdAt)
                  : row.daysLeft === 0
                    ? "None: your manager may decide"
                    : `${row.daysLeft} of 7`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
