import { getFormProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { UNTRUE_CLAIM_MAX, UNTRUE_CLAIM_QUESTION } from "../../domain/customer-claims.ts";
import { LEAST_LIKED_MAX } from "../../domain/survey-answers.ts";
import { surveyResponseSchema } from "../../schemas/survey-response.ts";
import { ErrorList } from "../ui/field.tsx";
import { useIsPending } from "../ui/submit-button.tsx";

// The customer's page: no navigation, no sign-in, nothing but who is asking and the questions.
// Mobile first (most customers open the link on a phone): each answer is a tap target at least
// 48 px high across the width (WCAG 2.5.8 asks 24 px), the 0–10 scale wraps to two rows on a
// phone, and nothing is wider than the screen. A plain form post, so it works without JavaScript.

/** Who is asking: the company's name when an admin has set it (/admin/settings). */
export function SurveyShell({ companyName, children }: { companyName?: string | null; children: ReactNode }) {
  return (
    <div className="survey-layout">
      <header className="survey-brand">
        <div className="survey-brand-inner">
          {companyName ? <span className="survey-brand-name">{companyName}</span> : null}
          <span className="survey-brand-what">Customer survey</span>
        </div>
      </header>
      <main className="page survey-page" id="main">
        <div className="panel survey-panel">{children}</div>
      </main>
    </div>
  );
}

interface Choice {
  value: string;
  label: string;
  /** Read by screen readers after the label ("1, very unhappy"); the scale's ends show it on screen. */
  spoken?: string;
}

function ChoiceGroup({
  legend,
  meta,
  options,
  hint,
  ends,
  layout,
}: {
  legend: string;
  meta: FieldMetadata<unknown>;
  options: readonly Choice[];
  hint?: string;
  /** The words at either end of a numeric scale, shown under it. */
  ends?: [low: string, high: string];
  layout: "three" | "five" | "eleven";
}) {
  const chosen = typeof meta.initialValue === "string" ? meta.initialValue : undefined;
  const hintId = `${meta.id}-hint`;
  const invalid = Boolean(meta.errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="survey-question" aria-describedby={describedBy} aria-invalid={invalid ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="survey-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={`survey-scale survey-scale-${layout}`}>
        {options.map((option) => (
          <label key={option.value} className="survey-choice">
            <input type="radio" name={meta.name} value={option.value} defaultChecked={chosen === option.value} />
            <span className="survey-choice-face">
              {option.label}
              {option.spoken ? <span className="visually-hidden"> — {option.spoken}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {ends ? (
        <div className="survey-scale-ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

const CSAT_OPTIONS: readonly Choice[] = [
  { value: "1", label: "1", spoken: "very unhappy" },
  { value: "2", label: "2" },
  { value: "3", label: "3" },
  { value: "4", label: "4" },
  { value: "5", label: "5", spoken: "very happy" },
];
const DELIVERED_OPTIONS: readonly Choice[] = [
  { value: "YES", label: "Yes" },
  { value: "PARTLY", label: "Partly" },
  { value: "NO", label: "No" },
];
const NPS_OPTIONS: readonly Choice[] = Array.from({ length: 11 }, (_, score) => ({
  value: String(score),
  label: String(score),
}));

export function SurveyForm({
  productName,
  lastResult,
}: {
  productName: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "survey-response",
    lastResult,
    constraint: getZodConstraint(surveyResponseSchema),
    shouldValidate: "onSubmit",
    // Once a send has shown errors, each clears as soon as its question is answered.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: surveyResponseSchema }),
  });
  const busy = useIsPending();
  return (
    <Form method="post" className="survey-form" {...getFormProps(form)}>
      <ChoiceGroup
        legend={`How satisfied are you with ${productName} six months in?`}
        meta={fields.csat}
        options={CSAT_OPTIONS}
        ends={["Very unhappy", "Very happy"]}
        layout="five"
      />
      <ChoiceGroup
        legend="Did the product do what our salesperson told you it would?"
        meta={fields.deliveredAsPromised}
        options={DELIVERED_OPTIONS}
        layout="three"
      />
      <ChoiceGroup
        legend="How likely are you to recommend us to a colleague? (optional)"
        hint="0 = not at all likely, 10 = extremely likely"
        meta={fields.nps}
        options={NPS_OPTIONS}
        layout="eleven"
      />
      <div className="field survey-question">
        <label htmlFor={fields.leastLiked.id}>What do you like least? (optional)</label>
        <textarea
          {...getTextareaProps(fields.leastLiked)}
          rows={4}
          maxLength={LEAST_LIKED_MAX}
          key={fields.leastLiked.key}
        />
        <span className="hint">Be blunt: this goes to the engineers who build the product.</span>
        <ErrorList id={fields.leastLiked.errorId} errors={fields.leastLiked.errors} />
      </div>
      <div className="field survey-question">
        <label htmlFor={fields.untrueClaim.id}>{UNTRUE_CLAIM_QUESTION} (optional)</label>
        <textarea
          {...getTextareaProps(fields.untrueClaim)}
          rows={4}
          maxLength={UNTRUE_CLAIM_MAX}
          key={fields.untrueClaim.key}
        />
        <span className="hint">
          In your own words. An engineer checks every answer against what the product really does.
        </span>
        <ErrorList id={fields.untrueClaim.errorId} errors={fields.untrueClaim.errors} />
      </div>
      <button type="submit" className="button survey-submit" disabled={busy}>
        {busy ? "Sending…" : "Send my answers"}
      </button>
    </Form>
  );
}

export const NOT_VALID = "This link is not valid. It may have been mistyped, replaced by a newer link, or expired.";

/** Every error of the public page, a 404 for a bad link above all, in the same plain shell. */
export function SurveyErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data: unknown = isRouteErrorResponse(error) ? error.data : null;
  const message =
    data && typeof data === "object" && "message" in data && typeof data.message === "string"
      ? data.message
      : status === 404
        ? NOT_VALID
        : "Something went wrong on our side. Please try again later.";
  return (
    <SurveyShell>
      <h1>{status === 404 ? "This link is not valid" : "Sorry"}</h1>
      <p>{message}</p>
    </SurveyShell>
  );
}
