import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { OutboxRow } from "../../models/survey-links.server.ts";
import { formatDate, formatDateTime } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";
import { dealCell } from "./deal-cell.tsx";

type Row = Omit<OutboxRow, "dueAt" | "expiresAt" | "sentAt" | "linkCreatedAt"> & {
  dueAt: string | Date;
  expiresAt: string | Date;
  sentAt: string | Date | null;
  linkCreatedAt: string | Date | null;
};

function outboxColumns(busy: boolean): SimpleColumns<Row> {
  return [
    {
      header: "Contact",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.contactName}
          <br />
          <span className="small muted">{row.contactEmail}</span>
        </>
      ),
    },
    { header: "Account · deal", cell: dealCell },
    { header: "Salesperson", cell: (row) => row.salesperson },
    {
      header: "Due",
      cell: (row) => (
        <>
          {formatDate(row.dueAt)}
          <br />
          <span className="small muted">link valid until {formatDate(row.expiresAt)}</span>
        </>
      ),
    },
    {
      header: "Link",
      cell: (row) =>
        row.linkCreatedAt ? `Made ${formatDateTime(row.linkCreatedAt)}` : <span className="muted">None yet</span>,
    },
    {
      header: "Sent",
      cell: (row) => (
        <>
          {row.sentAt ? formatDateTime(row.sentAt) : <span className="muted">Not sent</span>}
          {row.lastSendError ? (
            <>
              <br />
              <span className="small field-error">
                {row.sendAttempts} failed {row.sendAttempts === 1 ? "attempt" : "attempts"}: {row.lastSendError}
              </span>
            </>
          ) : null}
        </>
      ),
    },
    {
      header: "Actions",
      cell: (row) => (
        <Form method="post" className="inline-form">
          <input type="hidden" name="surveyId" value={row.id} />
          {/* The link this page shows: a link made since by someone else is never replaced without asking. */}
          <input type="hidden" name="seen" value={row.linkCreatedAt ? new Date(row.linkCreatedAt).toISOString() : ""} />
          {/* "Replace link" only asks first (ReplaceLinkConfirmation); the old link keeps working until confirmed. */}
          <button
            type="submit"
            name="intent"
            value={row.linkCreatedAt ? "replace-link" : "create-link"}
            disabled={busy}
            aria-label={`${row.linkCreatedAt ? "Replace link" : "Create link"} for ${row.contactName}`}
          >
            {row.linkCreatedAt ? "Replace link" : "Create link"}
          </button>
          {row.linkCreatedAt && !row.sentAt ? (
            <button
              type="submit"
              name="intent"
              value="mark-sent"
              disabled={busy}
              aria-label={`Mark as sent: ${row.contactName}`}
            >
              Mark as sent
            </button>
          ) : null}
        </Form>
      ),
    },
  ];
}

export function OutboxTable({ rows, busy }: { rows: Row[]; busy: boolean }) {
  return (
    <SimpleTable
      label="Surveys due and not answered"
      caption="Surveys due and not answered"
      columns={outboxColumns(busy)}
      rows={rows}
      rowKey={(row) => row.id}
      empty="No surveys are waiting: every due survey has been answered."
      emptyClassName="data-table-empty"
    />
  );
}

/**
 * Copies the link with one click once JavaScript runs; before that (or without it) the button is
 * not there and the link stays in its box, selected on focus, to copy by hand.
 */
function CopyLinkButton({ inputId, url }: { inputId: string; url: string }) {
  const [ready, setReady] = useState(false);
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  async function copy() {
    const input = document.getElementById(inputId);
    try {
      if (navigator.clipboard?.writeText) await navigator.clipboard.writeText(url);
      // Pages served over plain http (not localhost) have no clipboard API: the older command.
      else if (!(input instanceof HTMLInputElement && (input.select(), document.execCommand("copy"))))
        throw new Error("copy refused");
      setOutcome("copied");
    } catch {
      if (input instanceof HTMLInputElement) input.select();
      setOutcome("failed");
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="small" role="status">
        {outcome === "copied"
          ? "Copied. Paste it into your email to the customer."
          : outcome === "failed"
            ? "Your browser did not allow copying: the link is selected, copy it yourself."
            : ""}
      </span>
    </>
  );
}

/** The link, shown this once: only its hash is kept. */
export function NewLinkPanel({
  url,
  contactName,
  contactEmail,
}: {
  url: string;
  contactName: string;
  contactEmail: string;
}) {
  return (
    <section className="panel" aria-labelledby="new-link-title" role="status">
      <h2 id="new-link-title">
        Survey link for {contactName} ({contactEmail})
      </h2>
      <p>
        Copy it now: Candor keeps only a fingerprint of the link, so it cannot be shown again. Creating another link for
        this survey makes this one stop working.
      </p>
      <div className="field">
        <label htmlFor="new-link">Survey link</label>
        <div className="copy-field">
          <input id="new-link" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <CopyLinkButton inputId="new-link" url={url} />
        </div>
      </div>
      <p className="small muted">When you have sent it, choose “Mark as sent”.</p>
    </section>
  );
}

/**
 * The question "Replace link" asks before the old link stops working (a server-side step, so it
 * works without JavaScript). Its button posts create-link with the link it asked about; if that
 * link has changed meanwhile, the server asks again.
 */
export function ReplaceLinkConfirmation({
  surveyId,
  contactName,
  contactEmail,
  linkCreatedAt,
  sentAt,
  changedMeanwhile,
  busy,
}: {
  surveyId: string;
  contactName: string;
  contactEmail: string;
  linkCreatedAt: string | Date | null;
  sentAt: string | Date | null;
  changedMeanwhile: boolean;
  busy: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel confirm-panel" aria-labelledby="replace-link-title">
      <h2 id="replace-link-title" ref={heading} tabIndex={-1}>
        Replace the survey link for {contactName}?
      </h2>
      {changedMeanwhile ? (
        <p className="form-error" role="alert">
          Someone made a new link for this survey after your page was loaded, so nothing was changed. Look at it again
          before you replace it.
        </p>
      ) : null}
      <p>
        The current link was made {formatDateTime(linkCreatedAt)}
        {sentAt ? ` and sent ${formatDateTime(sentAt)}` : ", and it is not marked as sent yet"}. A new link makes it
        stop working at once: if {contactName} ({contactEmail}) opens the old one, they are told it is not valid.
        Replace it only if the old link was lost or went to the wrong person.
      </p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="surveyId" value={surveyId} />
        <input type="hidden" name="seen" value={linkCreatedAt ? new Date(linkCreatedAt).toISOString() : ""} />
        <button type="submit" name="intent" value="create-link" className="button danger" disabled={busy}>
          Replace the link
        </button>
        <Link to="/surveys/outbox" className="button secondary">
          Keep the current link
        </Link>
      </Form>
    </section>
  );
}
