import { Form, Link } from "@remix-run/react";
import { notificationKindLabel } from "../../domain/notifications.ts";
import { When } from "../ui/when.tsx";

export interface InboxRow {
  id: string;
  kind: string;
  text: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The reader's notifications, newest first. Unread ones say so in words (a badge reading
 * "Unread") as well as by their border and weight, never by colour alone; each links to the page
 * it is about and has its own "Mark read" button.
 */
export function NotificationList({ rows, page }: { rows: InboxRow[]; page: number }) {
  return (
    <ol className="inbox-list" aria-label="Notifications, newest first">
      {rows.map((row) => {
        const unread = row.readAt === null;
        return (
          <li key={row.id} className={unread ? "inbox-item inbox-unread" : "inbox-item"}>
            <p className="inbox-meta small">
              {unread ? <span className="badge info">Unread</span> : <span className="muted">Read</span>}
              <span className="muted">
                {notificationKindLabel(row.kind)} · <When at={row.createdAt} withTime />
              </span>
            </p>
            <p className="inbox-text">
              <Link to={row.href}>{row.text}</Link>
            </p>
            {unread ? (
              <Form method="post" className="inbox-mark" preventScrollReset>
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="notificationId" value={row.id} />
                <input type="hidden" name="page" value={page} />
                <button type="submit" className="button secondary">
                  Mark read<span className="visually-hidden">: {row.text}</span>
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
