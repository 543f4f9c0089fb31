import { getFormProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, isRouteErrorResponse, useNavigation, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { UNTRUE_CLAIM_MAX, UNTRUE_CLAIM_QUESTION } from "../../domain/customer-claims.ts";
import { LEAST_LIKED_MAX } from "../../domain/survey-results-import.ts";
import { surveyResponseSchema } from "../../schemas/survey-response.ts";
import { ErrorList } from "../ui/field.tsx";

// The customer's page: no navigation, no sign-in, nothing but the questions.

export function SurveyShell({ children }: { children: ReactNode }) {
  return (
    <main className="page survey-page" id="main">
      <div className="panel">{children}</div>
    </main>
  );
}

function RadioGroup({ legend, meta, options, hint }: { legend: string; meta: FieldMetadata<unknown>; options: ReadonlyArray<{ value: string; label: string }>; hint?: string }) {
  const chosen = typeof meta.initialValue === "string" ? meta.initialValue : undefined;
  return (
    <fieldset className="field" aria-describedby={meta.errors?.length ? meta.errorId : undefined} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <span className="hint">{hint}</span> : null}
      <div className="inline-form">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="radio" name={meta.name} value={option.value} defaultChecked={chosen === option.value} />
            {option.label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

const CSAT_OPTIONS = [
  { value: "1", label: "1 — very unhappy" },
  { value: "2", label: "2" },
  { value: "3", label: "3" },
  { value: "4", label: "4" },
  { value: "5", label: "5 — very happy" },
];
const DELIVERED_OPTIONS = [
  { value: "YES", label: "Yes" },
  { value: "PARTLY", label: "Partly" },
  { value: "NO", label: "No" },
];
const NPS_OPTIONS = Array.from({ length: 11 }, (_, score) => ({ value: String(score), label: String(score) }));

export function SurveyForm({ productName, lastResult }: { productName: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "survey-response",
    lastResult,
    constraint: getZodConstraint(surveyResponseSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: surveyResponseSchema }),
  });
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)}>
      <RadioGroup legend={`How satisfied are you with ${productName} six months in?`} meta={fields.csat} options={CSAT_OPTIONS} />
      <RadioGroup legend="Did the product do what our salesperson told you it would?" meta={fields.deliveredAsPromised} options={DELIVERED_OPTIONS} />
      <RadioGroup
        legend="How likely are you to recommend us to a colleague? (optional)"
        hint="0 = not at all likely, 10 = extremely likely"
        meta={fields.nps}
        options={NPS_OPTIONS}
      />
      <div className="field">
        <label htmlFor={fields.leastLiked.id}>What do you like least? (optional)</label>
        <textarea {...getTextareaProps(fields.leastLiked)} rows={4} maxLength={LEAST_LIKED_MAX} key={fields.leastLiked.key} />
        <span className="hint">Be blunt: this goes to the engineers who build the product.</span>
        <ErrorList id={fields.leastLiked.errorId} errors={fields.leastLiked.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.untrueClaim.id}>{UNTRUE_CLAIM_QUESTION} (optional)</label>
        <textarea {...getTextareaProps(fields.untrueClaim)} rows={4} maxLength={UNTRUE_CLAIM_MAX} key={fields.untrueClaim.key} />
        <span className="hint">In your own words. An engineer checks every answer against what the product really does.</span>
        <ErrorList id={fields.untrueClaim.errorId} errors={fields.untrueClaim.errors} />
      </div>
      <button type="submit" disabled={busy}>
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
