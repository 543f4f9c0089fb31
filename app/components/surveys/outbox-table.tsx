import { Form } from "@remix-run/react";
import type { OutboxRow } from "../../models/survey-links.server.ts";
import { formatDate, formatDateTime } from "../ui/format.ts";

type Row = Omit<OutboxRow, "dueAt" | "expiresAt" | "sentAt" | "linkCreatedAt"> & {
  dueAt: string | Date;
  expiresAt: string | Date;
  sentAt: string | Date | null;
  linkCreatedAt: string | Date | null;
};

export function OutboxTable({ rows, busy }: { rows: Row[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>Surveys due and not answered</caption>
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Account · deal</th>
            <th scope="col">Salesperson</th>
            <th scope="col">Due</th>
            <th scope="col">Link</th>
            <th scope="col">Sent</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={7} className="data-table-empty">
                No surveys are waiting: every due survey has been answered.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.contactName}
                  <br />
                  <span className="small muted">{row.contactEmail}</span>
                </th>
                <td>
                  {row.account}
                  <br />
                  <span className="small muted">
                    {row.externalId}
                    {row.product ? ` · ${row.product}` : ""}
                  </span>
                </td>
                <td>{row.salesperson}</td>
                <td>
                  {formatDate(row.dueAt)}
                  <br />
                  <span className="small muted">link valid until {formatDate(row.expiresAt)}</span>
                </td>
                <td>{row.linkCreatedAt ? `Made ${formatDateTime(row.linkCreatedAt)}` : <span className="muted">None yet</span>}</td>
                <td>
                  {row.sentAt ? formatDateTime(row.sentAt) : <span className="muted">Not sent</span>}
                  {row.lastSendError ? (
                    <>
                      <br />
                      <span className="small field-error">
                        {row.sendAttempts} failed {row.sendAttempts === 1 ? "attempt" : "attempts"}: {row.lastSendError}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="surveyId" value={row.id} />
                    <button type="submit" name="intent" value="create-link" disabled={busy} aria-label={`${row.linkCreatedAt ? "Replace link" : "Create link"} for ${row.contactName}`}>
                      {row.linkCreatedAt ? "Replace link" : "Create link"}
                    </button>
                    {row.linkCreatedAt && !row.sentAt ? (
                      <button type="submit" name="intent" value="mark-sent" disabled={busy} aria-label={`Mark as sent: ${row.contactName}`}>
                        Mark as sent
                      </button>
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The link, shown this once: only its hash is kept. */
export function NewLinkPanel({ url, contactName, contactEmail }: { url: string; contactName: string; contactEmail: string }) {
  return (
    <section className="panel" aria-labelledby="new-link-title" role="status">
      <h2 id="new-link-title">
        Survey link for {contactName} ({contactEmail})
      </h2>
      <p>
        Copy it now: Candor keeps only a fingerprint of the link, so it cannot be shown again. Creating another link for this survey makes this one stop
        working.
      </p>
      <div className="field">
        <label htmlFor="new-link">Survey link</label>
        <input id="new-link" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p className="small muted">When you have sent it, choose “Mark as sent”.</p>
    </section>
  );
}
