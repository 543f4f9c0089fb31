import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { DigestChoice } from "../components/inbox/digest-choice.tsx";
import { NotificationList } from "../components/inbox/notification-list.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { pageOnlyQuerySchema, parseListQuery } from "../domain/list-query.ts";
import { getEnv } from "../lib/env.server.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { parseSubmission } from "../lib/submission.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getDigestChoice, listInbox, markAllRead, markRead, setDigestChoice } from "../models/notifications.server.ts";
import { inboxActionSchema } from "../schemas/inbox.ts";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Inbox · Candor" }];

// PRODUCT.md §8: every role has an inbox of its own notifications, and nobody reads another's.

/** The digest's hour when Candor can send it (SMTP_URL set, the daily job on); null otherwise. */
function digestHour(): number | null {
  const env = getEnv();
  return env.SMTP_URL && env.DIGEST_HOUR_UTC !== "off" ? env.DIGEST_HOUR_UTC : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:notification");
  const { page } = parseListQuery(pageOnlyQuerySchema(), new URL(request.url).searchParams).value;
  const hourUtc = digestHour();
  const [inbox, chosen] = await Promise.all([
    listInbox(user.id, page),
    hourUtc === null ? false : getDigestChoice(user.id),
  ]);
  return { ...inbox, digest: hourUtc === null ? null : { chosen, hourUtc } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:notification");
  const submission = parseSubmission(await readForm(request), { schema: inboxActionSchema });
  if (submission.status !== "success")
    throw data({ message: "That form is not known here. Reload the inbox and try again." }, { status: 400 });
  const value = submission.value;
  switch (value.intent) {
    case "read": {
      const outcome = await markRead(user.id, value.notificationId);
      // Someone else's notification reads exactly like one that does not exist.
      if (outcome === "not-found") notFound("That notification is not in your inbox.");
      return redirect(value.page && value.page > 1 ? `/inbox?page=${value.page}` : "/inbox");
    }
    case "read-all": {
      const count = await markAllRead(user.id);
      const message =
        count === 0
          ? "Nothing was unread."
          : count === 1
            ? "Marked 1 notification read."
            : `Marked ${count} notifications read.`;
      return redirectWithToast("/inbox", { kind: "success", message });
    }
    case "digest": {
      if (digestHour() === null)
        throw data(
          { message: "Email is not configured here (SMTP_URL), so there is no daily digest to choose." },
          { status: 400 },
        );
      const chosen = value.emailDigest === true;
      await setDigestChoice(auditContextFrom(request, user.id), user.id, chosen);
      return redirectWithToast("/inbox", {
        kind: "success",
        message: chosen
          ? "You will receive a daily email digest of unread notifications."
          : "You will no longer receive the daily email digest.",
      });
    }
  }
}

export default function InboxPage() {
  const { rows, total, unread, page, pageCount, digest } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <div className="inbox-head">
        <h1>Inbox</h1>
        {unread > 0 ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button secondary">
              Mark all read
            </button>
          </Form>
        ) : null}
      </div>
      <p className="muted">
        {total === 0
          ? "Nothing here yet."
          : unread === 0
            ? `All ${total === 1 ? "1 notification is" : `${total} notifications are`} read.`
            : `${unread} unread of ${total}.`}{" "}
        Verdicts, disputes, answers, claims to confirm, quizzes due and unhappy customers that concern you appear here,
        newest first.
      </p>
      {rows.length > 0 ? <NotificationList rows={rows} page={page} /> : null}
      <Pagination
        page={page}
        pageCount={pageCount}
        search={search}
        label="Inbox pages"
        previousLabel="Newer"
        nextLabel="Older"
      />
      {digest ? <DigestChoice chosen={digest.chosen} hourUtc={digest.hourUtc} /> : null}
    </>
  );
}
