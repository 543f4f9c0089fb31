import { parseSubmission } from "../lib/submission.server.ts";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NOT_VALID, SurveyForm, SurveyShell } from "../components/surveys/public-survey.tsx";
import { readForm } from "../lib/form-data.server.ts";
import { getClientIp } from "../lib/request.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { findSurveyByToken, recordRefusedResponse, recordSurveyResponse, surveyResponseThrottle } from "../models/survey-links.server.ts";
import { surveyResponseSchema } from "../schemas/survey-response.ts";

// The public survey page (PRODUCT.md §3): no sign-in, outside the signed-in layout. The token is
// the only secret, so no response of this page may leak it through a Referer header, and every
// bad link gets the same 404.

export { SurveyErrorBoundary as ErrorBoundary } from "../components/surveys/public-survey.tsx";

export const PUBLIC_SURVEY_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => PUBLIC_SURVEY_HEADERS;

export const meta: MetaFunction = () => [{ title: "Six months on: a short survey" }, { name: "robots", content: "noindex" }];

function notValid(): never {
  throw data({ message: NOT_VALID }, { status: 404, headers: PUBLIC_SURVEY_HEADERS });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findSurveyByToken(params.token ?? "");
  if (found.kind === "invalid") notValid();
  if (found.kind === "answered") {
    const justAnswered = new URL(request.url).searchParams.has("answered");
    return data({ kind: justAnswered ? ("thanks" as const) : ("answered" as const) }, { headers: PUBLIC_SURVEY_HEADERS });
  }
  return data({ kind: "open" as const, productName: found.productName ?? "our product" }, { headers: PUBLIC_SURVEY_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const audit = auditContextFrom(request, null);
  const throttle = await surveyResponseThrottle(getClientIp(request));
  if (!throttle.allowed) {
    return data({ kind: "throttled" as const, minutes: throttle.retryAfterMinutes }, { status: 429, headers: PUBLIC_SURVEY_HEADERS });
  }
  const found = await findSurveyByToken(token);
  if (found.kind === "invalid") {
    await recordRefusedResponse(audit, "invalid-link", null);
    notValid();
  }
  if (found.kind === "answered") {
    await recordRefusedResponse(audit, "already-answered", null);
    return data({ kind: "already" as const }, { status: 409, headers: PUBLIC_SURVEY_HEADERS });
  }
  const submission = parseSubmission(await readForm(request), { schema: surveyResponseSchema });
  if (submission.status !== "success") return data({ kind: "invalid" as const, result: submission.reply() }, { status: 400, headers: PUBLIC_SURVEY_HEADERS });
  const outcome = await recordSurveyResponse(audit, token, submission.value);
  if (outcome === "invalid") notValid();
  if (outcome === "already-answered") return data({ kind: "already" as const }, { status: 409, headers: PUBLIC_SURVEY_HEADERS });
  return redirect(`/survey/${token}?answered=1`, { headers: PUBLIC_SURVEY_HEADERS });
}

export default function PublicSurveyPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (page.kind === "thanks") {
    return (
      <SurveyShell>
        <h1>Thank you</h1>
        <p>Your answers are recorded. They go to the people who build the product and to the salesperson's manager — we read every one.</p>
      </SurveyShell>
    );
  }
  if (page.kind === "answered" || result?.kind === "already") return <AlreadyAnswered />;
  if (page.kind !== "open") return null;
  return (
    <SurveyShell>
      <h1>Six months with {page.productName}</h1>
      <p>Two quick questions, and three optional ones. Your honest answer helps us keep our promises.</p>
      {result?.kind === "throttled" ? (
        <p className="form-error" role="alert">
          Too many answers have come from your network in a short time. Please try again in {result.minutes} {result.minutes === 1 ? "minute" : "minutes"}.
        </p>
      ) : null}
      <SurveyForm productName={page.productName} lastResult={result?.kind === "invalid" ? result.result : undefined} />
    </SurveyShell>
  );
}

function AlreadyAnswered() {
  return (
    <SurveyShell>
      <h1>Already answered</h1>
      <p>This survey has already been answered, so there is nothing more to do. Thank you for your time.</p>
    </SurveyShell>
  );
}
