import { parseSubmission } from "../lib/submission.server.ts";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NOT_VALID, SurveyForm, SurveyShell } from "../components/surveys/public-survey.tsx";
import { firstName } from "../domain/person-name.ts";
import { readForm } from "../lib/form-data.server.ts";
import { getClientIp } from "../lib/request.server.ts";
import { auditContextFrom } from "../models/audit.server.ts";
import { getCompanyNameSetting } from "../models/settings.server.ts";
import {
  findSurveyByToken,
  recordRefusedResponse,
  recordSurveyResponse,
  surveyResponseThrottle,
} from "../models/survey-links.server.ts";
import { surveyResponseSchema } from "../schemas/survey-response.ts";

// The public survey page (PRODUCT.md §3): no sign-in, outside the signed-in layout. The token is
// the only secret, so no response of this page may leak it through a Referer header, and every
// bad link gets the same 404.

export { SurveyErrorBoundary as ErrorBoundary } from "../components/surveys/public-survey.tsx";

export const PUBLIC_SURVEY_HEADERS = {
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
};

export const headers: HeadersFunction = () => PUBLIC_SURVEY_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.companyName
      ? `Six months on: a short survey from ${data.companyName}`
      : "Six months on: a short survey",
  },
  { name: "robots", content: "noindex" },
];

function notValid(): never {
  throw data({ message: NOT_VALID }, { status: 404, headers: PUBLIC_SURVEY_HEADERS });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findSurveyByToken(params.token ?? "");
  if (found.kind === "invalid") notValid();
  // Who is asking, so the customer can trust the page: the company (its name when an admin set
  // one), and, on the questions, the product and the salesperson's first name.
  const companyName = (await getCompanyNameSetting()).value;
  if (found.kind === "answered") {
    const justAnswered = new URL(request.url).searchParams.has("answered");
    return data(
      { kind: justAnswered ? ("thanks" as const) : ("answered" as const), companyName },
      { headers: PUBLIC_SURVEY_HEADERS },
    );
  }
  return data(
    {
      kind: "open" as const,
      companyName,
      productName: found.productName ?? "our product",
      salespersonFirstName: firstName(found.salespersonName),
    },
    { headers: PUBLIC_SURVEY_HEADERS },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const audit = auditContextFrom(request, null);
  const throttle = await surveyResponseThrottle(getClientIp(request));
  if (!throttle.allowed) {
    return data(
      { kind: "throttled" as const, minutes: throttle.retryAfterMinutes },
      { status: 429, headers: PUBLIC_SURVEY_HEADERS },
    );
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
  if (submission.status !== "success")
    return data(
      { kind: "invalid" as const, result: submission.reply() },
      { status: 400, headers: PUBLIC_SURVEY_HEADERS },
    );
  const outcome = await recordSurveyResponse(audit, token, submission.value);
  if (outcome === "invalid") notValid();
  if (outcome === "already-answered")
    return data({ kind: "already" as const }, { status: 409, headers: PUBLIC_SURVEY_HEADERS });
  return redirect(`/survey/${token}?answered=1`, { headers: PUBLIC_SURVEY_HEADERS });
}

export default function PublicSurveyPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (page.kind === "thanks") {
    return (
      <SurveyShell companyName={page.companyName}>
        <h1>Thank you</h1>
        <p>
          Your answers are recorded. They go to the people who build the product and to the salesperson's manager — we
          read every one.
        </p>
      </SurveyShell>
    );
  }
  if (page.kind === "answered" || result?.kind === "already") return <AlreadyAnswered companyName={page.companyName} />;
  if (page.kind !== "open") return null;
  const { companyName, productName, salespersonFirstName } = page;
  const contact = salespersonFirstName
    ? `, with ${salespersonFirstName} as your salesperson${companyName ? ` at ${companyName}` : ""}`
    : companyName
      ? ` from ${companyName}`
      : "";
  return (
    <SurveyShell companyName={companyName}>
      <h1>Six months with {productName}</h1>
      <p className="survey-lead">
        Six months ago you chose {productName}
        {contact}. We would like to know whether it has done what you were told it would.
      </p>
      <p className="survey-meta">Two questions, three optional ones · about a minute · no sign-in</p>
      {result?.kind === "throttled" ? (
        <p className="form-error" role="alert">
          Too many answers have come from your network in a short time. Please try again in {result.minutes}{" "}
          {result.minutes === 1 ? "minute" : "minutes"}.
        </p>
      ) : null}
      <SurveyForm productName={productName} lastResult={result?.kind === "invalid" ? result.result : undefined} />
      <p className="survey-footnote">
        Your answers go to the people who build {productName}
        {salespersonFirstName ? ` and to ${salespersonFirstName}'s manager` : " and to your salesperson's manager"}, and
        an honest answer helps us keep our promises. This link is yours alone and works once.
      </p>
    </SurveyShell>
  );
}

function AlreadyAnswered({ companyName }: { companyName: string | null }) {
  return (
    <SurveyShell companyName={companyName}>
      <h1>Already answered</h1>
      <p>This survey has already been answered, so there is nothing more to do. Thank you for your time.</p>
    </SurveyShell>
  );
}
