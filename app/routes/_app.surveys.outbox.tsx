import { parseSubmission } from "../lib/submission.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewLinkPanel, OutboxTable, ReplaceLinkConfirmation } from "../components/surveys/outbox-table.tsx";
import { Pagination } from "../components/ui/pagination.tsx";
import { pageOnlyQuerySchema, parseListQuery } from "../domain/list-query.ts";
import { getEnv } from "../lib/env.server.ts";
import { readForm } from "../lib/form-data.server.ts";
import { notFound, requireUserWithPermission } from "../services/session.server.ts";
import { redirectWithToast } from "../lib/toast.server.ts";
import { audienceFor, audienceTeamIds } from "../models/audience.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import {
  createSurveyLink,
  createSurveyLinkIfUnchanged,
  getOutboxSurveyLink,
  listOutbox,
  markSurveySent,
  sendDueSurveys,
  type SurveyLinkChange,
} from "../models/survey-links.server.ts";
import { surveyIdSchema } from "../schemas/survey-response.ts";
import { useIsPending } from "../components/ui/submit-button.tsx";

export { RouteErrorBoundary as ErrorBoundary } from "../components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Survey outbox · Candor" }];

const NOT_IN_OUTBOX =
  "That survey is not in your outbox: it may have been answered, expired, or belong to a team you do not manage.";

async function requireSender(request: Request) {
  const user = await requireUserWithPermission(request, "send:surveys", "Only managers and admins send surveys.");
  return { user, teamIds: audienceTeamIds(await audienceFor(user, "read:deal")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { teamIds } = await requireSender(request);
  const { page } = parseListQuery(pageOnlyQuerySchema(), new URL(request.url).searchParams).value;
  const outbox = await listOutbox(teamIds, new Date(), page);
  return { ...outbox, mailConfigured: Boolean(getEnv().SMTP_URL) };
}

/** The new link to show once, with whom it is for. */
function linkShown(
  surveyId: string,
  origin: string,
  link: { path: string; contactName: string; contactEmail: string },
) {
  return {
    kind: "link" as const,
    surveyId,
    url: `${origin}${link.path}`,
    contactName: link.contactName,
    contactEmail: link.contactEmail,
  };
}

/** The new link to show once, or — when the survey's link changed since the sender's page showed it — the question again. */
async function linkCreated(outcome: SurveyLinkChange, surveyId: string, teamIds: string[] | null, origin: string) {
  if (outcome.kind === "not-found") notFound(NOT_IN_OUTBOX);
  if (outcome.kind === "changed") {
    const current = await getOutboxSurveyLink(surveyId, teamIds);
    if (!current) notFound(NOT_IN_OUTBOX);
    return data({ kind: "confirm-replace" as const, ...current, changedMeanwhile: true }, { status: 409 });
  }
  return linkShown(surveyId, origin, outcome);
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, teamIds } = await requireSender(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const audit = auditContextFrom(request, user.id);
  if (intent === "send-due") {
    const env = getEnv();
    if (!env.SMTP_URL)
      return data(
        {
          kind: "error" as const,
          message: "Email is not configured (SMTP_URL), so surveys cannot be sent from Candor.",
        },
        { status: 400 },
      );
    const result = await sendDueSurveys(audit, teamIds, {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      origin: new URL(request.url).origin,
    });
    const failed = result.failed ? ` ${result.failed} could not be sent and will be tried again next time.` : "";
    const more = result.remaining ? ` ${result.remaining} more are waiting: send again.` : "";
    return redirectWithToast("/surveys/outbox", {
      kind: result.failed ? "error" : "success",
      message: `${result.sent} surveys sent.${failed}${more}`,
    });
  }
  const submission = parseSubmission(form, { schema: surveyIdSchema });
  if (submission.status !== "success")
    return data({ kind: "error" as const, message: "Choose a survey." }, { status: 400 });
  const { surveyId } = submission.value;
  const origin = new URL(request.url).origin;
  // Replacing a link stops the old one working, perhaps after the customer got it, so the
  // outbox asks first, on the server (no JavaScript needed): "Replace link" only shows the
  // question; its "Replace the link" button posts create-link with the link it was asked about.
  if (intent === "replace-link") {
    const current = await getOutboxSurveyLink(surveyId, teamIds);
    if (!current) notFound(NOT_IN_OUTBOX);
    if (current.linkCreatedAt !== null)
      return { kind: "confirm-replace" as const, ...current, changedMeanwhile: false };
    return linkCreated(await createSurveyLinkIfUnchanged(audit, surveyId, teamIds, null), surveyId, teamIds, origin);
  }
  if (intent === "create-link") {
    // `seen` is the link the sender's page showed ("" for none). Without it (a script, an older
    // page) the link is made as before, replacing any earlier one.
    const seenRaw = form.get("seen");
    if (typeof seenRaw !== "string") {
      const link = await createSurveyLink(audit, surveyId, teamIds);
      if (!link) notFound(NOT_IN_OUTBOX);
      return linkShown(surveyId, origin, link);
    }
    const seen = seenRaw === "" ? null : new Date(seenRaw);
    if (seen !== null && Number.isNaN(seen.getTime()))
      return data(
        { kind: "error" as const, message: "That page was out of date: the outbox is shown again as it is now." },
        { status: 400 },
      );
    return linkCreated(await createSurveyLinkIfUnchanged(audit, surveyId, teamIds, seen), surveyId, teamIds, origin);
  }
  if (intent === "mark-sent") {
    const outcome = await markSurveySent(audit, surveyId, teamIds);
    if (outcome === "not-found") notFound(NOT_IN_OUTBOX);
    if (outcome === "no-link")
      return data(
        { kind: "error" as const, message: "Create a link first: there is nothing to send yet." },
        { status: 400 },
      );
    return redirectWithToast("/surveys/outbox", { kind: "success", message: "Marked as sent." });
  }
  return data({ kind: "error" as const, message: "Unknown action." }, { status: 400 });
}

export default function OutboxPage() {
  const { rows, total, unsent, page, pageCount, mailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useIsPending();
  return (
    <>
      <p className="small">
        <Link to="/surveys">← Six-month surveys</Link>
      </p>
      <h1>Survey outbox</h1>
      <p className="muted">
        Surveys that are due and not answered, with the customer contact. {total} waiting, {unsent} not sent yet. A link
        is shown once, when it is made; making a new one replaces the old.
      </p>
      {result?.kind === "link" ? (
        <NewLinkPanel url={result.url} contactName={result.contactName} contactEmail={result.contactEmail} />
      ) : null}
      {result?.kind === "confirm-replace" ? (
        <ReplaceLinkConfirmation
          surveyId={result.surveyId}
          contactName={result.contactName}
          contactEmail={result.contactEmail}
          linkCreatedAt={result.linkCreatedAt}
          sentAt={result.sentAt}
          changedMeanwhile={result.changedMeanwhile}
          busy={busy}
        />
      ) : null}
      {result?.kind === "error" ? (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      ) : null}
      {mailConfigured ? (
        <Form method="post" className="panel">
          <p>Email each survey not yet sent (a fresh link each); failures are recorded and tried again next time.</p>
          <button type="submit" name="intent" value="send-due" disabled={busy || unsent === 0}>
            Send due surveys ({unsent})
          </button>
        </Form>
      ) : (
        <p className="panel small muted">
          Email is not configured here (SMTP_URL), so create each link and send it yourself.
        </p>
      )}
      <OutboxTable rows={rows} busy={busy} />
      <Pagination page={page} pageCount={pageCount} search={new URLSearchParams()} label="Outbox pages" />
    </>
  );
}
